package org.asyncio4j.examples.seeds;

import static org.asyncio4j.Asyncio.await;
import static org.asyncio4j.Asyncio.getRunningLoop;
import static org.asyncio4j.Asyncio.run;

import java.util.function.Consumer;
import org.asyncio4j.EventLoop;
import org.asyncio4j.Future;

/**
 * Seed 003 (cheat sheet), "Futures": {@code loop.create_future()}, {@code future.add_done_callback(fn)} (several
 * callbacks, called one at a time with the future as argument; {@code functools.partial} for extra arguments is a
 * lambda in Java), {@code future.set_result(value)}, and {@code future.result()} read by the callbacks.
 *
 * <pre>
 * setting the result
 * callback fn: result 42
 * callback with an extra argument (first): result 42
 * awaited: 42
 * </pre>
 */
public final class CheatFutures {
    private CheatFutures() {
    }

    /** {@code def fn(future)}: a done callback receives the future. */
    static void fn(Future<Integer> future) {
        System.out.println("callback fn: result " + future.result());
    }

    /** A callback with one more argument, passed with {@code functools.partial(callback, "first")} in Python. */
    static void callback(String extra, Future<Integer> future) {
        System.out.println("callback with an extra argument (" + extra + "): result " + future.result());
    }

    public static void main(String[] args) {
        run(() -> {
            EventLoop loop = getRunningLoop();
            Future<Integer> future = loop.createFuture();            // future = loop.create_future()
            future.addDoneCallback(CheatFutures::fn);                // future.add_done_callback(fn)
            Consumer<Future<Integer>> partial = f -> callback("first", f);
            future.addDoneCallback(partial);                         // functools.partial(callback, "first")
            loop.callSoon(() -> {
                System.out.println("setting the result");
                future.setResult(42);                                // future.set_result(value)
            });
            System.out.println("awaited: " + await(future));         // the callbacks ran before main resumes
            return null;
        });
    }
}
