#!/usr/bin/env bash
set -euo pipefail
openssl req -new -newkey rsa:2048 -noenc -keyout server.key -subj "/CN=www.example.test" -out server.csr 2>/dev/null
printf '%s\n' "basicConstraints=critical,CA:FALSE" "keyUsage=critical,digitalSignature,keyEncipherment" \
  "extendedKeyUsage=serverAuth" "subjectAltName=DNS:www.example.test" > server.ext
openssl x509 -req -in server.csr -CA ../root-ca/ca.crt -CAkey ../root-ca/ca.key -set_serial "0x$(openssl rand -hex 8)" \
  -days 180 -extfile server.ext -out server.crt 2>/dev/null
