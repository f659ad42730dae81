#!/usr/bin/env bash
# Starts and stops the services the tests use (PostgreSQL, and Ceph RGW as S3), all on 127.0.0.1 and private to this run:
#   scripts/services.sh start ENV_FILE   # writes the variables the tests read into ENV_FILE
#   scripts/services.sh stop
#   scripts/services.sh stop-rgw | start-rgw   # only the S3 front end, for fault tests
set -euo pipefail
cd "$(dirname "$0")/.."
state=.test-services
mkdir -p "$state"

pg_bin() { ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1; }

# PostgreSQL refuses to run as root; as root we run it as the postgres user, in a directory it owns.
as_pg() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

start_postgres() {
  local bin dir port=55432
  bin=$(pg_bin)
  dir=$(mktemp -d /tmp/docservice-pg.XXXXXX)
  echo "$dir" > "$state/postgres.dir"
  [ "$(id -u)" -eq 0 ] && chown postgres:postgres "$dir"
  as_pg "$bin/initdb" -D "$dir/data" -U postgres --auth=trust -E UTF8 >/dev/null
  as_pg "$bin/pg_ctl" -D "$dir/data" -l "$dir/log" -w -t 60 \
    -o "-c listen_addresses=127.0.0.1 -c port=$port -c unix_socket_directories=$dir -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" start >/dev/null
  echo "DOCSERVICE_TEST_POSTGRES='Host=127.0.0.1;Port=$port;Username=postgres;Maximum Pool Size=50'" >> "$1"
  echo "PostgreSQL $(basename "$(dirname "$bin")") on 127.0.0.1:$port"
}

stop_postgres() {
  [ -f "$state/postgres.dir" ] || return 0
  local dir; dir=$(cat "$state/postgres.dir")
  as_pg "$(pg_bin)/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null 2>&1 || true
  rm -rf "$dir" "$state/postgres.dir"
}

# A real S3 server with Object Lock: Ceph's RADOS Gateway on a one-node cluster (one mon, one OSD keeping
# objects in RAM, bounded by DOCSERVICE_S3_MEMSTORE_BYTES), all on 127.0.0.1 and in one temporary directory.
# Facts behind each setting: ../shared/notes/s3-test-server.md. The daemons daemonise themselves; their pid
# files are how stop_s3 finds them. `ceph` runs on /usr/bin/python3 (its shebang), which has the rados
# module; a pyenv python3 does not, so never call it as `python3 /usr/bin/ceph`.
s3_port=17480 s3_mon_v2=13300 s3_mon_v1=16789

s3_conf() { echo "$(cat "$state/s3.dir")/ceph.conf"; }
s3_ceph() { timeout 60 ceph -c "$(s3_conf)" "$@"; }

