package org.asyncio4j.examples.seeds;

import static org.asyncio4j.Asyncio.await;
import static org.asyncio4j.Asyncio.ensureFuture;
import static org.asyncio4j.Asyncio.getRunningLoop;
import static org.asyncio4j.Asyncio.run;
import static org.asyncio4j.Asyncio.sleep;

import org.asyncio4j.Coroutine;
import org.asyncio4j.Future;
import org.asyncio4j.Task;

/**
 * Seed 003 (cheat sheet), "Coroutines" and "Sleep": a coroutine function and a coroutine object ({@code coro =
 * coro_function()} runs nothing until awaited), scheduling one with {@code asyncio.ensure_future()} or {@code
 * get_event_loop().create_task()}, and {@code asyncio.sleep}, which only waits when awaited.
 *
 * <p>In Java the coroutine object is a {@link Coroutine} lambda, and awaiting it is calling it inline ({@code
 * coro.call()}). {@code sleep(x)} suspends at once when called; the cheat sheet's "sleep returns a coroutine object"
 * is a lambda {@code () -> sleep(x, null)} in Java.
 *
 * <pre>
 * 4
 * connected to example.com (ensure_future)
 * connected to example.com (loop.create_task)
 * a sleep to await later: done
 * </pre>
 */
public final class CheatCoroutines {
    private CheatCoroutines() {
    }

    /** {@code async def coro_function(): return 2 + 2}. */
    static int coroFunction() {
        return 2 + 2;
    }

    /** {@code async def coro_function(hostname)}: connects to a host (here a short sleep stands for it). */
    static String connect(String hostname, String how) {
        sleep(0.01);                                   // conn = await .... connect async to hostname somehow...
        return "connected to " + hostname + " (" + how + ")";
    }

    public static void main(String[] args) {
        run(() -> {
            Coroutine<Integer> coro = CheatCoroutines::coroFunction;   // not executed yet: coro is not 4
            System.out.println(coro.call());                           // print(await coro)

            Future<String> f = ensureFuture(() -> connect("example.com", "ensure_future"));
            Task<String> t = getRunningLoop().createTask(() -> connect("example.com", "loop.create_task"));
            System.out.println(await(f));
            System.out.println(await(t));

            Coroutine<String> later = () -> sleep(0.01, "done");       // nothing sleeps yet
            System.out.println("a sleep to await later: " + later.call());   // await asyncio.sleep(10)
            return null;
        });
    }
}
