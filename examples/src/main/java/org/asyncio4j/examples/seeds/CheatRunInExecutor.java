package org.asyncio4j.examples.seeds;

import static org.asyncio4j.Asyncio.await;
import static org.asyncio4j.Asyncio.getRunningLoop;
import static org.asyncio4j.Asyncio.run;

import java.util.concurrent.Callable;
import org.asyncio4j.EventLoop;

/**
 * Seed 003 (cheat sheet), "Running blocking code in another thread": {@code fn = functools.partial(method, *args);
 * result = await loop.run_in_executor(None, fn)} runs a blocking call in the default executor (a new virtual thread
 * per call in asyncio4j) without blocking the loop.
 *
 * <pre>
 * blocking method ran in another thread: true
 * result: 5
 * </pre>
 */
public final class CheatRunInExecutor {
    private CheatRunInExecutor() {
    }

    /** A blocking method with arguments. */
    static int method(Thread loopThread, int a, int b) {
        Time.sleep(0.05);
        System.out.println("blocking method ran in another thread: " + (Thread.currentThread() != loopThread));
        return a + b;
    }

    public static void main(String[] args) {
        run(() -> {
            EventLoop loop = getRunningLoop();
            Thread here = Thread.currentThread();
            Callable<Integer> fn = () -> method(here, 2, 3);       // fn = functools.partial(method, *args)
            int result = await(loop.runInExecutor(null, fn));      // await loop.run_in_executor(None, fn)
            System.out.println("result: " + result);
            return null;
        });
    }
}
