package org.asyncio4j.examples.seeds;

import static org.asyncio4j.Asyncio.run;
import static org.asyncio4j.Asyncio.sleep;

/**
 * Seed 001 (the guide), "Python Asyncio Common Errors", "Error 1: Trying to Run Coroutines by Calling Them".
 *
 * <p>In Python, {@code custom_coro()} only creates a coroutine object and prints nothing. In Java a coroutine
 * function is a plain method, so calling it runs it, inline, as Python's {@code await custom_coro()} would. What
 * fails instead is awaiting where no loop runs: a method that awaits, called outside a coroutine body, throws {@code
 * IllegalStateException} at its first await, with a message that says so. The fix is the same as in Python: run it
 * with {@code run()}, or call it from a coroutine body.
 *
 * <pre>
 * hi there
 * IllegalStateException: sleep() called outside a coroutine: no event loop is running in this thread
 * hi there
 * hi there, after a sleep
 * </pre>
 */
public final class GuideErrorCallingCoroutine {
    private GuideErrorCallingCoroutine() {
    }

    /** {@code async def custom_coro(): print('hi there')}. */
    static void customCoro() {
        System.out.println("hi there");
    }

    /** The same, with an await. */
    static void customCoroThatAwaits() {
        sleep(0.01);
        System.out.println("hi there, after a sleep");
    }

    public static void main(String[] args) {
        customCoro();                                   // custom_coro(): Java runs the method
        try {
            customCoroThatAwaits();                     // awaiting outside any coroutine body
        } catch (IllegalStateException e) {
            System.out.println("IllegalStateException: " + e.getMessage());
        }
        run(() -> {                                     // asyncio.run(custom_coro())
            customCoro();
            return null;
        });
        run(() -> {                                     // await custom_coro(), inside a coroutine
            customCoroThatAwaits();
            return null;
        });
    }
}
