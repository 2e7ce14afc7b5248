package org.asyncio4j.bench;

/** The workloads, mirroring shared/bench/python/asyncio_bench.py (yield2 has no Python counterpart). */
public enum Workload {
    /** One task doing n {@code sleep(0)}: ns per yield. */
    YIELD("yield", "ns/yield", 1_000_000),
    /** Two tasks alternating {@code sleep(0)}, n yields in all: every yield is a real task-to-task switch; ns per switch. */
    YIELD2("yield2", "ns/switch", 1_000_000),
    /** Two tasks exchanging n messages, each through a fresh future that the receiver awaits: ns per message. */
    PINGPONG("pingpong", "ns/message", 200_000),
    /** n tasks that each {@code sleep(0)} once and return; the main task then awaits them all: ns per task. */
    SPAWN("spawn", "ns/task", 100_000),
    /** n tasks all awaiting one shared future: heap bytes per suspended task, and ns per task until all are suspended. */
    SUSPENDED("suspended", "B/task", 1_000_000),
    /** n rounds, each gathering {@link #GATHER_WIDTH} fresh coroutines that return at once: ns per child. */
    GATHER("gather", "ns/child", 10_000),
    /** n {@code waitFor} calls of a coroutine that returns at once, with a timeout of 1 s: ns per call. */
    WAITFOR("waitfor", "ns/call", 100_000),
    /**
     * {@link #LOCK_TASKS} tasks contending one Lock, n acquisitions in all, each holding it across one
     * {@code sleep(0)}: ns per acquire/release. The default is 1,000 acquisitions per task (Python's default is
     * 100, whose 30 ms runs are too short for a settled JIT here; the per-acquisition figures compare all the same).
     */
    LOCK("lock", "ns/acquire", 1_000_000),
    /** Two tasks exchanging n messages through two Queue(maxsize=1), as Python's pingpong: ns per message. */
    QPINGPONG("qpingpong", "ns/message", 200_000);

    /** The children gathered per round of {@link #GATHER} (Python's bench_gather default). */
    public static final int GATHER_WIDTH = 10;

    /** The tasks contending the lock of {@link #LOCK} (Python's bench_lock default); n is a multiple of it. */
    public static final int LOCK_TASKS = 1000;

    /** The name on the command line and in the output. */
    public final String label;
    /** The unit of the main figure. */
    public final String unit;
    /** The default workload size. */
    public final int defaultSize;

    Workload(String label, String unit, int defaultSize) {
        this.label = label;
        this.unit = unit;
        this.defaultSize = defaultSize;
    }

    /**
     * @param n the workload size
     * @return how many units (the figure's denominator) one run of size n does: rounds times width for GATHER
     */
    public long units(int n) {
        return this == GATHER ? (long) n * GATHER_WIDTH : n;
    }

    /**
     * @param label a workload name as printed
     * @return the workload of that name
     * @throws IllegalArgumentException for an unknown name
     */
    public static Workload of(String label) {
        for (Workload w : values()) {
            if (w.label.equals(label)) {
                return w;
            }
        }
        throw new IllegalArgumentException("unknown workload '" + label + "' (yield, yield2, pingpong, spawn, suspended, gather, waitfor, lock, qpingpong)");
    }
}
