package org.asyncio4j.examples.seeds;

import static org.asyncio4j.Asyncio.ensureFuture;
import static org.asyncio4j.Asyncio.newEventLoop;
import static org.asyncio4j.Asyncio.runCoroutineThreadsafe;
import static org.asyncio4j.Asyncio.sleep;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.asyncio4j.EventLoop;

/**
 * Seed 003 (cheat sheet), "Event loops": creating a loop ({@code new_event_loop}), running it until told to stop
 * ({@code run_forever}/{@code stop}) or until some work is complete ({@code run_until_complete}), a loop in another
 * thread (the cheat sheet's Django case: the main thread is busy, a worker thread runs the loop), reached from
 * outside with {@code call_soon_threadsafe} and {@code run_coroutine_threadsafe}, and {@code ensure_future} with an
 * explicit loop. Python's per-thread default loop ({@code get_event_loop}/{@code set_event_loop}) has no
 * counterpart: the loop is passed where it is needed.
 *
 * <pre>
 * run_until_complete: 6
 * run_forever: stopped by a callback
 * worker thread runs the loop
 * call_soon_threadsafe: ran on the loop's thread
 * run_coroutine_threadsafe: 7
 * worker loop stopped
 * </pre>
 */
public final class CheatEventLoops {
    private CheatEventLoops() {
    }

    public static void main(String[] args) throws Exception {
        EventLoop loop = newEventLoop();                        // loop = asyncio.new_event_loop()
        try {
            // loop.run_until_complete(<future or coroutine>)
            System.out.println("run_until_complete: " + loop.runUntilComplete(ensureFuture(() -> sleep(0.01, 6), loop)));
            loop.callLater(0.01, () -> {
                System.out.println("run_forever: stopped by a callback");
                loop.stop();                                    // loop.stop()
            });
            loop.runForever();                                  // loop.run_forever()
        } finally {
            loop.close();
        }

        EventLoop worker = newEventLoop();                      // a loop for a worker thread
        CountDownLatch started = new CountDownLatch(1);
        Thread thread = Thread.ofPlatform().name("asyncio-worker").start(() -> {
            worker.callSoon(started::countDown);
            worker.runForever();
        });
        try {
            started.await();
            System.out.println("worker thread runs the loop");
            CountDownLatch called = new CountDownLatch(1);
            worker.callSoonThreadsafe(() -> {                   // loop.call_soon_threadsafe(callback, *args)
                String where = Thread.currentThread() == thread ? "the loop's thread" : "another thread";
                System.out.println("call_soon_threadsafe: ran on " + where);
                called.countDown();
            });
            called.await();
            CompletableFuture<Integer> future = runCoroutineThreadsafe(() -> sleep(0.01, 7), worker);
            System.out.println("run_coroutine_threadsafe: " + future.get(5, TimeUnit.SECONDS));
        } finally {
            worker.callSoonThreadsafe(worker::stop);
            thread.join();
            worker.close();
            System.out.println("worker loop stopped");
        }
    }
}
