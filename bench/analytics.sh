#!/usr/bin/env bash
# Loads the same fact table (1M rows by default) and a small dimension table into WeftDB and a
# reference PostgreSQL (Debian packages) on loopback side ports, runs a handful of analytic
# queries on both and prints each time and the ratio (WeftDB time / PostgreSQL time: below 1 is
# faster). Each query runs three times and the best time counts. Not a test: machines are noisy,
# compare the ratios of one run.
#
#   bench/analytics.sh [rows]      default: 1000000
set -euo pipefail
cd "$(dirname "$0")/.."

rows=${1:-1000000}
# shellcheck source=bench/lib/servers.sh
. bench/lib/servers.sh

echo "generating $rows fact rows..." >&2
awk -v n="$rows" 'BEGIN { srand(42); for (i = 1; i <= n; i++) printf "%d,%d,%.2f,%d\n", i, i % 100, rand() * 1000, int(rand() * 1000000) }' \
  > "$work/facts.csv"
awk 'BEGIN { for (i = 0; i < 100; i++) printf "%d,name%d,region%d\n", i, i, i % 7 }' > "$work/dims.csv"

schema="CREATE TABLE facts (id bigint PRIMARY KEY, category integer, amount numeric(10,2), score integer);
CREATE TABLE dims (id integer PRIMARY KEY, name text, region text);"

seconds_of() { # command...
  local start end
  start=$(date +%s.%N)
  "$@" >/dev/null
  end=$(date +%s.%N)
  awk -v s="$start" -v e="$end" 'BEGIN { printf "%.3f", e - s }'
}
load() { # port
  psql_at "$1" "$schema"
  PGPASSWORD= PGSSLMODE=disable psql -h 127.0.0.1 -p "$1" -U postgres -X -q -v ON_ERROR_STOP=1 postgres \
    -c "\\copy facts FROM '$work/facts.csv' WITH (FORMAT csv)" -c "\\copy dims FROM '$work/dims.csv' WITH (FORMAT csv)"
  psql_at "$1" "ANALYZE"
}
best_of_three() { # port, sql
  local best="" t
  for _ in 1 2 3; do
    t=$(seconds_of psql_at "$1" "$2")
    best=$(awk -v a="$t" -v b="$best" 'BEGIN { print (b == "" || a < b) ? a : b }')
  done
  echo "$best"
}

printf '%-28s %10s %12s %8s\n' "query ($rows rows)" "WeftDB s" "PostgreSQL s" "ratio"
weft_load=$(seconds_of load "$weft_port")
ref_load=$(seconds_of load "$ref_port")
printf '%-28s %10s %12s %8s\n' "load (COPY + ANALYZE)" "$weft_load" "$ref_load" "$(ratio "$weft_load" "$ref_load")"

while IFS='|' read -r label sql; do
  [ -z "$label" ] && continue
  weft=$(best_of_three "$weft_port" "$sql")
  ref=$(best_of_three "$ref_port" "$sql")
  if [ "$(psql_at "$weft_port" "$sql" | md5sum)" != "$(psql_at "$ref_port" "$sql" | md5sum)" ]; then
    label="$label (ANSWERS DIFFER)"
  fi
  printf '%-28s %10s %12s %8s\n' "$label" "$weft" "$ref" "$(ratio "$weft" "$ref")"
done <<'QUERIES'
filtered aggregate|SELECT count(*), sum(amount) FROM facts WHERE category = 7 AND score > 500000
group by|SELECT category, count(*), avg(amount)::numeric(12,2) FROM facts GROUP BY category ORDER BY category
join + group by|SELECT d.region, count(*), sum(f.amount) FROM facts f JOIN dims d ON f.category = d.id GROUP BY d.region ORDER BY 1
top-N|SELECT id, amount FROM facts ORDER BY amount DESC, id LIMIT 10
point lookup|SELECT amount FROM facts WHERE id = 777777
QUERIES
