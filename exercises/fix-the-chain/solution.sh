#!/usr/bin/env bash
set -euo pipefail
cat leaf.crt candidates/intermediate-4.crt > fullchain.pem
