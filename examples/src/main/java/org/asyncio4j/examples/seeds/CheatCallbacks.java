package org.asyncio4j.examples.seeds;

import static org.asyncio4j.Asyncio.newEventLoop;

import org.asyncio4j.EventLoop;

/**
 * Seed 003 (cheat sheet), "Getting a loop to call a synchronous callable": {@code loop.call_soon(callback)} (with
 * {@code functools.partial(callable, arg1, arg2)} for arguments: a lambda in Java) and {@code loop.call_later(delay,
 * callable)}; callbacks run in the order they become due, call_soon ones in the order they were scheduled.
 *
 * <pre>
 * call_soon: first 1 2
 * call_soon: second 3 4
 * call_later 0.02 s
 * call_later 0.05 s
 * </pre>
 */
public final class CheatCallbacks {
    private CheatCallbacks() {
    }

    /** A plain callable taking arguments. */
    static void callable(String name, int arg1, int arg2) {
        System.out.println("call_soon: " + name + " " + arg1 + " " + arg2);
    }

    public static void main(String[] args) {
        EventLoop loop = newEventLoop();
        try {
            loop.callLater(0.05, () -> {
                System.out.println("call_later 0.05 s");
                loop.stop();
            });
            loop.callLater(0.02, () -> System.out.println("call_later 0.02 s"));   // loop.call_later(delay, callable)
            loop.callSoon(() -> callable("first", 1, 2));   // loop.call_soon(functools.partial(callable, 1, 2))
            loop.callSoon(() -> callable("second", 3, 4));
            loop.runForever();
        } finally {
            loop.close();
        }
    }
}
