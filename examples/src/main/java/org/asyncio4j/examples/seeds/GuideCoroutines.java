package org.asyncio4j.examples.seeds;

import static org.asyncio4j.Asyncio.run;
import static org.asyncio4j.Asyncio.sleep;

import org.asyncio4j.Coroutine;

/**
 * Seed 001 (the guide), "Define, Create and Run Coroutines": how to define a coroutine, how to create one ("check
 * the type of a coroutine") and how to run one ("example of running a coroutine").
 *
 * <p>Java has no {@code async def}: a coroutine function is a plain method that awaits (here {@code customCoro},
 * which sleeps), and calling it inside a coroutine body runs it inline, which is Python's {@code await
 * custom_coro()}. Python's coroutine object, created but not run yet, is a {@link Coroutine} lambda: creating it
 * runs nothing. Python warns "coroutine 'custom_coro' was never awaited" when such an object is dropped; a
 * lambda that is never run is just an unused object, and nothing is reported (see {@link GuideErrorNeverAwaited}).
 *
 * <pre>
 * coro is a Coroutine: true
 * nothing ran yet
 * main: awaiting custom_coro
 * custom_coro: sleeping
 * custom_coro: done
 * main: done
 * </pre>
 */
public final class GuideCoroutines {
    private GuideCoroutines() {
    }

    /** {@code async def custom_coro(): await asyncio.sleep(1)} (0.1 s here). */
    static void customCoro() {
        System.out.println("custom_coro: sleeping");
        sleep(0.1);                                     // await asyncio.sleep(1)
        System.out.println("custom_coro: done");
    }

    /** {@code async def main(): await custom_coro()}. */
    static void mainCoroutine() {
        System.out.println("main: awaiting custom_coro");
        customCoro();
        System.out.println("main: done");
    }

    public static void main(String[] args) {
        // coro = custom_coro(); print(type(coro))
        Coroutine<Void> coro = () -> {
            customCoro();
            return null;
        };
        System.out.println("coro is a Coroutine: " + (coro instanceof Coroutine<?>));
        System.out.println("nothing ran yet");

        run(() -> {                                     // asyncio.run(main())
            mainCoroutine();
            return null;
        });
    }
}
