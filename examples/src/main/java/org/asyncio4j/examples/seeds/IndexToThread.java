package org.asyncio4j.examples.seeds;

import static org.asyncio4j.Asyncio.await;
import static org.asyncio4j.Asyncio.gather;
import static org.asyncio4j.Asyncio.run;
import static org.asyncio4j.Asyncio.sleep;
import static org.asyncio4j.Asyncio.toThread;

/**
 * Seed 004 (function index), {@code asyncio.to_thread(func, /, *args, **kwargs)}: the blocking {@code blocking_io()}
 * runs in a separate thread while the loop sleeps; arguments ({@code *args}) are captured by the Java lambda. The seed
 * blocks 1 s next to a 1 s sleep; here 0.2 s each.
 *
 * <pre>
 * Main started: 12:00:00
 * Start IO: 12:00:00
 * Done IO: 12:00:00
 * Main done: 12:00:00
 * </pre>
 */
public final class IndexToThread {
    private IndexToThread() {
    }

    /** {@code def blocking_io()}. */
    static void blockingIo(double seconds) {
        System.out.println("Start IO: " + Time.strftime());
        Time.sleep(seconds);
        System.out.println("Done IO: " + Time.strftime());
    }

    public static void main(String[] args) {
        run(() -> {
            System.out.println("Main started: " + Time.strftime());
            await(gather(() -> {
                toThread(() -> blockingIo(0.2));        // asyncio.to_thread(blocking_io)
                return null;
            }, () -> sleep(0.2, null)));                // asyncio.sleep(1)
            System.out.println("Main done: " + Time.strftime());
            return null;
        });
    }
}
