package org.asyncio4j.examples.seeds;

import static org.asyncio4j.Asyncio.runCoroutineThreadsafe;
import static org.asyncio4j.Asyncio.sleep;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.asyncio4j.EventLoop;
import org.asyncio4j.Runner;

/**
 * Seed 000 (Python documentation, asyncio-task.html), "Scheduling From Other Threads",
 * {@code asyncio.run_coroutine_threadsafe(coro, loop)}: another thread submits coroutines to a loop that runs in
 * its own thread, and waits for them through the returned future ({@code concurrent.futures.Future} in Python, a
 * {@link CompletableFuture} in Java). The second snippet of the seed handles the three outcomes: too slow (the
 * task is cancelled through the future), failed, and returned.
 *
 * <pre>
 * future.result(timeout) == 3: true
 * The coroutine took too long, cancelling the task...
 * The coroutine raised an exception: java.lang.IllegalStateException: boom
 * The coroutine returned: 'done'
 * </pre>
 */
public final class DocsRunCoroutineThreadsafe {
    private DocsRunCoroutineThreadsafe() {
    }

    /** The seed's second snippet, for one submitted coroutine: {@code future.result(timeout)} and its outcomes. */
    static void report(CompletableFuture<?> future, double timeout) throws InterruptedException {
        try {
            Object result = future.get((long) (timeout * 1000), TimeUnit.MILLISECONDS);
            System.out.println("The coroutine returned: '" + result + "'");
        } catch (TimeoutException e) {
            System.out.println("The coroutine took too long, cancelling the task...");
            future.cancel(true);                       // cancels the task on the loop
        } catch (ExecutionException e) {
            System.out.println("The coroutine raised an exception: " + e.getCause());
        }
    }

    public static void main(String[] args) throws Exception {
        try (Runner runner = new Runner()) {           // closing it cancels what is left, then closes the loop
            EventLoop loop = runner.getLoop();
            Thread loopThread = Thread.ofPlatform().name("event-loop").start(loop::runForever);

            // coro = asyncio.sleep(1, result=3); future = asyncio.run_coroutine_threadsafe(coro, loop)
            CompletableFuture<Integer> future = runCoroutineThreadsafe(() -> sleep(0.05, 3), loop);
            System.out.println("future.result(timeout) == 3: " + (future.get(2, TimeUnit.SECONDS) == 3));

            report(runCoroutineThreadsafe(() -> sleep(10, "late"), loop), 0.05);
            report(runCoroutineThreadsafe(() -> {
                throw new IllegalStateException("boom");
            }, loop), 2);
            report(runCoroutineThreadsafe(() -> sleep(0.01, "done"), loop), 2);

            loop.callSoonThreadsafe(loop::stop);       // loop.call_soon_threadsafe(loop.stop)
            loopThread.join();
        }
    }
}
