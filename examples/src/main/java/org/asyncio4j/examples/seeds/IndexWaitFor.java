package org.asyncio4j.examples.seeds;

import static org.asyncio4j.Asyncio.run;
import static org.asyncio4j.Asyncio.sleep;
import static org.asyncio4j.Asyncio.waitFor;

import org.asyncio4j.CancelledError;
import org.asyncio4j.Coroutine;
import org.asyncio4j.TimeoutError;

/**
 * Seed 004 (function index), {@code asyncio.wait_for(aw, timeout)}: a slow task given too little time is cancelled
 * and {@code TimeoutError} is raised; within the time, the result is returned; and "if the coroutine catches its
 * cancellation and returns a value, that value is returned instead of an error". The seed's timeout is 1 s; here
 * 0.05 s. (The seed prints an alarm-clock emoji before "Timed out!".)
 *
 * <pre>
 * Timed out!
 * Result: fast
 * Result: partial result
 * </pre>
 */
public final class IndexWaitFor {
    private IndexWaitFor() {
    }

    static String slowTask() {
        return sleep(10, "slow");
    }

    static String stubbornTask() {
        try {
            return sleep(10, "full result");
        } catch (CancelledError e) {
            return "partial result";                       // catches its cancellation and returns
        }
    }

    static void attempt(Coroutine<String> task, double timeout) {
        try {
            String result = waitFor(task, timeout);        // result = await asyncio.wait_for(slow_task(), timeout=1)
            System.out.println("Result: " + result);
        } catch (TimeoutError e) {                         // except asyncio.TimeoutError:
            System.out.println("Timed out!");
        }
    }

    public static void main(String[] args) {
        run(() -> {
            attempt(IndexWaitFor::slowTask, 0.05);
            attempt(() -> sleep(0.01, "fast"), 0.05);
            attempt(IndexWaitFor::stubbornTask, 0.05);
            return null;
        });
    }
}
