package org.asyncio4j.benchmarks.streams;

import java.util.Arrays;
import java.util.Locale;

/** Round-trip latencies of one run, reported as the Python reference does (nearest-rank percentiles). */
final class Latencies {
    private Latencies() {
    }

    static double pct(long[] sorted, double q) {
        int idx = (int) Math.min(sorted.length - 1, Math.max(0, Math.round(q / 100.0 * (sorted.length - 1))));
        return sorted[idx];
    }

    /** One JSON line: requests/s, CPU seconds of the process, latency percentiles in microseconds. */
    static String json(String impl, int conns, int rounds, int size, double wallSeconds, double cpuSeconds, long[] lats) {
        long[] sorted = lats.clone();
        Arrays.sort(sorted);
        return String.format(Locale.ROOT,
                "{\"bench\": \"echo\", \"impl\": \"%s\", \"n\": %d, \"conns\": %d, \"rounds_per_conn\": %d, \"msg_bytes\": %d, "
                        + "\"wall_s\": %.4f, \"cpu_s\": %.4f, \"per_unit\": %.1f, \"unit\": \"req/s\", \"p50_us\": %.1f, \"p90_us\": %.1f, \"p99_us\": %.1f, "
                        + "\"p999_us\": %.1f, \"max_us\": %.1f}",
                impl, sorted.length, conns, rounds, size, wallSeconds, cpuSeconds, sorted.length / wallSeconds,
                pct(sorted, 50) / 1e3, pct(sorted, 90) / 1e3, pct(sorted, 99) / 1e3, pct(sorted, 99.9) / 1e3,
                sorted[sorted.length - 1] / 1e3);
    }
}