start_s3() {
  [ -f "$state/s3.dir" ] && stop_s3   # a previous run that was killed before it could stop
  local dir fsid osd_uuid pool port mon="[v2:127.0.0.1:$s3_mon_v2,v1:127.0.0.1:$s3_mon_v1]"
  for port in "$s3_port" "$s3_mon_v2" "$s3_mon_v1"; do
    if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      echo "Port $port is taken: is another test run's Ceph still up?" >&2; return 1
    fi
  done
  dir=$(mktemp -d /tmp/docservice-s3.XXXXXX)
  echo "$dir" > "$state/s3.dir"
  mkdir -p "$dir/run" "$dir/log" "$dir/mon" "$dir/osd/ceph-0" "$dir/rgw"
  fsid=$(cat /proc/sys/kernel/random/uuid)
  cat > "$dir/ceph.conf" <<EOF
[global]
fsid = $fsid
mon host = $mon
public addr = 127.0.0.1
cluster addr = 127.0.0.1
ms bind ipv6 = false
ms bind port min = 16800
ms bind port max = 16899
auth cluster required = none
auth service required = none
auth client required = none
osd pool default size = 1
osd pool default min size = 1
osd pool default pg num = 8
osd pool default pgp num = 8
osd pool default pg autoscale mode = off
osd crush chooseleaf type = 0
mon allow pool size one = true
mon warn on pool no redundancy = false
paxos propose interval = 0.05
run dir = $dir/run
pid file = $dir/run/\$name.pid
admin socket = $dir/run/\$name.asok
log file = $dir/log/\$name.log
keyring = $dir/keyring
mon data = $dir/mon/\$cluster-\$id
osd data = $dir/osd/\$cluster-\$id
[osd]
osd objectstore = memstore
memstore device bytes = ${DOCSERVICE_S3_MEMSTORE_BYTES:-4294967296}
[client.rgw.docservice]
rgw frontends = beast endpoint=127.0.0.1:$s3_port
rgw data = $dir/rgw
auth client required = none
ms mon client mode = crc
ms client mode = crc
EOF
  ceph-authtool --create-keyring "$dir/keyring" --gen-key -n mon. --cap mon 'allow *' >/dev/null
  monmaptool --create --fsid "$fsid" --addv a "$mon" "$dir/monmap" >/dev/null
  ceph-mon -c "$dir/ceph.conf" --mkfs -i a --monmap "$dir/monmap" --keyring "$dir/keyring"
  ceph-mon -c "$dir/ceph.conf" -i a
  osd_uuid=$(cat /proc/sys/kernel/random/uuid)
  s3_ceph osd new "$osd_uuid" >/dev/null
  ceph-osd -c "$dir/ceph.conf" -i 0 --mkfs --osd-uuid "$osd_uuid" 2>>"$dir/log/osd.0.stderr"
  ceph-osd -c "$dir/ceph.conf" -i 0 2>>"$dir/log/osd.0.stderr"
  s3_wait 15 "the OSD" bash -c "timeout 10 ceph -c '$dir/ceph.conf' osd dump | grep -q '^osd.0 up'" || return 1
  # Created up front: radosgw creates missing pools one by one on first use, ~2 s each.
  for pool in .rgw.root default.rgw.control default.rgw.meta default.rgw.log \
              default.rgw.buckets.index default.rgw.buckets.data default.rgw.buckets.non-ec; do
    echo "osd pool create $pool 8"; echo "osd pool application enable $pool rgw"
  done | s3_ceph >/dev/null 2>>"$dir/log/pools.stderr"
  timeout 60 radosgw-admin -c "$dir/ceph.conf" user create --uid=docservice --display-name="DocService tests" \
    --access-key=docservice-test --secret-key=docservice-test-secret >/dev/null
  # Without this GetBucketLocation answers "default" and SDKs sign for a region that does not exist.
  timeout 60 radosgw-admin -c "$dir/ceph.conf" zonegroup modify --rgw-zonegroup=default --api-name=us-east-1 >/dev/null
  radosgw -c "$dir/ceph.conf" -n client.rgw.docservice 2>>"$dir/log/rgw.stderr"
  s3_wait 60 "radosgw" curl -sf -o /dev/null "http://127.0.0.1:$s3_port/" || return 1
  {
    echo "S3_ENDPOINT='http://127.0.0.1:$s3_port'"
    echo "S3_ACCESS_KEY='docservice-test'"
    echo "S3_SECRET_KEY='docservice-test-secret'"
    echo "S3_REGION='us-east-1'"
  } >> "$1"
  echo "Ceph RADOS Gateway $(ceph --version | cut -d' ' -f3) (S3, Object Lock) on 127.0.0.1:$s3_port"
}

