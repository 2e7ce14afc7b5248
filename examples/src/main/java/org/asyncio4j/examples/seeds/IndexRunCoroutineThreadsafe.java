package org.asyncio4j.examples.seeds;

import static org.asyncio4j.Asyncio.runCoroutineThreadsafe;
import static org.asyncio4j.Asyncio.sleep;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.asyncio4j.EventLoop;
import org.asyncio4j.Runner;

/**
 * Seed 004 (function index), {@code asyncio.run_coroutine_threadsafe(coro, loop)}: from a plain thread (the seed's
 * "normal def, like from threading.Thread"), submit {@code asyncio.sleep(1, result=3)} to a loop running in another
 * thread and block this thread, not the loop, on {@code future.result(timeout=2)}. Here the sleep is 0.05 s.
 *
 * <pre>
 * result == 3: true
 * </pre>
 */
public final class IndexRunCoroutineThreadsafe {
    private IndexRunCoroutineThreadsafe() {
    }

    public static void main(String[] args) throws Exception {
        try (Runner runner = new Runner()) {
            EventLoop loop = runner.getLoop();
            Thread loopThread = Thread.ofPlatform().name("event-loop").start(loop::runForever);
            CompletableFuture<Integer> future = runCoroutineThreadsafe(() -> sleep(0.05, 3), loop);
            int result = future.get(2, TimeUnit.SECONDS);           // result = future.result(timeout=2)
            System.out.println("result == 3: " + (result == 3));
            loop.callSoonThreadsafe(loop::stop);
            loopThread.join();
        }
    }
}
