package org.asyncio4j.examples;

import static org.asyncio4j.Asyncio.await;
import static org.asyncio4j.Asyncio.createTask;
import static org.asyncio4j.Asyncio.getRunningLoop;
import static org.asyncio4j.Asyncio.run;
import static org.asyncio4j.Asyncio.sleep;

import java.util.List;
import org.asyncio4j.CancelledError;
import org.asyncio4j.Task;

/**
 * The README's demo: run, createTask, sleep, await and cancellation, in Java blocking style.
 * The same program in Python is shown in the comments.
 */
public final class Demo {
    private Demo() {
    }

    /** {@code async def fetch(name, delay)}: a plain method that awaits is a coroutine function. */
    static String fetch(String name, double delay) {
        log("fetch " + name + " starts");
        sleep(delay);                                   // await asyncio.sleep(delay)
        log("fetch " + name + " done");
        return name.toUpperCase();
    }

    /** A worker that is cancelled while it sleeps, cleans up, and reports. */
    static String worker() {
        try {
            while (true) {
                log("worker tick");
                sleep(0.15);
            }
        } catch (CancelledError e) {                    // except asyncio.CancelledError
            log("worker cancelled: " + e.getMessage() + "; cleaning up");
            throw e;
        } finally {
            log("worker finally");
        }
    }

    static long start;

    static void log(String what) {
        System.out.printf("[%4d ms] %s%n", (System.nanoTime() - start) / 1_000_000, what);
    }

    /** Runs the demo; prints what happens and the result. */
    public static void main(String[] args) {
        start = System.nanoTime();
        String summary = run(() -> {                    // asyncio.run(main())
            log("engine: " + getRunningLoop().engine());
            Task<String> a = createTask(() -> fetch("a", 0.3));   // asyncio.create_task(fetch("a", 0.3))
            Task<String> b = createTask(() -> fetch("b", 0.1));
            Task<String> w = createTask(Demo::worker, "worker");
            List<String> results = List.of(await(a), await(b)); // await a; await b (they ran concurrently)
            log("results " + results + " after ~0.3 s, not 0.4 s");
            w.cancel("enough");                          // a request: CancelledError at the worker's await
            try {
                await(w);
            } catch (CancelledError e) {
                log("worker task cancelled=" + w.cancelled());
            }
            return String.join("+", results);
        });
        log("run() returned " + summary);
    }
}
