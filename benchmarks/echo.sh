#!/usr/bin/env bash
# Streams echo benchmark: asyncio4j (both engines, the virtual-thread one also with one carrier thread; one loop
# and two loops with SO_REUSEPORT), a raw NIO selector echo, and Python's asyncio_bench.py echo on uvloop (and
# stock asyncio), interleaved, several repetitions.
#   bash benchmarks/echo.sh [REPS=5]          (from the repository root; loopback only)
# Prints one JSON line per run into benchmarks/target/echo-results.jsonl, then medians and ratios, then what a fresh
# 1 KiB array costs on this machine (FreshArrayCost).
set -euo pipefail
cd "$(dirname "$0")/.."
REPS="${1:-5}"
./dev mvn -q package -DskipTests -pl benchmarks -am dependency:build-classpath \
  -Dmdep.outputFile="$PWD/benchmarks/target/echo-classpath.txt" >/dev/null
JAVA="$(./dev mvn -v 2>/dev/null | sed -n 's/^Java version.*runtime: \(.*\)$/\1/p')/bin/java"
CP="benchmarks/target/classes:$(cat benchmarks/target/echo-classpath.txt)"
PYBENCH="${PYBENCH:-../shared/bench/python/asyncio_bench.py}"
[ -f "$PYBENCH" ] || PYBENCH=/work/shared/bench/python/asyncio_bench.py
OUT=benchmarks/target/echo-results.jsonl
: > "$OUT"
FLAG=--add-exports=java.base/jdk.internal.vm=ALL-UNNAMED
for rep in $(seq 1 "$REPS"); do
  /usr/bin/python3 "$PYBENCH" echo --uvloop >> "$OUT"
  "$JAVA" -cp "$CP" org.asyncio4j.benchmarks.streams.RawSelectorEcho >> "$OUT"
  "$JAVA" $FLAG -Dasyncio4j.engine=continuation -cp "$CP" org.asyncio4j.benchmarks.streams.EchoBench 2>/dev/null >> "$OUT"
  "$JAVA" -Dasyncio4j.engine=virtual -cp "$CP" org.asyncio4j.benchmarks.streams.EchoBench 2>/dev/null >> "$OUT"
  "$JAVA" -Dasyncio4j.engine=virtual -Djdk.virtualThreadScheduler.parallelism=1 -cp "$CP" \
    org.asyncio4j.benchmarks.streams.EchoBench 2>/dev/null >> "$OUT"
  "$JAVA" $FLAG -Dasyncio4j.engine=continuation -cp "$CP" org.asyncio4j.benchmarks.streams.EchoBench --loops 2 2>/dev/null >> "$OUT"
  [ "$rep" = 1 ] && python3 "$PYBENCH" echo >> "$OUT"
  echo "rep $rep done" >&2
done
# The cost of the fresh array each readexactly returns (Python's semantics), which the raw selector does not pay.
"$JAVA" -cp "$CP" org.asyncio4j.benchmarks.streams.FreshArrayCost > benchmarks/target/fresh-array.json
python3 - "$OUT" benchmarks/target/fresh-array.json <<'PY'
import json, statistics, sys
runs = {}
for line in open(sys.argv[1]):
    d = json.loads(line)
    name = d.get("impl") or ("python-" + d["loop"])
    runs.setdefault(name, []).append(d)
med = {k: {f: statistics.median(r[f] for r in v) for f in ("per_unit", "p50_us", "p99_us", "cpu_s", "wall_s")} for k, v in runs.items()}
uv = med["python-uvloop"]["per_unit"]
raw = med["raw-nio-selector"]["per_unit"]
# req/cpu-s: requests per second of this process's CPU time (user + system), which the machine's other load
# does not change as much as the wall-clock rate.
eff = {k: statistics.median(r["n"] / r["cpu_s"] for r in v) for k, v in runs.items()}
print(f"{'implementation':45} {'runs':>4} {'req/s':>9} {'p50 us':>8} {'p99 us':>9} {'cores':>6} {'req/cpu-s':>10} {'x uvloop':>9} {'x raw':>6} {'cpu x uvloop':>13} {'cpu x raw':>10}")
for k, m in sorted(med.items(), key=lambda kv: -kv[1]["per_unit"]):
    cores = m["cpu_s"] / m["wall_s"]
    print(f"{k:45} {len(runs[k]):4} {m['per_unit']:9.0f} {m['p50_us']:8.1f} {m['p99_us']:9.1f} {cores:6.2f} {eff[k]:10.0f} "
          f"{m['per_unit']/uv:9.2f} {m['per_unit']/raw:6.2f} {eff[k]/eff['python-uvloop']:13.2f} {eff[k]/eff['raw-nio-selector']:10.2f}")
fa = json.load(open(sys.argv[2]))
print(f"a copy of {fa['bytes']} B into a fresh array (readexactly's result) {fa['fresh_ns']:.0f} ns, into a reused one "
      f"{fa['reused_ns']:.0f} ns: {2 * (fa['fresh_ns'] - fa['reused_ns']) / 1e3:.2f} us per round trip (two readexactly)")
PY
