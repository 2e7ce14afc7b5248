package org.asyncio4j.examples.seeds;

import static org.asyncio4j.Asyncio.newEventLoop;
import static org.asyncio4j.Asyncio.sleep;
import static org.asyncio4j.Asyncio.waitFor;

import java.util.Random;
import org.asyncio4j.LoopConfig;
import org.asyncio4j.Runner;
import org.asyncio4j.TimeoutError;
import org.asyncio4j.VirtualClock;

/**
 * Seed 001 (the guide), "Wait for a Coroutine with a Time Limit": {@code asyncio.wait_for(coro, timeout=0.2)}
 * cancels a coroutine that needs between 1 and 2 s, and raises {@code TimeoutError} once it is cancelled; then the
 * snippet "execute a task that may fail", where the coroutine's own exception comes out of {@code wait_for}.
 *
 * <p>The random delay (as in the seed) runs on a loop with a {@link VirtualClock}, so the program is instant; the
 * random generator has a fixed seed. Python 3.12+ runs a coroutine given to {@code wait_for} in the caller (no new
 * task), and so does {@code waitFor(() -> ..., timeout)}.
 *
 * <pre>
 * >task got 1.7...
 * Gave up waiting, task canceled
 * the task failed: IllegalStateException: no data
 * </pre>
 */
public final class GuideWaitFor {
    private GuideWaitFor() {
    }

    /** {@code async def task_coro(arg)}: sleeps between 1 and 2 s. */
    static Void taskCoro(Random random) {
        double value = 1 + random.nextDouble();
        System.out.println(">task got " + value);
        sleep(value);
        System.out.println(">task done");            // never printed: cancelled after 0.2 s
        return null;
    }

    static Void mainCoroutine(Random random) {
        try {
            waitFor(() -> taskCoro(random), 0.2);    // await asyncio.wait_for(task, timeout=0.2)
        } catch (TimeoutError e) {
            System.out.println("Gave up waiting, task canceled");
        }

        try {
            waitFor(() -> {
                sleep(0.1);
                throw new IllegalStateException("no data");
            }, 1.0);
        } catch (TimeoutError e) {
            System.out.println("timed out");
        } catch (Exception e) {                       // except Exception: the coroutine failed in time
            System.out.println("the task failed: " + e.getClass().getSimpleName() + ": " + e.getMessage());
        }
        return null;
    }

    public static void main(String[] args) {
        Random random = new Random(2024);
        try (Runner runner = new Runner(() -> newEventLoop(LoopConfig.defaults().withClock(new VirtualClock())))) {
            runner.run(() -> mainCoroutine(random));
        }
    }
}
