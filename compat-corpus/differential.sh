#!/usr/bin/env bash
# Differential run: starts a reference PostgreSQL and MariaDB (Debian packages, installed when
# missing) on loopback side ports in a scratch directory, sends them the golden corpus through the
# same drivers WeftDB's matrix uses, and writes docs/DIFFERENTIAL.md listing every case where the
# corpus expects something the real database does not answer. Both servers stop on exit.
#
#   compat-corpus/differential.sh [report-dir]      default: docs
set -euo pipefail
cd "$(dirname "$0")/.."

report_dir=${1:-docs}
pg_port=${REF_PG_PORT:-25533}
maria_port=${REF_MARIADB_PORT:-25534}
work=$(mktemp -d /tmp/weftdb-differential.XXXXXX)
chmod 755 "$work"

need() { command -v "$1" >/dev/null 2>&1; }
if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || ! need mariadbd || ! need mariadb-install-db; then
  echo "installing postgresql and mariadb-server (the reference servers)..." >&2
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql mariadb-server >/dev/null
fi
pg_bin=$(dirname "$(ls -d /usr/lib/postgresql/*/bin/initdb | sort -V | tail -1)")

maria_pid=""
cleanup() {
  [ -n "$maria_pid" ] && kill "$maria_pid" 2>/dev/null && wait "$maria_pid" 2>/dev/null || true
  runuser -u postgres -- "$pg_bin/pg_ctl" -D "$work/pg" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT

echo "starting reference PostgreSQL on port $pg_port..." >&2
mkdir -p "$work/pg" && chown postgres "$work/pg"
runuser -u postgres -- "$pg_bin/initdb" -D "$work/pg" -A trust -U postgres -E UTF8 --locale=C.UTF-8 >/dev/null
runuser -u postgres -- "$pg_bin/pg_ctl" -D "$work/pg" -o "-p $pg_port -k $work/pg -c listen_addresses=127.0.0.1" \
  -l "$work/pg/server.log" -w start >/dev/null

echo "starting reference MariaDB on port $maria_port..." >&2
mkdir -p "$work/maria" && chown mysql:mysql "$work/maria"
mariadb-install-db --no-defaults --datadir="$work/maria" --user=mysql --skip-test-db >"$work/maria-install.log" 2>&1 \
  || { cat "$work/maria-install.log" >&2; exit 1; }
mariadbd --no-defaults --datadir="$work/maria" --user=mysql --port="$maria_port" --bind-address=127.0.0.1 \
  --socket="$work/maria/mariadb.sock" --pid-file="$work/maria/mariadb.pid" --skip-grant-tables --skip-name-resolve \
  --character-set-server=utf8mb4 --collation-server=utf8mb4_general_ci >"$work/maria.log" 2>&1 &
maria_pid=$!
for _ in $(seq 1 60); do
  (exec 3<>"/dev/tcp/127.0.0.1/$maria_port") 2>/dev/null && break
  kill -0 "$maria_pid" 2>/dev/null || { cat "$work/maria.log" >&2; exit 1; }
  sleep 1
done

./weftdb compat --report-dir "$report_dir" --against-postgres "127.0.0.1:$pg_port" --against-mariadb "127.0.0.1:$maria_port"
