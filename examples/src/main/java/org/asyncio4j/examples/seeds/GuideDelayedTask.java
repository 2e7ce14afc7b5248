package org.asyncio4j.examples.seeds;

import static org.asyncio4j.Asyncio.await;
import static org.asyncio4j.Asyncio.createTask;
import static org.asyncio4j.Asyncio.getRunningLoop;
import static org.asyncio4j.Asyncio.run;
import static org.asyncio4j.Asyncio.sleep;

import org.asyncio4j.Coroutine;
import org.asyncio4j.Task;

/**
 * Seed 001 (the guide), "Python Asyncio Common Questions", "How to Run a Task After a Delay?": a wrapper coroutine
 * {@code delay(coro, seconds)} sleeps, then awaits the coroutine; it is awaited directly, or run independently as a
 * task. The seed delays 10 s; here 0.05 s.
 *
 * <pre>
 * awaited after a delay: hello
 * main goes on while the delayed task waits
 * delayed task: hello
 * </pre>
 */
public final class GuideDelayedTask {
    private GuideDelayedTask() {
    }

    /** {@code async def delay(coro, seconds)}: suspends, then runs the coroutine. */
    static <T> T delay(Coroutine<T> coro, double seconds) throws Exception {
        sleep(seconds);                                 // await asyncio.sleep(seconds)
        return coro.call();                             // await coro
    }

    static String hello() {
        return "hello";
    }

    public static void main(String[] args) {
        run(() -> {
            double t0 = getRunningLoop().time();
            String r = delay(GuideDelayedTask::hello, 0.05);           // await delay(coro, 10)
            if (getRunningLoop().time() - t0 >= 0.05) {
                System.out.println("awaited after a delay: " + r);
            }
            Task<String> task = createTask(() -> delay(GuideDelayedTask::hello, 0.05));   // asyncio.create_task(delay(coro, 10))
            System.out.println("main goes on while the delayed task waits");
            System.out.println("delayed task: " + await(task));
            return null;
        });
    }
}
