package org.asyncio4j.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A step counter for ordering tests, as in kotlinx.coroutines' TestBase: {@code expect(n)} asserts
 * that it is the n-th step, {@code finish(n)} that it is the last one.
 */
public final class Steps {
    private int step;
    private boolean finished;

    /** @param n the number this step must have */
    public synchronized void expect(int n) {
        assertEquals(n, step + 1, "steps out of order: expected step " + n + " after step " + step);
        step = n;
    }

    /** @param n the number of the last step */
    public synchronized void finish(int n) {
        expect(n);
        finished = true;
    }

    /** @return the last step reached */
    public synchronized int current() {
        return step;
    }

    /** @return true once finish was called */
    public synchronized boolean finished() {
        return finished;
    }
}
