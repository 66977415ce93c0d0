#!/usr/bin/env bash
set -euo pipefail
openssl req -new -newkey rsa:2048 -noenc -keyout both.key -subj "/CN=node1.example.test" -out both.csr 2>/dev/null
printf '%s\n' "basicConstraints=critical,CA:FALSE" "keyUsage=critical,digitalSignature,keyEncipherment" \
  "extendedKeyUsage=serverAuth,clientAuth" "subjectAltName=DNS:node1.example.test" > both.ext
openssl x509 -req -in both.csr -CA ../root-ca/ca.crt -CAkey ../root-ca/ca.key -set_serial "0x$(openssl rand -hex 8)" \
  -days 180 -extfile both.ext -out both.crt 2>/dev/null
