#!/usr/bin/env bash
# Starts and stops the services the tests use, all on 127.0.0.1 and private to this run:
#   scripts/services.sh start ENV_FILE   # writes the variables the tests read into ENV_FILE
#   scripts/services.sh stop
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

case "${1:-}" in
  start) : > "$2"; start_postgres "$2" ;;
  stop) stop_postgres ;;
  *) echo "usage: $0 start ENV_FILE | stop" >&2; exit 2 ;;
esac
