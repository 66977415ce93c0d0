#!/usr/bin/env bash
set -euo pipefail
openssl req -new -newkey rsa:2048 -noenc -keyout client.key -subj "/CN=student1" -out client.csr 2>/dev/null
printf '%s\n' "basicConstraints=critical,CA:FALSE" "keyUsage=critical,digitalSignature" \
  "extendedKeyUsage=clientAuth" > client.ext
openssl x509 -req -in client.csr -CA ../root-ca/ca.crt -CAkey ../root-ca/ca.key -set_serial "0x$(openssl rand -hex 8)" \
  -days 180 -extfile client.ext -out client.crt 2>/dev/null
