#!/usr/bin/env bash
# What the tests use on a Debian machine: a real PostgreSQL server, the independent PDF/crypto checkers, Ceph's
# RADOS Gateway (mon + OSD + radosgw) as the real S3 server with Object Lock, docker-compose (v1 parses and
# validates the compose file; no engine is needed), and node with the npm validators of scripts/validators
# (Kubernetes schemas, the OpenAPI schema), and iText 5 with Bouncy Castle and a JDK (the second validator the
# signature tests compare with), and Chromium with the Liberation fonts for the browser tests (Playwright drives it).
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(postgresql poppler-utils qpdf openssl libnss3-tools ceph-mon ceph-osd radosgw curl softhsm2 opensc docker-compose
  default-jdk-headless libitext5-java libbcprov-java libbcpkix-java
  chromium fonts-liberation)
command -v node >/dev/null && command -v npm >/dev/null || packages+=(nodejs npm)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done

sudo=""
[ "$(id -u)" -ne 0 ] && sudo="sudo"
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing: ${missing[*]}"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# The lock file pins every validator package; npm ci runs again only when it changed.
validators=scripts/validators
stamp="$validators/node_modules/.installed-from.sha256"
if ! sha256sum --status -c "$stamp" 2>/dev/null; then
  echo "Installing the npm validators in $validators"
  npm ci --prefix "$validators" --no-audit --no-fund --loglevel=error >/dev/null
  sha256sum "$validators/package-lock.json" > "$stamp"
fi
