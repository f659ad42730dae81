#!/usr/bin/env bash
# Creates secrets/ for docker-compose.yml: random passwords and the key-protection key, each in its own file
# readable by the owner only. An existing file is kept (re-running never rotates a secret by accident).
# TLS: put the agency's certificate chain and key at secrets/tls_certificate.pem and secrets/tls_key.pem;
# without them a self-signed pair for DOCSERVICE_DOMAIN is made so the stack starts (replace it before use).
set -euo pipefail
cd "$(dirname "$0")/../.."
umask 077
mkdir -p secrets

# Without a trailing newline: every reader (PostgreSQL, MinIO, the API) takes the file's bytes as the value.
create() { [ -s "secrets/$1" ] || { "${@:2}" | tr -d '\n' > "secrets/$1"; echo "created secrets/$1"; }; }
create protection_key openssl rand -base64 32
create postgres_password openssl rand -hex 24
create minio_root_user echo docservice-admin
create minio_root_password openssl rand -hex 24
create s3_secret openssl rand -hex 24

if [ ! -s secrets/tls_certificate.pem ]; then
  domain=$(sed -n 's/^DOCSERVICE_DOMAIN=//p' .env 2>/dev/null || true)
  domain=${domain:-localhost}
  openssl req -x509 -newkey rsa:3072 -nodes -days 30 -subj "/CN=$domain" -addext "subjectAltName=DNS:$domain" \
    -keyout secrets/tls_key.pem -out secrets/tls_certificate.pem 2>/dev/null
  echo "created a self-signed secrets/tls_certificate.pem for $domain (30 days): replace it with the agency's certificate"
fi
