#!/usr/bin/env bash
# Debian packages the tests use: a real PostgreSQL server, the independent PDF/crypto checkers, and
# Ceph's RADOS Gateway (mon + OSD + radosgw) as the real S3 server with Object Lock.
set -euo pipefail

packages=(postgresql poppler-utils qpdf openssl libnss3-tools ceph-mon ceph-osd radosgw curl softhsm2 opensc
  default-jdk-headless libitext5-java libbcprov-java libbcpkix-java)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0

sudo=""
[ "$(id -u)" -ne 0 ] && sudo="sudo"
echo "Installing: ${missing[*]}"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
