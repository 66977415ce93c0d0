#!/usr/bin/env bash
set -euo pipefail
openssl x509 -x509toreq -in old.crt -signkey old.key -out new.csr 2>/dev/null
printf '%s\n' "basicConstraints=critical,CA:FALSE" "keyUsage=critical,digitalSignature" \
  "extendedKeyUsage=serverAuth" "subjectAltName=DNS:app.example.test" > new.ext
openssl x509 -req -in new.csr -CA ../root-ca/ca.crt -CAkey ../root-ca/ca.key -set_serial "0x$(openssl rand -hex 8)" \
  -days 180 -extfile new.ext -out new.crt 2>/dev/null
