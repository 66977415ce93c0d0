#!/usr/bin/env bash
# Makes the files the exercises give (exercises/*/given/) with OpenSSL 3. Run it by hand when they
# must change (bash scripts/exercises/generate.sh); the committed files are the ones the tests use.
# Only fix-the-chain and extract-key have given files; renew's old.crt is made at init time
# (src/exercises/renew-old.ts) so that it expires soon whenever the learner starts.
set -euo pipefail
cd "$(dirname "$0")/../../exercises"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

ext() { printf '%s\n' "$@" > "$tmp/ext.cnf"; }
serial() { echo "0x$(openssl rand -hex 8)"; }

# fix-the-chain: a root, one leaf, and four candidate intermediates with the same name:
# 1 the wrong key, 2 expired, 3 not a CA, 4 the right one.
g=fix-the-chain/given
rm -rf "$g" && mkdir -p "$g/candidates"
openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -keyout "$tmp/root.key" \
  -subj "/CN=cert-tutor Exercise Root CA/O=cert-tutor exercises" -days 7300 -out "$g/ca.crt" \
  -addext "basicConstraints=critical,CA:TRUE" -addext "keyUsage=critical,keyCertSign,cRLSign" 2>/dev/null
openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out "$tmp/int.key"
openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out "$tmp/other.key"
INT_SUBJ="/CN=cert-tutor Exercise Intermediate CA/O=cert-tutor exercises"
ca_ext=(-addext "basicConstraints=critical,CA:TRUE,pathlen:0" -addext "keyUsage=critical,keyCertSign,cRLSign")
intermediate() { # key out days extfile-lines...
  local key=$1 out=$2 days=$3; shift 3
  openssl req -new -key "$key" -subj "$INT_SUBJ" -out "$tmp/int.csr"
  ext "$@"
  openssl x509 -req -in "$tmp/int.csr" -CA "$g/ca.crt" -CAkey "$tmp/root.key" -set_serial "$(serial)" \
    -days "$days" -extfile "$tmp/ext.cnf" -out "$out" 2>/dev/null
}
CA_LINES=("basicConstraints=critical,CA:TRUE,pathlen:0" "keyUsage=critical,keyCertSign,cRLSign" "subjectKeyIdentifier=hash" "authorityKeyIdentifier=keyid")
intermediate "$tmp/other.key" "$g/candidates/intermediate-1.crt" 3650 "${CA_LINES[@]}"
# Expired: issued with a validity that ended before today (openssl x509 -days cannot go back, so
# openssl ca with explicit dates).
mkdir -p "$tmp/ca" && touch "$tmp/ca/index.txt"
cat > "$tmp/ca.cnf" <<CNF
[ca]
default_ca = c
[c]
database = $tmp/ca/index.txt
new_certs_dir = $tmp/ca
serial = $tmp/ca/serial
default_md = sha256
policy = p
unique_subject = no
copy_extensions = none
x509_extensions = e
[p]
commonName = supplied
organizationName = optional
[e]
basicConstraints = critical,CA:TRUE,pathlen:0
keyUsage = critical,keyCertSign,cRLSign
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid
CNF
openssl rand -hex 8 > "$tmp/ca/serial"
openssl req -new -key "$tmp/int.key" -subj "$INT_SUBJ" -out "$tmp/int.csr"
openssl ca -batch -config "$tmp/ca.cnf" -cert "$g/ca.crt" -keyfile "$tmp/root.key" -in "$tmp/int.csr" \
  -startdate 20240101000000Z -enddate 20250101000000Z -notext -out "$g/candidates/intermediate-2.crt" 2>/dev/null
intermediate "$tmp/int.key" "$g/candidates/intermediate-3.crt" 3650 "basicConstraints=critical,CA:FALSE" "keyUsage=critical,digitalSignature"
intermediate "$tmp/int.key" "$g/candidates/intermediate-4.crt" 3650 "${CA_LINES[@]}"
openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out "$g/leaf.key"
openssl req -new -key "$g/leaf.key" -subj "/CN=www.example.test/O=cert-tutor exercises" -out "$tmp/leaf.csr"
ext "basicConstraints=critical,CA:FALSE" "keyUsage=critical,digitalSignature" "extendedKeyUsage=serverAuth" \
  "subjectAltName=DNS:www.example.test" "authorityKeyIdentifier=keyid"
openssl x509 -req -in "$tmp/leaf.csr" -CA "$g/candidates/intermediate-4.crt" -CAkey "$tmp/int.key" \
  -set_serial "$(serial)" -days 3000 -extfile "$tmp/ext.cnf" -out "$g/leaf.crt" 2>/dev/null

# extract-key: a PFX (modern protection) holding a certificate and its key, and its password.
g=extract-key/given
rm -rf "$g" && mkdir -p "$g"
printf 'exercise\n' > "$g/given-password.txt"
openssl req -x509 -newkey rsa:2048 -nodes -keyout "$tmp/x.key" -days 3650 -out "$tmp/x.crt" \
  -subj "/CN=files.example.test/O=cert-tutor exercises" -addext "subjectAltName=DNS:files.example.test" \
  -addext "basicConstraints=critical,CA:FALSE" -addext "extendedKeyUsage=serverAuth" 2>/dev/null
openssl pkcs12 -export -inkey "$tmp/x.key" -in "$tmp/x.crt" -name "files.example.test" \
  -passout pass:exercise -out "$g/given.pfx"
echo "exercises/*/given/ written"
