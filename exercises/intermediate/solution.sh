#!/usr/bin/env bash
set -euo pipefail
s() { echo "0x$(openssl rand -hex 8)"; }
openssl req -new -newkey rsa:2048 -noenc -keyout intermediate.key -subj "/CN=My Exercise Intermediate CA" -out intermediate.csr 2>/dev/null
printf '%s\n' "basicConstraints=critical,CA:TRUE,pathlen:0" "keyUsage=critical,keyCertSign,cRLSign" > ca.ext
openssl x509 -req -in intermediate.csr -CA ../root-ca/ca.crt -CAkey ../root-ca/ca.key -set_serial "$(s)" \
  -days 1825 -extfile ca.ext -out intermediate.crt 2>/dev/null
openssl req -new -newkey rsa:2048 -noenc -keyout leaf.key -subj "/CN=www.example.test" -out leaf.csr 2>/dev/null
printf '%s\n' "basicConstraints=critical,CA:FALSE" "extendedKeyUsage=serverAuth" "subjectAltName=DNS:www.example.test" > leaf.ext
openssl x509 -req -in leaf.csr -CA intermediate.crt -CAkey intermediate.key -set_serial "$(s)" -days 180 \
  -extfile leaf.ext -out leaf.crt 2>/dev/null
cat leaf.crt intermediate.crt > chain.pem
