package org.asyncio4j.tests.compose;

import static org.asyncio4j.Asyncio.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.asyncio4j.CancelledError;
import org.asyncio4j.EventLoop;
import org.asyncio4j.Future;
import org.asyncio4j.Runner;
import org.asyncio4j.Task;
import org.asyncio4j.tests.LoopTest;
import org.junit.jupiter.api.Test;

/** toThread, loop.runInExecutor, the default executor and runCoroutineThreadsafe (threads.py, base_events.py, tasks.py). */
class ThreadsTest extends LoopTest {
    private final List<String> trace = Collections.synchronizedList(new ArrayList<>());

    @Test
    void toThreadRunsTheCallOnAVirtualThreadAndReturnsItsResult() {
        runMain(() -> {
            Thread loopThread = Thread.currentThread();
            Thread[] ran = new Thread[1];
            int r = toThread(() -> {
                ran[0] = Thread.currentThread();
                return 42;
            });
            assertEquals(42, r);
            assertNotSame(loopThread, ran[0]);
            assertTrue(ran[0].isVirtual());
            assertTrue(ran[0].getName().startsWith("asyncio4j-executor-"), ran[0].getName());
            return null;
        });
    }

    @Test
    void toThreadRethrowsTheExceptionOfTheCall() {
        runMain(() -> {
            IOException io = new IOException("disk");
            IOException e = assertThrows(IOException.class, () -> toThread(() -> {
                throw io;
            }));
            assertSame(io, e);
            return null;
        });
    }

    @Test
    void callsRunInParallelWithEachOtherAndWithTheLoop() throws Exception {
        CyclicBarrier both = new CyclicBarrier(2);
        CountDownLatch fromLoop = new CountDownLatch(1);
        runMain(() -> {
            Future<List<Object>> g = gather(
                    () -> toThread(() -> both.await(10, TimeUnit.SECONDS)),
                    () -> toThread(() -> both.await(10, TimeUnit.SECONDS)),
                    () -> toThread(() -> fromLoop.await(10, TimeUnit.SECONDS)),
                    () -> {
                        sleep(0);
                        fromLoop.countDown();
                        return "loop not blocked";
                    });
            List<Object> r = await(g);
            assertEquals(true, r.get(2));
            assertEquals("loop not blocked", r.get(3));
            return null;
        });
    }

