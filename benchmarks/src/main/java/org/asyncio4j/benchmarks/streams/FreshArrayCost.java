package org.asyncio4j.benchmarks.streams;

import java.util.Arrays;
import java.util.Locale;

/**
 * What the echo benchmark's {@code readexactly} pays per message for Python's semantics (a new array each time)
 * on this machine and JVM: a copy of {@code size} hot bytes into a fresh array (what {@code readexactly} does),
 * against the same copy into one reused array (what the raw selector program does). The difference is the cost of
 * fresh memory: the JVM allocates by walking the young generation, so each new array is written into cache lines
 * that were evicted long ago.
 *
 * <pre>java -cp ... org.asyncio4j.benchmarks.streams.FreshArrayCost [--size 1024]</pre>
 * Prints one JSON line: ns per copy into a fresh array and into a reused one (median of 7 runs after 3 warm-ups).
 */
public final class FreshArrayCost {
    private static final int COPIES = 2_000_000;

    private FreshArrayCost() {
    }

    public static void main(String[] args) {
        int size = args.length == 2 && args[0].equals("--size") ? Integer.parseInt(args[1]) : 1024;
        byte[] source = new byte[size];
        byte[] reused = new byte[size];
        long sink = 0;
        long[] fresh = new long[10];
        long[] hot = new long[10];
        for (int run = 0; run < fresh.length; run++) {
            long t0 = System.nanoTime();
            for (int i = 0; i < COPIES; i++) {
                byte[] copy = Arrays.copyOfRange(source, 0, size);
                sink += copy[i % size];
                source[i % size] = (byte) i;
            }
            long t1 = System.nanoTime();
            for (int i = 0; i < COPIES; i++) {
                System.arraycopy(source, 0, reused, 0, size);
                sink += reused[i % size];
                source[i % size] = (byte) i;
            }
            long t2 = System.nanoTime();
            fresh[run] = t1 - t0;
            hot[run] = t2 - t1;
        }
        System.out.println(String.format(Locale.ROOT,
                "{\"bench\": \"fresh-array\", \"bytes\": %d, \"fresh_ns\": %.1f, \"reused_ns\": %.1f, \"sink\": %d}",
                size, medianOfMeasured(fresh) / COPIES, medianOfMeasured(hot) / COPIES, sink));
    }

    /** The median of the runs after the first three (JIT warm-up), in ns. */
    private static double medianOfMeasured(long[] runs) {
        long[] measured = Arrays.copyOfRange(runs, 3, runs.length);
        Arrays.sort(measured);
        return measured[measured.length / 2];
    }
}
