#!/usr/bin/env bash
set -euo pipefail
openssl pkcs12 -in given.pfx -passin file:given-password.txt -nocerts -noenc -out key.pem
openssl pkcs12 -in given.pfx -passin file:given-password.txt -clcerts -nokeys -out cert.pem
chmod 600 key.pem
