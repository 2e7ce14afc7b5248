package org.asyncio4j.examples.seeds;

import static org.asyncio4j.Asyncio.await;
import static org.asyncio4j.Asyncio.gather;
import static org.asyncio4j.Asyncio.run;
import static org.asyncio4j.Asyncio.sleep;
import static org.asyncio4j.Asyncio.toThread;

/**
 * Seed 000 (Python documentation, asyncio-task.html), "Running in Threads", {@code asyncio.to_thread}: the blocking
 * {@code blocking_io()} runs in another thread while the loop sleeps, so both waits overlap. The seed waits 1 s on
 * each side; here 0.2 s, so the program takes about 0.2 s instead of 0.4 s.
 *
 * <p>Python's {@code to_thread} also propagates the current {@code contextvars.Context} to the thread; asyncio4j
 * does the same for {@code ContextVar}s.
 *
 * <pre>
 * started main at 19:50:53
 * start blocking_io at 19:50:53
 * blocking_io complete at 19:50:53
 * finished main at 19:50:53
 * </pre>
 */
public final class DocsToThread {
    private DocsToThread() {
    }

    /** {@code def blocking_io()}: {@code time.sleep} stands for any blocking I/O, such as file operations. */
    static void blockingIo() {
        System.out.println("start blocking_io at " + Time.strftime());
        Time.sleep(0.2);
        System.out.println("blocking_io complete at " + Time.strftime());
    }

    public static void main(String[] args) {
        run(() -> {
            System.out.println("started main at " + Time.strftime());
            // await asyncio.gather(asyncio.to_thread(blocking_io), asyncio.sleep(1))
            await(gather(() -> {
                toThread(DocsToThread::blockingIo);
                return null;
            }, () -> sleep(0.2, null)));
            System.out.println("finished main at " + Time.strftime());
            return null;
        });
    }
}
