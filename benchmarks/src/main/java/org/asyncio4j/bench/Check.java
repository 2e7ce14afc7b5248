package org.asyncio4j.bench;

/** Result checks of the workloads: a benchmark that computed the wrong thing must not report a figure. */
final class Check {
    private Check() {
    }

    static void equal(long expected, long actual, String what) {
        if (expected != actual) {
            throw new AssertionError(what + ": expected " + expected + ", got " + actual);
        }
    }
}
