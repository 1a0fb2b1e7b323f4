#!/usr/bin/env bash
# Two builds of the annotation processor compared compile by compile, interleaved, on the benchmark's
# 500 entities with nothing changed, each compile a new javac (what a cold `mvn compile` pays), beside
# javac alone and a processor that only writes one class (the floor of any generating processor).
#
#   ./benchmarks/run.sh --only processor --entity-counts 500 --javac-reps 1   # once: writes the work directory
#   ./benchmarks/processor-ab.sh BEFORE_CHECKOUT AFTER_CHECKOUT [ROUNDS]
#
# Each checkout must have its schema-model and schema-processor jars built (`./mvnw -q package
# -DskipTests -pl schema-annotations,schema-model,schema-processor`); the rest of the processor path
# (Jackson, the timing wrapper) is the benchmark's own. Prints, per variant, the median wall time of a
# compile, its time added over javac alone, and the median time spent inside the processor.
set -euo pipefail
before=$(cd "$1" && pwd)
after=$(cd "$2" && pwd)
rounds=${3:-8}
root=$(cd "$(dirname "$0")/.." && pwd)
work="$root/benchmarks/target/work/processor-500"
[[ -d "$work/recorded" ]] || { echo "no $work: run ./benchmarks/run.sh --only processor --entity-counts 500 first" >&2; exit 2; }
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
mkdir -p "$scratch/migrations"
cp "$work/recorded/"* "$scratch/migrations/"

# the benchmark's compile of "nothing changed", from its class path (benchmarks/target/bench-classpath.txt)
pick() { tr ':' '\n' < "$root/benchmarks/target/bench-classpath.txt" | grep -E "$1" | paste -sd: -; }
compile_path=$(pick '/schema-model/|/schema-annotations/|/jakarta.persistence-api|/jspecify')
processor_path() { # checkout → the processor path, as annotationProcessorPaths gives it
  echo "$root/benchmarks/target/classes:$1/schema-model/target/schema-model-0.1.0-SNAPSHOT.jar:$1/schema-processor/target/schema-processor-0.1.0-SNAPSHOT.jar:$(pick '/jackson-|/javapoet|/schema-annotations/')"
}
arguments() { # processor processor-path → javac's arguments
  printf '%s\n' --release 17 -encoding UTF-8 -implicit:none -d "$scratch/out" -cp "$compile_path"
  if [[ -z "$1" ]]; then echo -proc:none; else printf '%s\n' -processorpath "$2" -processor "$1"; fi
  [[ "$1" == *Schemacode ]] && echo "-Aschemacode.migrations=$scratch/migrations"
  ls "$work"/src/bench/model/*.java
}
timed=dev.schemacode.bench.processors.TimedProcessor
arguments "$timed\$Schemacode" "$(processor_path "$before")" > "$scratch/before.args"
arguments "$timed\$Schemacode" "$(processor_path "$after")" > "$scratch/after.args"
arguments "$timed\$WritingNoop" "$root/benchmarks/target/classes" > "$scratch/floor.args"
arguments "" "" > "$scratch/javac.args"

compile() { # variant → "wall_ms inside_ms"
  rm -rf "$scratch/out" "$scratch/inside"
  mkdir -p "$scratch/out/db/migration"
  cp "$scratch/migrations/"* "$scratch/out/db/migration/" # what Maven's resources step leaves
  local started ended
  started=$(date +%s%N)
  javac -J-Dbench.processorTime="$scratch/inside" "@$scratch/$1.args" > /dev/null 2>&1
  ended=$(date +%s%N)
  echo "$(( (ended - started) / 1000000 )) $(( $(cat "$scratch/inside" 2>/dev/null || echo 0) / 1000000 ))"
}

compile before > /dev/null # the first compile stamps the history, as the build before this one did
for round in $(seq "$rounds"); do
  for variant in javac floor before after; do
    echo "$variant $(compile $variant)"
  done
done > "$scratch/times"
python3 - "$scratch/times" <<'EOF'
import statistics, sys, collections
times = collections.defaultdict(lambda: ([], []))
for line in open(sys.argv[1]):
    variant, wall, inside = line.split()
    times[variant][0].append(int(wall)); times[variant][1].append(int(inside))
javac = statistics.median(times["javac"][0])
for variant in ["javac", "floor", "before", "after"]:
    wall, inside = times[variant]
    print(f"{variant:7s} {statistics.median(wall):6.0f} ms (min {min(wall)}, max {max(wall)})"
          f"  {statistics.median(wall) / javac - 1:+.0%}  inside the processor {statistics.median(inside):5.0f} ms"
          f" (min {min(inside)}, max {max(inside)})")
EOF
