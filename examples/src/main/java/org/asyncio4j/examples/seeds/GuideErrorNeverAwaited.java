package org.asyncio4j.examples.seeds;

import static org.asyncio4j.Asyncio.await;
import static org.asyncio4j.Asyncio.createTask;
import static org.asyncio4j.Asyncio.run;

import org.asyncio4j.Coroutine;
import org.asyncio4j.Task;

/**
 * Seed 001 (the guide), "Python Asyncio Common Errors", "Error 2: Not Letting Coroutines Run in the Event Loop".
 *
 * <p>Python warns {@code RuntimeWarning: coroutine 'custom_coro' was never awaited} when a coroutine object is
 * created and dropped. The Java counterpart of the coroutine object is a {@link Coroutine} lambda; one that is never
 * run has started nothing, so there is nothing to report, and asyncio4j reports nothing. The three ways to run it
 * are Python's: {@code asyncio.run(coro)}, {@code await coro} (call it inline in a body) and {@code
 * asyncio.create_task(coro)}.
 *
 * <p>Unlike a Python coroutine object, a lambda can be run more than once: each run is a new execution.
 *
 * <pre>
 * coro created and dropped: nothing ran, nothing is reported
 * hi there (asyncio.run(coro))
 * hi there (await coro)
 * hi there (asyncio.create_task(coro))
 * </pre>
 */
public final class GuideErrorNeverAwaited {
    private GuideErrorNeverAwaited() {
    }

    /** {@code async def custom_coro()}. */
    static Void customCoro(String how) {
        System.out.println("hi there (" + how + ")");
        return null;
    }

    public static void main(String[] args) {
        Coroutine<Void> dropped = () -> customCoro("never");    // coro = custom_coro(), never run
        System.out.println("coro created and dropped: nothing ran, nothing is reported");

        Coroutine<Void> coro = () -> customCoro("asyncio.run(coro)");
        run(coro);                                               // asyncio.run(coro)
        run(() -> {
            Coroutine<Void> inline = () -> customCoro("await coro");
            inline.call();                                       // await coro
            Task<Void> task = createTask(() -> customCoro("asyncio.create_task(coro)"));
            await(task);                                         // task = asyncio.create_task(coro)
            return null;
        });
    }
}
