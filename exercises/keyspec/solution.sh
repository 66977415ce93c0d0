#!/usr/bin/env bash
set -euo pipefail
echo "exercise-password" > password.txt
openssl pkcs12 -export -keyex -inkey ../server-cert/server.key -in ../server-cert/server.crt \
  -passout file:password.txt -out keyex.pfx
