#!/usr/bin/env bash
set -euo pipefail
openssl req -new -newkey rsa:2048 -noenc -keyout request.key -out request.csr \
  -subj "/CN=api.example.test" \
  -addext "subjectAltName=DNS:api.example.test" -addext "extendedKeyUsage=serverAuth" 2>/dev/null
