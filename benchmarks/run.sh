#!/usr/bin/env bash
# Runs the asyncio4j benchmarks in one JVM (raw kotlinx, both engines, Kotlin tasks), then the Python asyncio
# reference in the same sitting, and prints the ratios. `./dev bench [options]` builds the modules (mvn package,
# no install) and calls this script; see benchmarks/README.md.
#
#   benchmarks/run.sh [Bench options]        e.g. benchmarks/run.sh --reps 7 --workloads yield,yield2
#   benchmarks/run.sh --help                 the Bench options
# Environment: BENCH_XMX (JVM heap, default 4g), BENCH_PYTHON=0 (skip Python), BENCH_PY_REPS (runs per Python
# benchmark, default 3), BENCH_PY_SUSPENDED_REPS (default 1), JAVA_HOME (a JDK 21+; ./dev sets it).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(dirname "$here")
cp_file=$here/target/classpath.txt

if [ ! -f "$cp_file" ] || [ ! -d "$here/target/classes/org/asyncio4j/bench" ]; then
  echo "The benchmarks are not built: run ./dev bench, or ./dev mvn -q package -pl benchmarks -am -DskipTests first." >&2
  exit 1
fi
java=${JAVA_HOME:+$JAVA_HOME/bin/}java
major=$("$java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = \([0-9]*\).*/\1/p')
if [ -z "$major" ] || [ "$major" -lt 21 ]; then
  echo "The benchmarks need a JDK 21 or newer ('$java' is ${major:-unknown}); run them through ./dev bench." >&2
  exit 1
fi
for a in "$@"; do
  case "$a" in -h|--help) exec "$java" -cp "$here/target/classes:$(cat "$cp_file")" org.asyncio4j.bench.Bench --help ;; esac
done

out=$here/target/results/$(date -u +%Y%m%d-%H%M%S)
mkdir -p "$out"
# Other processes on the machine distort every figure (this one has 2 cores): show how busy it was.
load() { echo "machine load ($1): $(cut -d' ' -f1-3 /proc/loadavg) (1/5/15-min load average, $(nproc) cores)"; }
load "before the JVM part" | tee "$out/load.txt"
# The flag lets this one JVM create loops of both engines; 1M suspended virtual-thread tasks need ~1.3 GB live.
"$java" -Xms${BENCH_XMX:-4g} -Xmx${BENCH_XMX:-4g} --add-exports java.base/jdk.internal.vm=ALL-UNNAMED \
  -cp "$here/target/classes:$(cat "$cp_file")" org.asyncio4j.bench.Bench --json "$out/jvm.jsonl" "$@" | tee "$out/jvm.txt"
load "after the JVM part" | tee -a "$out/load.txt"

if [ "${BENCH_PYTHON:-1}" = 0 ]; then
  echo "Python reference skipped (BENCH_PYTHON=0)."
  exit 0
fi
script=$repo/../shared/bench/python/asyncio_bench.py
if [ ! -f "$script" ]; then
  echo "Python reference skipped: $script not found (shared/ is looked for beside the repository)."
  exit 0
fi
if ! command -v python3 >/dev/null; then
  echo "Python reference skipped: no python3 on PATH."
  exit 0
fi
python3 "$here/python_reference.py" --jvm "$out/jvm.jsonl" --script "$script" --out "$out/python.jsonl" \
  --reps "${BENCH_PY_REPS:-3}" --suspended-reps "${BENCH_PY_SUSPENDED_REPS:-1}" -- "$@" | tee "$out/python.txt"
load "after the Python part" | tee -a "$out/load.txt"
echo "Raw results: $out"
