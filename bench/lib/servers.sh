# Sourced by the benchmark scripts: starts WeftDB and a reference PostgreSQL (Debian packages) on
# loopback side ports in a scratch directory, and stops both on exit. Sets: work, weft_port,
# ref_port, pg_bin, and psql_at PORT SQL (one query, unaligned output, plain TCP).

weft_port=${WEFT_PORT:-25432}
ref_port=${REF_PORT:-25433}
work=$(mktemp -d /tmp/weftdb-bench.XXXXXX)
chmod 755 "$work"

need() { command -v "$1" >/dev/null 2>&1; }
if ! need pgbench || ! need psql || ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
  echo "installing postgresql and postgresql-client (reference server, psql, pgbench)..." >&2
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql postgresql-client >/dev/null
fi
pg_bin=$(dirname "$(ls -d /usr/lib/postgresql/*/bin/initdb | sort -V | tail -1)")

weft_pid=""
cleanup() {
  [ -n "$weft_pid" ] && kill "$weft_pid" 2>/dev/null && wait "$weft_pid" 2>/dev/null || true
  runuser -u postgres -- "$pg_bin/pg_ctl" -D "$work/ref" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT

echo "starting reference PostgreSQL on port $ref_port..." >&2
mkdir -p "$work/ref" && chown postgres "$work/ref"
runuser -u postgres -- "$pg_bin/initdb" -D "$work/ref" -A trust -U postgres >/dev/null
runuser -u postgres -- "$pg_bin/pg_ctl" -D "$work/ref" -o "-p $ref_port -k $work/ref -c listen_addresses=127.0.0.1" \
  -l "$work/ref/server.log" -w start >/dev/null

echo "starting WeftDB on port $weft_port..." >&2
./weftdb serve --data "$work/weft" --pg "$weft_port" --mysql 0 --http 0 > "$work/weft.log" 2>&1 &
weft_pid=$!
for _ in $(seq 1 120); do
  grep -q "^ready" "$work/weft.log" 2>/dev/null && break
  kill -0 "$weft_pid" 2>/dev/null || { cat "$work/weft.log" >&2; exit 1; }
  sleep 1
done

# Plain TCP to both servers (WeftDB offers TLS by default, the reference has none configured): like for like.
psql_at() { # port, sql
  PGPASSWORD= PGSSLMODE=disable psql -h 127.0.0.1 -p "$1" -U postgres -X -q -At -v ON_ERROR_STOP=1 postgres -c "$2"
}
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "n/a" }'; }
