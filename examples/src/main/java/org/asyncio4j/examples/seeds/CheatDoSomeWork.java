package org.asyncio4j.examples.seeds;

import static org.asyncio4j.Asyncio.ensureFuture;
import static org.asyncio4j.Asyncio.gather;
import static org.asyncio4j.Asyncio.newEventLoop;
import static org.asyncio4j.Asyncio.sleep;

import java.util.List;
import org.asyncio4j.EventLoop;
import org.asyncio4j.Future;
import org.asyncio4j.LoopConfig;
import org.asyncio4j.VirtualClock;

/**
 * Seed 003 (cheat sheet), the script at its top: two coroutines that sleep 12 s and 1 s, made into tasks with {@code
 * asyncio.ensure_future} and gathered with {@code loop.run_until_complete}; the whole takes 12 s, not 13 s.
 *
 * <p>Python's {@code set_event_loop}/{@code get_event_loop} pair has no counterpart: the loop is a value, passed
 * where it is needed. The loop here has a {@link VirtualClock}, so the 12 s pass at once, and the time is measured
 * with {@code loop.time()} (the seed uses the wall clock, {@code time.time()}): it is exactly 12000 ms.
 *
 * <pre>
 * Started
 * Waiting 12
 * Started
 * Waiting 1
 * a1: Girish  a2: Sancheti
 * Completed
 * Took 12000.0000 ms
 * </pre>
 */
public final class CheatDoSomeWork {
    private CheatDoSomeWork() {
    }

    /** {@code async def do_some_work(x)}. */
    static String doSomeWork(int x) {
        System.out.println("Started");
        System.out.println("Waiting " + x);
        sleep(x);
        if (x == 12) {
            return "Girish";
        } else if (x == 1) {
            return "Sancheti";
        }
        return null;
    }

    public static void main(String[] args) {
        EventLoop loop = newEventLoop(LoopConfig.defaults().withClock(new VirtualClock()));
        try {
            List<Future<String>> tasks = List.of(ensureFuture(() -> doSomeWork(12), loop),
                    ensureFuture(() -> doSomeWork(1), loop));
            double t0 = loop.time();
            List<String> results = loop.runUntilComplete(gather(tasks));   // a1, a2 = loop.run_until_complete(...)
            System.out.println("a1: " + results.get(0) + "  a2: " + results.get(1));
            System.out.println("Completed");
            double t1 = loop.time();
            System.out.printf("Took %.4f ms%n", 1000 * (t1 - t0));
        } finally {
            loop.close();
        }
    }
}
