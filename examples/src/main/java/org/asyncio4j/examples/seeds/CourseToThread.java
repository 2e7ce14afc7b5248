package org.asyncio4j.examples.seeds;

import static org.asyncio4j.Asyncio.await;
import static org.asyncio4j.Asyncio.gather;
import static org.asyncio4j.Asyncio.run;
import static org.asyncio4j.Asyncio.sleep;
import static org.asyncio4j.Asyncio.toThread;

/**
 * Seed 002 (course notes), "8.6.6. Run in Threads": {@code asyncio.to_thread(work)} runs a blocking function in
 * another thread, so that the loop goes on meanwhile: gathered with {@code asyncio.sleep}, both wait at the same
 * time. The seed blocks 2 s next to a 1 s sleep; here 0.2 s next to 0.1 s, so the program takes about 0.2 s.
 *
 * <p>Unlike Python, there is no GIL: a CPU-bound function runs in parallel with the loop too.
 *
 * <pre>
 * Started main at 22:53:40
 * Work started 22:53:40
 * Work done at 22:53:40
 * Finished main at 22:53:40
 * </pre>
 */
public final class CourseToThread {
    private CourseToThread() {
    }

    /** {@code def work()}: a plain blocking function. */
    static void work() {
        System.out.println("Work started " + Time.strftime());
        Time.sleep(0.2);                                    // time.sleep(2)  # Blocking
        System.out.println("Work done at " + Time.strftime());
    }

    public static void main(String[] args) {
        run(() -> {
            System.out.println("Started main at " + Time.strftime());
            // await asyncio.gather(asyncio.to_thread(work), asyncio.sleep(1))
            await(gather(() -> {
                toThread(CourseToThread::work);
                return null;
            }, () -> sleep(0.1, null)));
            System.out.println("Finished main at " + Time.strftime());
            return null;
        });
    }
}
