#!/usr/bin/env bash
# Runs sysbench's OLTP workloads (point select, read only, read/write; prepare + run) against WeftDB
# over its MySQL listener and a reference MariaDB (Debian packages) on loopback side ports, and
# prints both figures and their ratio. Not a test: machines are noisy, so compare the ratio of one
# run, not absolute numbers.
#
#   bench/sysbench.sh [table_size] [seconds] [threads] [tables]      defaults: 10000 10 4 4
#   WEFTDB="java -cp ... io.weftdb.server.Main" bench/sysbench.sh    start WeftDB another way
set -euo pipefail
cd "$(dirname "$0")/.."

table_size=${1:-10000}
seconds=${2:-10}
threads=${3:-4}
tables=${4:-4}
# shellcheck source=bench/lib/mariadb.sh
. bench/lib/mariadb.sh

sysbench_at() { # port, workload, command, extra args...
  local port=$1 workload=$2 command=$3; shift 3
  sysbench "$workload" --db-driver=mysql --mysql-host=127.0.0.1 --mysql-port="$port" --mysql-user=root \
    --mysql-password= --mysql-db=sbtest --mysql-ssl=off --tables="$tables" --table-size="$table_size" "$@" "$command" 2>&1
}
per_second() { # label in sysbench's summary (transactions, queries); nothing when the run failed
  { grep -E "^ +$1:" || true; } | sed -E 's/.*\(([0-9.]+) per sec\.\).*/\1/' | head -1
}

prepare_rate() { # port: rows per second of sysbench prepare (inserts and the secondary index)
  local start end
  mariadb_at "$1" "CREATE DATABASE sbtest" || return 1
  start=$(date +%s.%N)
  sysbench_at "$1" oltp_read_write prepare --threads="$tables" >"$work/prepare-$1.log" \
    || { cat "$work/prepare-$1.log" >&2; return 1; }
  end=$(date +%s.%N)
  awk -v r="$((tables * table_size))" -v s="$start" -v e="$end" 'BEGIN { printf "%.0f", r / (e - s) }'
}

printf '%-42s %12s %12s %8s\n' "workload ($tables x $table_size rows, $threads threads, ${seconds}s)" "WeftDB" "MariaDB" \
  "ratio"
weft=$(prepare_rate "$weft_port") || weft=0
ref=$(prepare_rate "$ref_port")
printf '%-42s %12s %12s %8s\n' "prepare (rows/s incl. index)" "$weft" "$ref" "$(ratio "$weft" "$ref")"

# Ten seconds of point selects first on both servers: WeftDB's JIT compiles its hot paths and
# both servers' caches hold the tables, so the measured runs compare steady states.
sysbench_at "$weft_port" oltp_point_select run --threads="$threads" --time=10 >/dev/null || true
sysbench_at "$ref_port" oltp_point_select run --threads="$threads" --time=10 >/dev/null || true

for workload in oltp_point_select oltp_read_only oltp_read_write; do
  sysbench_at "$weft_port" "$workload" run --threads="$threads" --time="$seconds" >"$work/$workload-weft.log" || true
  sysbench_at "$ref_port" "$workload" run --threads="$threads" --time="$seconds" >"$work/$workload-ref.log" || true
  for measure in transactions queries; do
    weft=$(per_second "$measure" <"$work/$workload-weft.log")
    ref=$(per_second "$measure" <"$work/$workload-ref.log")
    printf '%-42s %12s %12s %8s\n' "$workload ($measure/s)" "${weft:-failed}" "${ref:-failed}" \
      "$(ratio "${weft:-0}" "${ref:-0}")"
  done
  errors=$({ grep -E '^ +ignored errors:' "$work/$workload-weft.log" || true; } | awk '{ print $3 }')
  if [ -z "$weft" ] || [ "${errors:-0}" != 0 ]; then
    echo "WeftDB's $workload run failed or had errors:" >&2
    tail -20 "$work/$workload-weft.log" >&2
  fi
done