    @Test
    void runInExecutorUsesTheGivenExecutor() throws Exception {
        ExecutorService pool = Executors.newSingleThreadExecutor(r -> new Thread(r, "my-pool"));
        try {
            runMain(() -> {
                Future<String> f = loop.runInExecutor(pool, () -> Thread.currentThread().getName());
                assertEquals("my-pool", await(f));
                Future<String> d = loop.runInExecutor(null, () -> "default");
                assertEquals("default", await(d));
                return null;
            });
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aCallCancelledBeforeItStartsDoesNotRun() throws Exception {
        ExecutorService pool = Executors.newSingleThreadExecutor();
        CountDownLatch release = new CountDownLatch(1);
        AtomicBoolean secondRan = new AtomicBoolean();
        try {
            runMain(() -> {
                Future<Object> first = loop.runInExecutor(pool, () -> release.await(10, TimeUnit.SECONDS));
                Future<Object> second = loop.runInExecutor(pool, () -> {
                    secondRan.set(true);
                    return null;
                });
                assertTrue(second.cancel());
                sleep(0);
                release.countDown();
                await(first);
                return null;
            });
            pool.shutdown();
            assertTrue(pool.awaitTermination(10, TimeUnit.SECONDS));
            assertFalse(secondRan.get());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void cancellingTheWaitingTaskDoesNotInterruptTheCall() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch finished = new CountDownLatch(1);
        runMain(() -> {
            Future<Object> started = loop.createFuture();
            Task<Object> t = createTask(() -> toThread(() -> {
                loop.callSoonThreadsafe(() -> started.setResult(null));
                release.await(10, TimeUnit.SECONDS);
                finished.countDown();
                return null;
            }));
            await(started);
            t.cancel();
            assertThrows(CancelledError.class, () -> await(t));
            release.countDown();
            return null;
        });
        assertTrue(finished.await(10, TimeUnit.SECONDS));
    }

    @Test
    void shutdownDefaultExecutorWaitsForRunningCallsThenRefusesNewOnes() {
        runMain(() -> {
            Task<Object> t = createTask(() -> toThread(() -> {
                Thread.sleep(50);
                trace.add("call finished");
                return null;
            }));
            sleep(0);
            loop.shutdownDefaultExecutor(null);
            trace.add("shutdown returned");
            await(t);
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> loop.runInExecutor(null, () -> 1));
            assertTrue(e.getMessage().contains("shutdown"), e.getMessage());
            return null;
        });
        assertEquals(List.of("call finished", "shutdown returned"), trace);
    }

    /** Starts a call that is still running when main returns; main waits until the call started. */
    private static Object startLongCall(AtomicBoolean finished) {
        Future<Object> started = getRunningLoop().createFuture();
        EventLoop l = getRunningLoop();
        createTask(() -> toThread(() -> {
            l.callSoonThreadsafe(() -> started.setResult(null));
            Thread.sleep(100);
            finished.set(true);
            return null;
        }));
        return await(started);
    }

    @Test
    void runnerCloseShutsTheDefaultExecutorDownAndWaitsForItsCalls() {
        AtomicBoolean finished = new AtomicBoolean();
        try (Runner runner = new Runner()) {
            runner.run(() -> startLongCall(finished));
            assertFalse(finished.get());
        }
        assertTrue(finished.get());
    }

    @Test
    void runShutsTheDefaultExecutorDownToo() {
        AtomicBoolean finished = new AtomicBoolean();
        run(() -> startLongCall(finished));
        assertTrue(finished.get());
    }

    @Test
    void theSeedExampleOfToThreadWithGather() {
        // seed 000 (Python docs): started main / start blocking_io / blocking_io complete / finished main
        runMain(() -> {
            trace.add("started main");
            await(gather(() -> toThread(() -> {
                trace.add("start blocking_io");
                Thread.sleep(20);
                trace.add("blocking_io complete");
                return null;
            }), () -> sleep(1, null)));
            trace.add("finished main");
            return null;
        });
        assertEquals(List.of("started main", "start blocking_io", "blocking_io complete", "finished main"), trace);
    }

    @Test
    void theSeedExampleOfToThreadInATask() {
        // seed 001 (to_thread section): Main running the blocking task / Main doing other things / Task starting / Task done
        runMain(() -> {
            trace.add("Main running the blocking task");
            Task<Object> task = createTask(() -> {
                toThread(() -> {
                    trace.add("Task starting");
                    Thread.sleep(20);
                    trace.add("Task done");
                    return null;
                });
                toThread(() -> trace.add("a Runnable too"));
                return null;
            });
            trace.add("Main doing other things");
            sleep(0);
            await(task);
            return null;
        });
        assertEquals(List.of("Main running the blocking task", "Main doing other things", "Task starting", "Task done",
                "a Runnable too"), trace);
    }

    // ---- runCoroutineThreadsafe ------------------------------------------------------------------------

    /** Runs {@code client} on another thread while the loop runs; the loop stops when the client is done. */
    private void withClientThread(ThrowingConsumer<EventLoop> client) {
        runMain(() -> {
            Future<Object> clientDone = loop.createFuture();
            Thread.ofPlatform().start(() -> {
                Throwable failure = null;
                try {
                    client.accept(loop);
                } catch (Throwable t) {
                    failure = t;
                }
                Throwable f = failure;
                loop.callSoonThreadsafe(() -> {
                    if (f == null) {
                        clientDone.setResult(null);
                    } else {
                        clientDone.setException(f);
                    }
                });
            });
            return await(clientDone);
        });
    }

    interface ThrowingConsumer<T> {
        void accept(T t) throws Exception;
    }

    @Test
    void runCoroutineThreadsafeGivesTheResultToAnotherThread() {
        // Python docs: future = run_coroutine_threadsafe(asyncio.sleep(1, result=3), loop); future.result(timeout) == 3
        withClientThread(l -> {
            CompletableFuture<Integer> future = runCoroutineThreadsafe(() -> sleep(1, 3), l);
            assertEquals(3, future.get(10, TimeUnit.SECONDS));
        });
    }

    @Test
    void runCoroutineThreadsafeGivesTheExceptionToAnotherThread() {
        withClientThread(l -> {
            CompletableFuture<Object> future = runCoroutineThreadsafe(() -> {
                sleep(0.1);
                throw new IllegalStateException("boom");
            }, l);
            ExecutionException e = assertThrows(ExecutionException.class, () -> future.get(10, TimeUnit.SECONDS));
            assertInstanceOf(IllegalStateException.class, e.getCause());
        });
    }

    @Test
    void cancellingTheReturnedFutureCancelsTheTask() {
        withClientThread(l -> {
            CountDownLatch started = new CountDownLatch(1);
            CountDownLatch cancelled = new CountDownLatch(1);
            CompletableFuture<Object> future = runCoroutineThreadsafe(() -> {
                started.countDown();
                try {
                    return await(currentTask().getLoop().createFuture());
                } catch (CancelledError e) {
                    cancelled.countDown();
                    throw e;
                }
            }, l);
            assertTrue(started.await(10, TimeUnit.SECONDS));
            assertTrue(future.cancel(true));
            assertTrue(cancelled.await(10, TimeUnit.SECONDS));
        });
    }

    @Test
    void aCancelledTaskCancelsTheReturnedFuture() {
        withClientThread(l -> {
            CompletableFuture<Object> future = runCoroutineThreadsafe(() -> {
                currentTask().cancel("stop");
                return sleep(1, null);
            }, l);
            CancellationException e = assertThrows(CancellationException.class, () -> future.get(10, TimeUnit.SECONDS));
            assertEquals("stop", ((CancelledError) e.getCause()).getMessage());
            assertTrue(future.isCancelled());
        });
    }

    @Test
    void coroutinesSubmittedFromOneThreadStartInSubmissionOrder() {
        withClientThread(l -> {
            List<CompletableFuture<Object>> fs = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                int n = i;
                fs.add(runCoroutineThreadsafe(() -> trace.add("start " + n), l));
            }
            for (CompletableFuture<Object> f : fs) {
                f.get(10, TimeUnit.SECONDS);
            }
        });
        assertEquals(List.of("start 0", "start 1", "start 2", "start 3", "start 4"), trace);
    }

    @Test
    void runCoroutineThreadsafeOnAClosedLoopIsAnError() {
        EventLoop closed = newEventLoop();
        closed.close();
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> runCoroutineThreadsafe(() -> 1, closed));
        assertTrue(e.getMessage().contains("closed"), e.getMessage());
    }

    @Test
    void toThreadOutsideACoroutineIsAClearError() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> toThread(() -> 1));
        assertTrue(e.getMessage().contains("inside a coroutine body"), e.getMessage());
    }

    @Test
    void toThreadRunsTheCallInACopyOfTheCurrentContext() {
        // threads.py: the current contextvars.Context is propagated (and changes stay in the copy)
        org.asyncio4j.ContextVar<String> user = new org.asyncio4j.ContextVar<>("user");
        runMain(() -> {
            user.set("alice");
            String seen = toThread(() -> {
                String v = user.get();
                user.set("changed in thread");
                return v;
            });
            assertEquals("alice", seen);
            assertEquals("alice", user.get());
            String plain = await(loop.runInExecutor(null, () -> user.get(null)));
            assertEquals(null, plain);
            return null;
        });
    }
}
