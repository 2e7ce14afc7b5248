package org.asyncio4j.examples.seeds;

import static org.asyncio4j.Asyncio.await;
import static org.asyncio4j.Asyncio.gather;
import static org.asyncio4j.Asyncio.run;
import static org.asyncio4j.Asyncio.sleep;

/**
 * Seed 004 (function index), {@code asyncio.sleep(delay, result=None)}: {@code await asyncio.sleep(0)} does not
 * sleep; it lets the other tasks run once, which keeps long work cooperative; and {@code sleep(delay, result)}
 * returns {@code result}.
 *
 * <pre>
 * A step 0
 * B step 0
 * A step 1
 * B step 1
 * A step 2
 * B step 2
 * sleep(0.01, result): done
 * </pre>
 */
public final class IndexSleep {
    private IndexSleep() {
    }

    /** Long work in steps, yielding to the other tasks between steps. */
    static Void longWork(String name) {
        for (int i = 0; i < 3; i++) {
            System.out.println(name + " step " + i);
            sleep(0);                                      // await asyncio.sleep(0)
        }
        return null;
    }

    public static void main(String[] args) {
        run(() -> {
            await(gather(() -> longWork("A"), () -> longWork("B")));
            System.out.println("sleep(0.01, result): " + sleep(0.01, "done"));
            return null;
        });
    }
}
