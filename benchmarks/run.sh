#!/usr/bin/env bash
# Reproduces every figure of benchmarks/RESULTS.md (and its chart) in one run:
#
#   ./benchmarks/run.sh            # ~15 minutes on a 2-core machine
#   ./benchmarks/run.sh --long     # every repetition count tripled: tighter figures, ~45 minutes
#   ./benchmarks/run.sh --quick    # smoke run, figures not worth reporting
#   ./benchmarks/run.sh --only startup,apply,cli,introspection,processor,jmh
#   ./benchmarks/run.sh --only processor --entity-counts 500 --javac-reps 5 --out DIR
#                                  # the processor suite alone (warm compiles run for the largest count)
#   ./benchmarks/run.sh --only fleet --fleet-sizes 200,1000 --fleet-apply-once-from 1000 [--fleet-parallel 1,4,8] --out DIR
#                                  # issue 16, not part of the default run: tenant schemas × 20 migrations
#                                  # against Flyway in a loop (1,000 schemas at every parallelism: hours here)
#
# Needs a JDK 17+, psql, and a PostgreSQL server on which it may create and drop databases named
# schemacode_bench_* and schemacode_fleet_bench_*: by default 127.0.0.1:5432 as postgres without password; override with
# BENCH_PGHOST, BENCH_PGPORT, BENCH_PGUSER, BENCH_PGPASSWORD. Flyway, Liquibase, Hibernate's
# processor, jOOQ and JMH come from Maven Central at the versions pinned in the parent pom.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v psql >/dev/null; then
  echo "run.sh: psql is needed (the floor of the apply benchmark); apt-get install postgresql-client" >&2
  exit 2
fi

# Build the modules into their target directories (never `install`: nothing leaves this tree).
# (schemacode-cli too: the cli suite runs the packaged jar and the launcher beside it.)
./mvnw -B -q -ntp -Pbench -pl benchmarks,schemacode-cli -am package -DskipTests

CP="$PWD/benchmarks/target/classes:$(cat benchmarks/target/bench-classpath.txt)"
export REDGATE_DISABLE_TELEMETRY=true LIQUIBASE_ANALYTICS_ENABLED=false
exec java -Xmx2g -cp "$CP" \
  -Dhttp.proxyHost=127.0.0.1 -Dhttp.proxyPort=9 -Dhttps.proxyHost=127.0.0.1 -Dhttps.proxyPort=9 \
  dev.schemacode.bench.Bench "$@"
