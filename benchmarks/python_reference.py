#!/usr/bin/env python3
"""Runs the Python asyncio reference (shared/bench/python/asyncio_bench.py) right after the JVM benchmarks
and prints asyncio4j's figures as ratios to stock asyncio and, when it is installed, to uvloop.

usage: python_reference.py --jvm JVM.jsonl --script asyncio_bench.py --out PY.jsonl [--reps N]
                           [--suspended-reps N] [-- BENCH-OPTIONS...]

BENCH-OPTIONS are the options given to the JVM benchmark; the workload sizes among them (--yield, --spawn,
--qpingpong, --suspended, --gather, --waitfor, --lock) are passed on to Python as --n (gather: the rounds, with
--width 10 as on the JVM; lock: the acquisitions per task, with --tasks 1000), so that both sides run the same sizes. Only the Python benchmarks whose figures the JVM run
measured are run.
Called by benchmarks/run.sh; see benchmarks/README.md.
"""

import argparse
import json
import statistics
import subprocess
import sys

# Python benchmark -> the JVM figures compared with it: (JVM figure, Python field, scale to the JVM unit, note)
COMPARED = {
    "yield": [("yield", "per_unit", 1.0, ""),
              ("yield2", "per_unit", 1.0, "Python has no two-task yield: compared with its one-task yield")],
    "spawn": [("spawn", "per_unit", 1.0, "")],
    "pingpong": [("pingpong", "per_unit", 1.0,
                  "Python passes messages through two Queue(maxsize=1), asyncio4j through a fresh future per message"),
                 ("qpingpong", "per_unit", 1.0,
                  "both through two Queue(maxsize=1) (raw kotlinx: two Channel(1))")],
    "suspended": [("suspended", "per_unit", 1.0,
                   "Python: RSS growth per task (Event.wait); asyncio4j: heap growth after full GC (one shared future)"),
                  ("suspended-spawn", "create_and_suspend_s", None, "create until all are suspended, per task")],
    "gather": [("gather", "per_unit", 1.0, "rounds of gather over 10 children that return at once, per child")],
    "waitfor": [("waitfor", "per_unit", 1.0,
                 "asyncio4j and CPython 3.12+ run the coroutine in the caller under a timeout; CPython 3.11 and "
                 "earlier wrap it in a task")],
    "lock": [("lock", "per_unit", 1.0,
              "1,000 tasks contending one Lock, each acquisition held across one sleep(0) (raw kotlinx: Mutex)")],
}
# Python's pingpong is the queue ping-pong, so it runs qpingpong's size (the same as pingpong's by default).
SIZE_OPTIONS = {"yield": "yield", "spawn": "spawn", "pingpong": "qpingpong", "suspended": "suspended",
                "gather": "gather", "waitfor": "waitfor", "lock": "lock"}
# The JVM size divided by this is Python's --n: the lock's JVM size counts acquisitions in all, Python's per task.
SIZE_DIVISORS = {"lock": 1000}
# Further arguments of a Python benchmark: the JVM's gather width (Workload.GATHER_WIDTH).
EXTRA_ARGS = {"gather": ["--width", "10"], "lock": ["--tasks", "1000"]}
CONTENDERS = ["continuation", "virtual", "kotlin-tasks", "kotlinx"]
UVLOOP_PYTHON = "/usr/bin/python3"


def fmt(v):
    if v is None:
        return "-"
    return f"{v:,.0f}" if abs(v) >= 1000 else f"{v:.1f}"


