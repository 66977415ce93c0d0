#!/usr/bin/env bash
set -euo pipefail
echo "exercise-password" > password.txt
openssl pkcs12 -export -inkey ../server-cert/server.key -in ../server-cert/server.crt \
  -keypbe PBE-SHA1-3DES -certpbe PBE-SHA1-3DES -macalg sha1 -passout file:password.txt -out legacy.pfx
