# shellcheck shell=bash
# Sourced by bench/sysbench.sh: starts WeftDB (MySQL listener only) and a reference MariaDB (Debian
# packages) on loopback side ports, each with its own data directory in a scratch directory, and
# stops both on exit. Sets: work, weft_port, ref_port, and mariadb_at PORT SQL (one statement,
# plain TCP). WEFTDB is the launcher to start WeftDB with (default ./weftdb).

weft_port=${WEFT_MYSQL_PORT:-23306}
ref_port=${REF_MYSQL_PORT:-23307}
work=$(mktemp -d /tmp/weftdb-bench.XXXXXX)
chmod 755 "$work"

need() { command -v "$1" >/dev/null 2>&1; }
if ! need sysbench || ! need mariadb || ! need mariadbd || ! need mariadb-install-db; then
  echo "installing sysbench, mariadb-client and mariadb-server..." >&2
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq sysbench mariadb-client mariadb-server >/dev/null
fi

weft_pid=""
ref_pid=""
cleanup() {
  [ -n "$weft_pid" ] && kill "$weft_pid" 2>/dev/null && wait "$weft_pid" 2>/dev/null || true
  [ -n "$ref_pid" ] && kill "$ref_pid" 2>/dev/null && wait "$ref_pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

mariadb_at() { # port, sql
  mariadb --protocol=TCP -h 127.0.0.1 -P "$1" -u root --skip-ssl --batch --skip-column-names -e "$2"
}

wait_for() { # port, pid, log
  for _ in $(seq 1 120); do
    mariadb_at "$1" "SELECT 1" >/dev/null 2>&1 && return 0
    kill -0 "$2" 2>/dev/null || { cat "$3" >&2; exit 1; }
    sleep 1
  done
  echo "the server on port $1 did not start:" >&2
  cat "$3" >&2
  exit 1
}

# The reference runs as the mysql user with its default (durable) InnoDB settings; grant tables
# are skipped so the benchmark user needs no setup.
echo "starting reference MariaDB on port $ref_port..." >&2
mkdir -p "$work/ref" && chown mysql:mysql "$work/ref"
mariadb-install-db --no-defaults --datadir="$work/ref" --user=mysql --skip-test-db >"$work/ref-install.log" 2>&1 \
  || { cat "$work/ref-install.log" >&2; exit 1; }
mariadbd --no-defaults --datadir="$work/ref" --user=mysql --port="$ref_port" --bind-address=127.0.0.1 \
  --socket="$work/ref/mariadb.sock" --pid-file="$work/ref/mariadb.pid" --skip-grant-tables --skip-name-resolve \
  >"$work/ref.log" 2>&1 &
ref_pid=$!
wait_for "$ref_port" "$ref_pid" "$work/ref.log"

echo "starting WeftDB on port $weft_port..." >&2
${WEFTDB:-./weftdb} serve --data "$work/weft" --pg 0 --mysql "$weft_port" --http 0 > "$work/weft.log" 2>&1 &
weft_pid=$!
wait_for "$weft_port" "$weft_pid" "$work/weft.log"

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "n/a" }'; }
