#!/usr/bin/env bash
set -euo pipefail
echo "exercise-password" > password.txt
openssl pkcs12 -export -inkey ../server-cert/server.key -in ../server-cert/server.crt \
  -certfile ../root-ca/ca.crt -name www.example.test -passout file:password.txt -out bundle.pfx
