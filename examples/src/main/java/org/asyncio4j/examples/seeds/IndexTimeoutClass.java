package org.asyncio4j.examples.seeds;

import static org.asyncio4j.Asyncio.asyncWith;
import static org.asyncio4j.Asyncio.getRunningLoop;
import static org.asyncio4j.Asyncio.run;
import static org.asyncio4j.Asyncio.sleep;
import static org.asyncio4j.Asyncio.timeoutAt;

import org.asyncio4j.EventLoop;
import org.asyncio4j.Timeout;
import org.asyncio4j.TimeoutError;

/**
 * Seed 004 (class index), {@code asyncio.Timeout(when)}: {@code async with asyncio.Timeout(loop.time() + 10)} with
 * {@code except TimeoutError}, after which the program goes on; and the methods {@code when()}, {@code
 * reschedule(when)} and {@code expired()}. Java has no public constructor: {@code timeoutAt(when)} makes the same
 * object. The seed's deadline is 10 s away; here 0.05 s.
 *
 * <pre>
 * The long operation timed out.
 * This will still run.
 * when() is None: true
 * rescheduled: true
 * expired: false
 * </pre>
 */
public final class IndexTimeoutClass {
    private IndexTimeoutClass() {
    }

    static String longRunningTask() {
        return sleep(10, "done");
    }

    public static void main(String[] args) {
        run(() -> {
            EventLoop loop = getRunningLoop();
            try {
                asyncWith(timeoutAt(loop.time() + 0.05), t -> longRunningTask());   // async with asyncio.Timeout(...)
            } catch (TimeoutError e) {
                System.out.println("The long operation timed out.");
            }
            System.out.println("This will still run.");

            asyncWith(timeoutAt(null), (Timeout t) -> {
                System.out.println("when() is None: " + (t.when() == null));
                double deadline = loop.time() + 1;
                t.reschedule(deadline);                                    // t.reschedule(when)
                System.out.println("rescheduled: " + (t.when() == deadline));
                sleep(0.01);
                System.out.println("expired: " + t.expired());
                return null;
            });
            return null;
        });
    }
}
