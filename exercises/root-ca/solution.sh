#!/usr/bin/env bash
# Reference solution (run by the tests in this exercise's folder).
set -euo pipefail
openssl req -x509 -newkey rsa:2048 -noenc -keyout ca.key -out ca.crt -days 3650 \
  -subj "/CN=My Exercise Root CA" \
  -addext "basicConstraints=critical,CA:TRUE" \
  -addext "keyUsage=critical,keyCertSign,cRLSign" 2>/dev/null
