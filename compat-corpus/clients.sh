#!/usr/bin/env bash
# The client matrix: runs every real-client scenario against WeftDB and writes docs/CLIENT_MATRIX.md
# (client x scenario, pass/fail, from this run) and docs/client-matrix.json, which `weftdb compat`
# folds into the status matrix. The scenarios are the client tests of the server and protocol modules
# (psql, pgjdbc, psycopg2, SQLAlchemy on both wires, node-postgres, Hibernate, the mariadb CLI, Connector/J,
# MariaDB Connector/J, PyMySQL, mysql2, mariadb-dump), plus pgbench (init + a run) and sysbench
# (prepare + a run) against `./weftdb serve`. Installs the clients it needs, as scripts/test does.
#
#   compat-corpus/clients.sh [report-dir]      default: docs
set -uo pipefail
cd "$(dirname "$0")/.."
report_dir=${1:-docs}
work=$(mktemp -d /tmp/weftdb-clients.XXXXXX)
server_pid=""
cleanup() {
  [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT

need() { command -v "$1" >/dev/null 2>&1; }
if ! need pgbench || ! need sysbench; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql-client sysbench >/dev/null
fi

# The test command itself (it installs the CLIs, Python modules and npm packages the scenarios use),
# building what the server module needs and running only its client tests.
classes='io.weftdb.server.pg.*Test,io.weftdb.server.mysql.*Test,io.weftdb.pg.wire.*JdbcTest,io.weftdb.pg.wire.PgServerLifecycleTest'
classes+=',io.weftdb.pg.wire.ClientDisconnectTest,io.weftdb.mysql.wire.*JdbcTest,io.weftdb.mysql.wire.MysqlAuthenticationTest'
classes+=',io.weftdb.mysql.wire.MysqlInformationSchemaMetadataTest'
reports='server/target/surefire-reports protocol-pg/target/surefire-reports protocol-mysql/target/surefire-reports'
echo "running the client scenarios ($classes)..." >&2
rm -rf $reports
scripts/test -q -pl server -am -Dtest="$classes" -Dsurefire.failIfNoSpecifiedTests=false >"$work/mvn.log" 2>&1 \
  || echo "some client scenarios failed (listed in the report)" >&2

# pgbench and sysbench: init/prepare and a short run against a fresh server.
smoke="$work/smoke.tsv"
: >"$smoke"
./weftdb serve --data "$work/data" --pg 25632 --mysql 25633 --http 0 >"$work/serve.log" 2>&1 &
server_pid=$!
for _ in $(seq 1 120); do grep -q "^ready" "$work/serve.log" && break; sleep 1; done
record() { # client, scenario, command...
  local client=$1 scenario=$2; shift 2
  if "$@" >"$work/step.log" 2>&1; then
    printf '%s\t%s\tpass\t\n' "$client" "$scenario" >>"$smoke"
  else
    printf '%s\t%s\tfail\t%s\n' "$client" "$scenario" "$(tail -1 "$work/step.log" | tr '\t' ' ')" >>"$smoke"
  fi
}
export PGSSLMODE=disable PGPASSWORD=
record pgbench "init -s 1 (CREATE, COPY, ALTER TABLE ADD PRIMARY KEY, VACUUM)" \
  pgbench -h 127.0.0.1 -p 25632 -U postgres -i -q -s 1 postgres
record pgbench "run: TPC-B -M prepared, 2 clients, 5 s" \
  pgbench -h 127.0.0.1 -p 25632 -U postgres -M prepared -n -c 2 -T 5 postgres
record pgbench "run: -S -M extended, 2 clients, 5 s" \
  pgbench -h 127.0.0.1 -p 25632 -U postgres -S -M extended -n -c 2 -T 5 postgres
mariadb --protocol=TCP -h 127.0.0.1 -P 25633 -u root --skip-ssl -e "CREATE DATABASE sbtest" >/dev/null 2>&1
sb() { sysbench "$1" --db-driver=mysql --mysql-host=127.0.0.1 --mysql-port=25633 --mysql-user=root --mysql-password= \
  --mysql-db=sbtest --mysql-ssl=off --tables=2 --table-size=1000 --threads=2 --time=5 "$2"; }
record sysbench "oltp_read_write prepare (2 tables x 1000 rows)" sb oltp_read_write prepare
record sysbench "oltp_read_write run, 2 threads, 5 s" sb oltp_read_write run
record sysbench "oltp_point_select run, 2 threads, 5 s" sb oltp_point_select run

python3 - "$report_dir/CLIENT_MATRIX.md" "$smoke" $reports <<'PY'
import glob, json, os, re, sys, datetime, xml.etree.ElementTree as ET
out, smoke, reports = sys.argv[1], sys.argv[2], sys.argv[3:]
# Test class -> the client it drives.
CLIENTS = {
    "PsqlClientTest": "psql", "PsqlDescribeTest": "psql", "JdbcMetadataTest": "pgjdbc",
    "PgTlsAndPasswordJdbcTest": "pgjdbc", "Psycopg2ClientTest": "psycopg2", "SqlAlchemyReflectionTest": "SQLAlchemy (PostgreSQL)", "SqlAlchemyMysqlTest": "SQLAlchemy (MySQL)",
    "NodePostgresClientTest": "node-postgres", "MariadbCliTest": "mariadb CLI", "MariadbConnectorJTest": "MariaDB Connector/J",
    "MariadbDumpRestoreTest": "mariadb-dump", "Mysql2ClientTest": "mysql2 (npm)", "PyMysqlClientTest": "PyMySQL",
    "MysqlTlsAndPasswordTest": "Connector/J", "CrossProtocolTest": "pgjdbc + Connector/J",
    "DbeaverQueriesTest": "DBeaver catalog queries (pgjdbc)",
}
def words(name):
    """A test method name as words: aWrongPasswordIsRefusedWith28P01(Path) -> a wrong password is refused with 28P01."""
    name = name.split("(", 1)[0]
    spaced = re.sub(r"(?<=[a-z])(?=[A-Z])|(?<=[A-Z0-9])(?=[A-Z][a-z])|(?<=[a-z])(?=[0-9]{2})", " ", name)
    return " ".join(w if re.fullmatch(r"[0-9][0-9A-Z]*", w) else w.lower() for w in spaced.split())
rows = []
def client_of(qualified):
    package, cls = qualified.rsplit(".", 1)
    if package == "io.weftdb.pg.wire":
        return "pgjdbc"  # the protocol module's own tests drive the server through pgjdbc
    if package == "io.weftdb.mysql.wire":
        return "Connector/J"
    return CLIENTS.get(cls)
for path in sorted(p for report in reports for p in glob.glob(report + "/TEST-*.xml")):
    suite = ET.parse(path).getroot()
    cls = suite.get("name").rsplit(".", 1)[1]
    for case in suite.iter("testcase"):
        method = case.get("name")
        client = client_of(suite.get("name"))
        if cls == "HibernateRoundTripTest":
            client = "Hibernate (" + ("MySQL wire" if "Mysql" in method else "PostgreSQL wire") + ")"
        if client is None:
            continue
        failed = case.find("failure") is not None or case.find("error") is not None
        skipped = case.find("skipped") is not None
        status = "skipped" if skipped else "fail" if failed else "pass"
        detail = ""
        for tag in ("failure", "error", "skipped"):
            node = case.find(tag)
            if node is not None:
                detail = (node.get("message") or "").splitlines()[0][:160] if node.get("message") else tag
        rows.append((client, words(method), status, detail))
for line in open(smoke, encoding="utf-8"):
    client, scenario, status, detail = line.rstrip("\n").split("\t")
    rows.append((client, scenario, status, detail))
rows.sort(key=lambda r: r[0].lower())
passed = sum(1 for r in rows if r[2] == "pass")
lines = ["# Client matrix", "",
         "Generated by `compat-corpus/clients.sh` (%s) from one run on this machine: each real client" % datetime.date.today(),
         "(installed from Debian packages, npm or Maven Central) runs its scenario against `weftdb serve`.",
         "Regenerate after a change with the same command; nothing here is written by hand.", "",
         "%d of %d scenarios pass." % (passed, len(rows)), "",
         "| client | scenario | result |", "|---|---|---|"]
for client, scenario, status, detail in rows:
    result = status if not detail or status == "pass" else "%s: %s" % (status, detail.replace("|", "/"))
    lines.append("| %s | %s | %s |" % (client, scenario, result))
open(out, "w", encoding="utf-8").write("\n".join(lines) + "\n")
# The same results for `weftdb compat`, which puts them in the status matrix and GET /v1/compat.
scenarios = [{"client": c, "scenario": s, "result": r, "detail": d} for c, s, r, d in rows]
with open(os.path.join(os.path.dirname(out), "client-matrix.json"), "w", encoding="utf-8") as handle:
    json.dump({"generatedBy": "compat-corpus/clients.sh", "date": str(datetime.date.today()), "scenarios": scenarios},
              handle, indent=2, ensure_ascii=False)
    handle.write("\n")
print("wrote %s: %d of %d scenarios pass" % (out, passed, len(rows)))
PY