# s3_wait SECONDS WHAT COMMAND...: polls every 0.1 s; on time-out shows the logs that explain why.
s3_wait() {
  local seconds=$1 what=$2; shift 2
  for _ in $(seq $((seconds * 10))); do "$@" && return 0; sleep 0.1; done
  echo "$what did not come up within ${seconds}s; logs in $(dirname "$(s3_conf)")/log:" >&2
  tail -n 20 "$(dirname "$(s3_conf)")"/log/* >&2 || true
  return 1
}

# A killed daemon stays a zombie until init reaps it, which can take seconds here; a zombie holds no port.
s3_running() { [ -e "/proc/$1" ] && [ "$(sed 's/.*) //' "/proc/$1/stat" 2>/dev/null | cut -d' ' -f1)" != Z ]; }

# Stops radosgw, then the OSD, then the mon (radosgw can hang for minutes when the OSD goes first). The
# cluster's data is thrown away, so each gets SIGKILL: a graceful stop costs 2-7 s a daemon and saves nothing.
# Only processes whose command line names this run's ceph.conf are signalled, so a recycled pid is left alone.
stop_s3() {
  [ -f "$state/s3.dir" ] || return 0
  local dir name pid
  dir=$(cat "$state/s3.dir")
  for name in client.rgw.docservice osd.0 mon.a; do
    pid=$(cat "$dir/run/$name.pid" 2>/dev/null) || continue
    grep -qF "$dir/ceph.conf" "/proc/$pid/cmdline" 2>/dev/null || continue
    kill -KILL "$pid" 2>/dev/null || continue
    for _ in $(seq 100); do s3_running "$pid" || break; sleep 0.05; done
  done
  rm -rf "$dir" "$state/s3.dir"
}

# For fault tests: stop (SIGKILL, as a crash would) and start again only the RADOS Gateway of this run, leaving
# the mon, the OSD and every stored object in place, so the S3 server is really gone and really comes back.
stop_rgw() {
  [ -f "$state/s3.dir" ] || { echo "No S3 server of this run is up." >&2; return 1; }
  local dir pid
  dir=$(cat "$state/s3.dir")
  pid=$(cat "$dir/run/client.rgw.docservice.pid" 2>/dev/null) || return 0
  grep -qF "$dir/ceph.conf" "/proc/$pid/cmdline" 2>/dev/null || return 0
  kill -KILL "$pid" 2>/dev/null || return 0
  for _ in $(seq 100); do s3_running "$pid" || return 0; sleep 0.05; done
  echo "radosgw $pid did not stop" >&2; return 1
}

start_rgw() {
  [ -f "$state/s3.dir" ] || { echo "No S3 server of this run is up." >&2; return 1; }
  local dir; dir=$(cat "$state/s3.dir")
  radosgw -c "$dir/ceph.conf" -n client.rgw.docservice 2>>"$dir/log/rgw.stderr"
  s3_wait 60 "radosgw" curl -sf -o /dev/null "http://127.0.0.1:$s3_port/"
}

# A PKCS#11 token for the Pkcs11 tests: SoftHSM2 with its token store in a temporary directory, one token
# "docservice" (user PIN 1234) holding certs-dev keys and their certificates: organisation (id 01, the
# organ's seal key), official-rsa3072 (id 02, a government-token-like key) and official-ecdsa-p256 (id 03).
# softhsm2-util imports PKCS#8 PEM keys; pkcs11-tool (opensc) writes the certificates beside them.
softhsm_module=/usr/lib/softhsm/libsofthsm2.so

start_softhsm() {
  [ -f "$state/softhsm.dir" ] && stop_softhsm
  local dir name id=0
  dir=$(mktemp -d /tmp/docservice-softhsm.XXXXXX)
  echo "$dir" > "$state/softhsm.dir"
  mkdir -p "$dir/tokens"
  printf 'directories.tokendir = %s/tokens\nobjectstore.backend = file\nlog.level = ERROR\n' "$dir" > "$dir/softhsm2.conf"
  export SOFTHSM2_CONF="$dir/softhsm2.conf"
  softhsm2-util --init-token --free --label docservice --pin 1234 --so-pin 5678 >/dev/null
  for name in organisation official-rsa3072 official-ecdsa-p256; do
    id=$((id + 1))
    openssl pkcs12 -in "certs-dev/$name.p12" -passin pass:dev-password -nocerts -nodes 2>/dev/null | openssl pkey -out "$dir/$name.key"
    softhsm2-util --import "$dir/$name.key" --token docservice --label "$name" --id "0$id" --pin 1234 >/dev/null
    openssl x509 -in "certs-dev/$name.crt" -outform DER -out "$dir/$name.der"
    pkcs11-tool --module "$softhsm_module" --token-label docservice --login --pin 1234 \
      --write-object "$dir/$name.der" --type cert --id "0$id" --label "$name" >/dev/null
    rm -f "$dir/$name.key"
  done
  {
    echo "SOFTHSM2_CONF='$dir/softhsm2.conf'"
    echo "DOCSERVICE_PKCS11_MODULE='$softhsm_module'"
    echo "DOCSERVICE_PKCS11_TOKEN='docservice'"
    echo "DOCSERVICE_PKCS11_PIN='1234'"
  } >> "$1"
  echo "SoftHSM $(softhsm2-util --version) token 'docservice' with 3 certs-dev keys"
}

stop_softhsm() {
  [ -f "$state/softhsm.dir" ] || return 0
  rm -rf "$(cat "$state/softhsm.dir")" "$state/softhsm.dir"
}

case "${1:-}" in
  start) : > "$2"; start_postgres "$2"; start_s3 "$2"; start_softhsm "$2" ;;
  stop) stop_softhsm; stop_s3; stop_postgres ;;
  stop-rgw) stop_rgw ;;
  start-rgw) start_rgw ;;
  *) echo "usage: $0 start ENV_FILE | stop | stop-rgw | start-rgw" >&2; exit 2 ;;
esac