def python_sizes(bench_args):
    """The --n of each Python benchmark, from the JVM benchmark's options (None: the script's default)."""
    p = argparse.ArgumentParser(add_help=False)
    for name in SIZE_OPTIONS.values():
        p.add_argument("--" + name, type=lambda s: int(s.replace("_", "")))
    known, _ = p.parse_known_args(bench_args)
    sizes = {bench: getattr(known, opt) for bench, opt in SIZE_OPTIONS.items()}
    return {bench: n // SIZE_DIVISORS.get(bench, 1) if n is not None else None for bench, n in sizes.items()}


def have_uvloop():
    try:
        return subprocess.run([UVLOOP_PYTHON, "-c", "import uvloop"], capture_output=True).returncode == 0
    except OSError:
        return False


def run_python(script, bench, n, uvloop, out):
    cmd = [UVLOOP_PYTHON if uvloop else "python3", script, bench]
    if uvloop:
        cmd.append("--uvloop")
    if n is not None:
        cmd += ["--n", str(n)]
    cmd += EXTRA_ARGS.get(bench, [])
    p = subprocess.run(cmd, capture_output=True, text=True)
    lines = p.stdout.strip().splitlines()
    if p.returncode != 0 or not lines:
        print(f"  {' '.join(cmd)} failed (rc={p.returncode}): {p.stderr.strip()[-300:]}", file=sys.stderr)
        return None
    rec = json.loads(lines[-1])
    out.write(json.dumps(rec) + "\n")
    return rec


def figure_value(rec, field, scale):
    if field == "create_and_suspend_s":
        return rec[field] / rec["n"] * 1e9
    return rec[field] * scale


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--jvm", required=True)
    ap.add_argument("--script", required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--reps", type=int, default=3)
    ap.add_argument("--suspended-reps", type=int, default=1)
    ap.add_argument("bench_args", nargs="*")
    a = ap.parse_args()

    jvm = {}
    with open(a.jvm) as f:
        for line in f:
            r = json.loads(line)
            if "median" in r:
                jvm[(r["contender"], r["figure"])] = r
    jvm_figures = {fig for _, fig in jvm}

    def measured(bench):
        return any(fig in jvm_figures for fig, _, _, _ in COMPARED[bench])

    sizes = python_sizes(a.bench_args)
    loops = [("asyncio", False)] + ([("uvloop", True)] if have_uvloop() else [])
    if len(loops) == 1:
        print(f"uvloop: not installed for {UVLOOP_PYTHON} (apt-get install python3-uvloop); comparing with stock asyncio only")

    py = {}  # (loop, figure) -> [values]
    info = {}
    with open(a.out, "w") as out:
        for bench in COMPARED:
            if not measured(bench):
                continue
            reps = a.suspended_reps if bench == "suspended" else a.reps
            for _ in range(reps):
                for label, uv in loops:
                    rec = run_python(a.script, bench, sizes[bench], uv, out)
                    if rec is None:
                        continue
                    info[label] = f"{label}: Python {rec['python']} ({rec['executable']})" + (
                        f", uvloop {rec['uvloop']}" if uv else "")
                    for fig, field, scale, _ in COMPARED[bench]:
                        py.setdefault((label, fig), []).append(figure_value(rec, field, scale))
            print(f"  python {bench}: done", file=sys.stderr, flush=True)

    print()
    print(f"Python reference, same sitting ({a.reps} runs each, suspended {a.suspended_reps}; fresh process per run):")
    for label, _ in loops:
        print("  " + info.get(label, label + ": no successful run"))
    print("Ratios: min against min (the runs least disturbed by other load) / median against median.")
    print()
    labels = [label for label, _ in loops]
    head = f"{'figure':16s} {'unit':11s} " + " ".join(f"{l + ' min/med':>18s}" for l in labels)
    print(head + f"   {'contender':26s} {'min/med':>15s}   " + "   ".join(f"{'vs ' + l:18s}" for l in labels))
    for bench, figs in COMPARED.items():
        if not measured(bench):
            continue
        for fig, _, _, note in figs:
            pv = {l: py.get((l, fig)) for l in labels}
            rows = [(c, jvm[(c, fig)]) for c in CONTENDERS if (c, fig) in jvm]
            if not rows:
                continue
            unit = rows[0][1]["unit"]
            pcells = " ".join(f"{(fmt(min(v)) + ' / ' + fmt(statistics.median(v))) if v else '-':>18s}"
                              for v in pv.values())
            for i, (c, r) in enumerate(rows):
                ratios = []
                for l in labels:
                    v = pv[l]
                    if not v:
                        ratios.append(f"{'-':20s}")
                    elif unit.startswith("B/"):
                        ratios.append(f"{r['min'] / min(v):5.2f} / {r['median'] / statistics.median(v):5.2f}x size ")
                    else:
                        ratios.append(f"{min(v) / r['min']:5.1f} / {statistics.median(v) / r['median']:5.1f}x faster")
                lead = f"{fig:16s} {unit:11s} {pcells}" if i == 0 else " " * (28 + 19 * len(labels))
                own = fmt(r["min"]) + " / " + fmt(r["median"])
                print(f"{lead}   {r['label']:26s} {own:>15s}   " + " ".join(ratios))
            if note:
                print(" " * 28 + "(" + note + ")")
        print()

    if not any(("virtual", fig) in jvm for fig in ("yield", "yield2", "spawn", "suspended")):
        return
    print("Targets against Python (met when both the min/min and the median/median ratio meet them):")
    def check(ok, text):
        print(f"  {'MET' if ok else 'MISSED':6s} {text}")
    uv = "uvloop" if "uvloop" in labels else None
    for fig, pyfig in [("yield", "yield"), ("yield2", "yield"), ("spawn", "spawn")]:
        need = 5.0 if fig == "spawn" else 2.0
        r = jvm.get(("virtual", fig))
        if r is None:
            continue
        v = py.get((uv, pyfig)) if uv else None
        if not v:
            print(f"  n/a    virtual-thread {fig} >= {need:.0f}x faster than uvloop: uvloop not measured")
            continue
        xmin, xmed = min(v) / r["min"], statistics.median(v) / r["median"]
        check(min(xmin, xmed) >= need, f"virtual-thread {fig:7s} >= {need:.0f}x faster than uvloop {pyfig}: "
                                       f"{xmin:.1f}x / {xmed:.1f}x (min {fmt(r['min'])} vs {fmt(min(v))} ns, "
                                       f"median {fmt(r['median'])} vs {fmt(statistics.median(v))} ns)")
    r = jvm.get(("virtual", "suspended"))
    if r is not None and py.get(("asyncio", "suspended")):
        cp = statistics.median(py[("asyncio", "suspended")])
        check(r["median"] <= cp, f"virtual-thread suspended <= CPython's bytes per task: {fmt(r['median'])} vs {fmt(cp)} B")


if __name__ == "__main__":
    main()
