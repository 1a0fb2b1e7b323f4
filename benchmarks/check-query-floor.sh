#!/usr/bin/env bash
# What the start-up check's one question costs the server, against SELECT 1, measured with pgbench on one
# warm connection (issue 14 §1: the floor under "≤ 1.5× a pooled SELECT 1"). Statements are sent as the
# check sends its own: extended protocol, unnamed (pgbench -M extended), so each is parsed and planned
# per call, as through a transaction pooler.
#
#   java -cp <bench class path> dev.schemacode.bench.StartupProbe 1000     # once: a migrated database
#   ./benchmarks/check-query-floor.sh schemacode_bench_probe_1000 [ROUNDS] [SECONDS]
#
# Prints, per statement, the median and the spread of pgbench's average latency over ROUNDS runs taken
# in turn: SELECT 1; a PL/pgSQL function that only returns true (the cost of calling one); and the
# check itself, schemacode_history_matches(<the history's digest>).
set -euo pipefail
database=${1:?usage: check-query-floor.sh DATABASE [ROUNDS] [SECONDS]}
rounds=${2:-6}
seconds=${3:-2}
connect=(-h "${PGHOST:-127.0.0.1}" -U "${PGUSER:-postgres}")
psql=(psql -X -q -At "${connect[@]}" -d "$database")
digest=$("${psql[@]}" -c "SELECT digest FROM schemacode_history_summary")
[[ -n "$digest" ]] || { echo "no summary row in $database: migrate it first" >&2; exit 2; }
hex=$(python3 -c "import sys; print('%032x' % int(sys.argv[1], 2))" "$digest")
scratch=$(mktemp -d)
trap '"${psql[@]}" -c "DROP FUNCTION IF EXISTS bench_returns_true(bit)" >/dev/null 2>&1 || true; rm -rf "$scratch"' EXIT
# a plain function, not one in pg_temp: pgbench opens a session of its own (dropped again on exit)
"${psql[@]}" -c "CREATE OR REPLACE FUNCTION bench_returns_true(expected bit) RETURNS boolean LANGUAGE plpgsql STABLE AS \$\$ BEGIN RETURN true; END \$\$" >/dev/null
echo "SELECT 1;" > "$scratch/select-1.sql"
echo "SELECT bench_returns_true(X'$hex');" > "$scratch/plpgsql-call.sql"
echo "SELECT schemacode_history_matches(X'$hex');" > "$scratch/the-check.sql"
[[ $("${psql[@]}" -c "SELECT schemacode_history_matches(X'$hex')") == t ]] || { echo "the check does not match in $database" >&2; exit 2; }
for round in $(seq "$rounds"); do
  for statement in select-1 plpgsql-call the-check; do
    latency=$(pgbench "${connect[@]}" -n -M extended -c 1 -T "$seconds" -f "$scratch/$statement.sql" "$database" 2>/dev/null \
      | awk '/latency average/ {print $4}')
    echo "$statement $latency"
  done
done > "$scratch/times"
python3 - "$scratch/times" <<'PY'
import collections, statistics, sys
times = collections.defaultdict(list)
for line in open(sys.argv[1]):
    name, ms = line.split()
    times[name].append(float(ms) * 1000)
floor = statistics.median(times["select-1"])
for name in ("select-1", "plpgsql-call", "the-check"):
    values = sorted(times[name])
    median = statistics.median(values)
    print(f"{name:13} {median:6.0f} µs  ({median / floor:.2f}× SELECT 1; min {values[0]:.0f}, max {values[-1]:.0f})")
PY
