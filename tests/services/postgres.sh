#!/usr/bin/env bash
# Run one command against a throw-away PostgreSQL 15 cluster, then remove the cluster.
#
#   bash tests/services/postgres.sh -- COMMAND [ARGS...]
#
# The command sees DATABASE_URL pointing at an empty database on a free loopback port. The cluster lives in a
# temporary folder and is stopped and deleted afterwards, whatever the command's exit code (which is passed on).
# PostgreSQL refuses to run as root, so as root the cluster runs as Debian's `postgres` user.
set -euo pipefail

[ "${1:-}" = "--" ] && shift
[ $# -gt 0 ] || { echo "usage: $0 -- COMMAND [ARGS...]" >&2; exit 2; }

pg_bin="${PG_BIN:-/usr/lib/postgresql/15/bin}"
if [ ! -x "$pg_bin/initdb" ]; then
  echo "postgres.sh: no PostgreSQL 15 server binaries in $pg_bin (Debian: apt-get install postgresql-15)" >&2
  exit 3
fi

run_as=()
if [ "$(id -u)" = 0 ]; then
  id postgres >/dev/null 2>&1 || { echo "postgres.sh: running as root but there is no 'postgres' user" >&2; exit 3; }
  run_as=(runuser -u postgres --)
fi

cluster_dir="$(mktemp -d /tmp/netwerk-pg.XXXXXX)"
chmod 755 "$cluster_dir"
[ ${#run_as[@]} -gt 0 ] && chown postgres "$cluster_dir"
port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"

stop_cluster() {
  "${run_as[@]}" "$pg_bin/pg_ctl" -D "$cluster_dir/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$cluster_dir"
}
trap stop_cluster EXIT

"${run_as[@]}" "$pg_bin/initdb" -D "$cluster_dir/data" -A trust -U netwerk -E UTF8 --locale=C.UTF-8 >"$cluster_dir/initdb.log" 2>&1 \
  || { echo "postgres.sh: initdb failed:" >&2; tail -20 "$cluster_dir/initdb.log" >&2; exit 3; }
# Durability is worthless for a throw-away test database; turning it off makes the suite much faster.
"${run_as[@]}" "$pg_bin/pg_ctl" -D "$cluster_dir/data" -l "$cluster_dir/server.log" -w -t 60 \
  -o "-p $port -k $cluster_dir -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
  start >/dev/null \
  || { echo "postgres.sh: the server did not start:" >&2; tail -20 "$cluster_dir/server.log" >&2; exit 3; }
"${run_as[@]}" "$pg_bin/createdb" -h 127.0.0.1 -p "$port" -U netwerk netwerk

echo "postgres.sh: PostgreSQL $("$pg_bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$port" >&2
set +e
DATABASE_URL="postgres://netwerk@127.0.0.1:$port/netwerk" "$@"
status=$?
set -e
exit $status
