#!/usr/bin/env bash
# Runs the same pgbench workloads against WeftDB and a reference PostgreSQL (Debian packages) on
# loopback side ports and prints both figures and their ratio. Not a test: machines are noisy, so
# compare the ratio of one run, not absolute numbers.
#
#   bench/pgbench.sh [scale] [seconds] [clients]      defaults: 10 20 4
set -euo pipefail
cd "$(dirname "$0")/.."

scale=${1:-10}
seconds=${2:-20}
clients=${3:-4}
# shellcheck source=bench/lib/servers.sh
. bench/lib/servers.sh

run() { # port, pgbench args...
  local port=$1; shift
  PGPASSWORD= PGSSLMODE=disable pgbench -h 127.0.0.1 -p "$port" -U postgres "$@" postgres 2>&1
}
tps() { grep -E '^tps' | sed -E 's/^tps = ([0-9.]+).*/\1/' | head -1; }

init_seconds() { # port
  local start end
  start=$(date +%s.%N)
  run "$1" -i -q -s "$scale" >"$work/init-$1.log" || { cat "$work/init-$1.log" >&2; return 1; }
  end=$(date +%s.%N)
  awk -v s="$start" -v e="$end" 'BEGIN { printf "%.1f", e - s }'
}

printf '%-34s %12s %12s %8s\n' "workload (scale $scale, $clients clients)" "WeftDB" "PostgreSQL" "ratio"
weft_init=$(init_seconds "$weft_port") || weft_init="failed"
ref_init=$(init_seconds "$ref_port")
rows=$((scale * 100000))
weft_rate=$( [ "$weft_init" = failed ] && echo 0 || awk -v r="$rows" -v s="$weft_init" 'BEGIN { printf "%.0f", r / s }')
ref_rate=$(awk -v r="$rows" -v s="$ref_init" 'BEGIN { printf "%.0f", r / s }')
printf '%-34s %12s %12s %8s\n' "pgbench -i (rows/s incl. index)" "$weft_rate" "$ref_rate" "$(ratio "$weft_rate" "$ref_rate")"

# COPY FROM alone (psql's \copy of pgbench_accounts-like rows), into a table without keys and into
# one with a primary key: the bulk-load path itself, without pgbench -i's ALTER TABLE and VACUUM.
awk -v n="$rows" 'BEGIN { pad = sprintf("%84s", ""); for (i = 1; i <= n; i++) printf "%d\t%d\t0\t%s\n", i, int((i - 1) / 100000) + 1, pad }' \
  >"$work/accounts.tsv"
copy_rate() { # port, table definition
  local start end
  psql_at "$1" "SET client_min_messages = warning; DROP TABLE IF EXISTS copy_target; CREATE TABLE copy_target ($2)" || return 1
  start=$(date +%s.%N)
  PGPASSWORD= PGSSLMODE=disable psql -h 127.0.0.1 -p "$1" -U postgres -X -q -v ON_ERROR_STOP=1 postgres \
    -c "\\copy copy_target from '$work/accounts.tsv'" >/dev/null || return 1
  end=$(date +%s.%N)
  psql_at "$1" "DROP TABLE copy_target"
  awk -v r="$rows" -v s="$start" -v e="$end" 'BEGIN { printf "%.0f", r / (e - s) }'
}
for keys in "" "primary key"; do
  definition="aid integer $keys, bid integer, abalance integer, filler char(84)"
  weft=$(copy_rate "$weft_port" "$definition") || weft=0
  ref=$(copy_rate "$ref_port" "$definition")
  printf '%-34s %12s %12s %8s\n' "COPY FROM (rows/s${keys:+, $keys})" "$weft" "$ref" "$(ratio "$weft" "$ref")"
done

# Ten seconds of -S first on both servers: WeftDB's JIT compiles its hot paths, and PostgreSQL's
# buffer cache holds the tables, so the measured runs compare steady states.
run "$weft_port" -S -M prepared -n -c "$clients" -j "$clients" -T 10 >/dev/null || true
run "$ref_port" -S -M prepared -n -c "$clients" -j "$clients" -T 10 >/dev/null || true

for mode in "-S -M prepared" "-M prepared"; do
  # shellcheck disable=SC2086
  weft=$(run "$weft_port" $mode -n -c "$clients" -j "$clients" -T "$seconds" | tps)
  # shellcheck disable=SC2086
  ref=$(run "$ref_port" $mode -n -c "$clients" -j "$clients" -T "$seconds" | tps)
  label="pgbench $mode (tps)"
  [ "$mode" = "-M prepared" ] && label="pgbench TPC-B -M prepared (tps)"
  printf '%-34s %12s %12s %8s\n' "$label" "${weft:-failed}" "${ref:-failed}" "$(ratio "${weft:-0}" "${ref:-0}")"
done

# TPC-B keeps every balance change in four places; after the run they must agree on WeftDB.
sum_of() { psql -h 127.0.0.1 -p "$weft_port" -U postgres -At postgres -c "select sum($1) from $2" 2>&1 || true; }
invariant="$(sum_of abalance pgbench_accounts)|$(sum_of delta pgbench_history)|$(sum_of bbalance pgbench_branches)|$(sum_of tbalance pgbench_tellers)"
echo "TPC-B balances on WeftDB (accounts|history|branches|tellers): $invariant"
if [ "$(echo "$invariant" | tr '|' '\n' | sort -u | wc -l)" -ne 1 ]; then
  echo "TPC-B invariant violated or not checkable" >&2
  exit 1
fi
