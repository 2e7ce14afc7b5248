package org.asyncio4j.examples.seeds;

import static org.asyncio4j.Asyncio.asyncWith;
import static org.asyncio4j.Asyncio.getRunningLoop;
import static org.asyncio4j.Asyncio.run;
import static org.asyncio4j.Asyncio.sleep;
import static org.asyncio4j.Asyncio.timeout;
import static org.asyncio4j.Asyncio.timeoutAt;

import org.asyncio4j.EventLoop;
import org.asyncio4j.TimeoutError;

/**
 * Seed 004 (function index), {@code asyncio.timeout(delay)} and {@code asyncio.timeout_at(when)}: {@code async with
 * asyncio.timeout(10): await long_running_task()} cancels the block once the delay has passed, and the cancellation
 * becomes a {@code TimeoutError} where the block ends; {@code timeout_at} takes an absolute deadline in {@code
 * loop.time()}; {@code None} sets no deadline. The seed's delays are 10 s and 20 s; here 0.05 s.
 *
 * <p>Java's {@code async with} for a timeout takes the block as a lambda: {@code timeout(delay, () -> ...)}, or
 * {@code asyncWith(timeout(delay), t -> ...)}.
 *
 * <pre>
 * timeout(0.05): TimeoutError
 * timeout_at(loop.time() + 0.05): TimeoutError
 * timeout(None): done
 * </pre>
 */
public final class IndexTimeout {
    private IndexTimeout() {
    }

    static String longRunningTask() {
        return sleep(10, "done");
    }

    public static void main(String[] args) {
        run(() -> {
            try {
                timeout(0.05, IndexTimeout::longRunningTask);      // async with asyncio.timeout(10): ...
            } catch (TimeoutError e) {
                System.out.println("timeout(0.05): TimeoutError");
            }

            EventLoop loop = getRunningLoop();
            double deadline = loop.time() + 0.05;                   // deadline = loop.time() + 20
            try {
                asyncWith(timeoutAt(deadline), t -> longRunningTask());   // async with asyncio.timeout_at(deadline):
            } catch (TimeoutError e) {
                System.out.println("timeout_at(loop.time() + 0.05): TimeoutError");
            }

            String r = timeout(null, () -> sleep(0.01, "done"));   // async with asyncio.timeout(None):
            System.out.println("timeout(None): " + r);
            return null;
        });
    }
}
