package org.asyncio4j.examples.seeds;

import static org.asyncio4j.Asyncio.await;
import static org.asyncio4j.Asyncio.ensureFuture;
import static org.asyncio4j.Asyncio.newEventLoop;
import static org.asyncio4j.Asyncio.sleep;

import org.asyncio4j.EventLoop;
import org.asyncio4j.Future;
import org.asyncio4j.Task;

/**
 * Seed 003 (cheat sheet), "Tasks" and "Awaitables": a task made with {@code loop.create_task(coroutine)} or {@code
 * asyncio.ensure_future(coroutine, loop=loop)}, with a done callback, run with {@code loop.run_until_complete(future)}
 * when the loop is not running yet; and awaitables: a task can be awaited any number of times once done.
 *
 * <p>The cheat sheet notes that an awaitable can be awaited only once: true of a Python coroutine object, not of a
 * task or future. A Java {@code Coroutine} lambda can even be run again, each time as a new execution.
 *
 * <pre>
 * done callback: result 1
 * run_until_complete: 1
 * run_until_complete: 2
 * awaited twice: 1, 1
 * </pre>
 */
public final class CheatTasks {
    private CheatTasks() {
    }

    public static void main(String[] args) {
        EventLoop loop = newEventLoop();
        try {
            Task<Integer> future = loop.createTask(() -> sleep(0.01, 1));           // loop.create_task(coroutine)
            future.addDoneCallback(f -> System.out.println("done callback: result " + f.result()));   // fn1
            System.out.println("run_until_complete: " + loop.runUntilComplete(future));
            Future<Integer> ensured = ensureFuture(() -> sleep(0.01, 2), loop);     // ensure_future(coroutine, loop=loop)
            System.out.println("run_until_complete: " + loop.runUntilComplete(ensured));
            String twice = loop.runUntilComplete(() -> await(future) + ", " + await(future));
            System.out.println("awaited twice: " + twice);
        } finally {
            loop.close();
        }
    }
}
