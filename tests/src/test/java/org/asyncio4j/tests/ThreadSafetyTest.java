package org.asyncio4j.tests;

import static org.asyncio4j.Asyncio.await;
import static org.asyncio4j.Asyncio.createTask;
import static org.asyncio4j.Asyncio.sleep;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.asyncio4j.Asyncio;
import org.asyncio4j.CancelledError;
import org.asyncio4j.EventLoop;
import org.asyncio4j.Future;
import org.asyncio4j.Task;
import org.asyncio4j.TimerHandle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Which loop methods other threads may call, and what happens when they call the others. */
class ThreadSafetyTest extends LoopTest {

    private static Thread startThread(String name, Runnable r) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        t.start();
        return t;
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void callSoonThreadsafeWakesUpAnIdleLoopWaitingForATimer() throws InterruptedException {
        try (EventLoop real = Asyncio.newEventLoop()) {
            Future<String> woken = real.createFuture();
            TimerHandle guard = real.callLater(30, () -> woken.setResult("timed out"));
            Thread other = startThread("waker", () -> {
                pause(100);
                real.callSoonThreadsafe(() -> woken.setResult("woken by " + Thread.currentThread().getName()));
            });
            long t0 = System.nanoTime();
            String result = real.runUntilComplete(woken);
            double took = (System.nanoTime() - t0) / 1e9;
            other.join();
            guard.cancel();
            assertTrue(result.startsWith("woken by"), result);
            assertTrue(took >= 0.05 && took < 10, "woken after " + took + " s");
        }
    }

    @Test
    void callSoonThreadsafeWakesUpAnIdleLoopWithoutTimers() throws InterruptedException {
        Future<String> woken = loop.createFuture();
        Thread other = startThread("waker", () -> {
            pause(50);
            loop.callSoonThreadsafe(() -> woken.setResult("woken"));
        });
        assertEquals("woken", loop.runUntilComplete(woken));
        other.join();
    }

    @Test
    void callbacksFromOneThreadRunInTheOrderTheyWereScheduled() throws InterruptedException {
        List<Integer> seen = new ArrayList<>();
        int n = 2000;
        Thread producer = startThread("producer", () -> {
            for (int i = 0; i < n; i++) {
                int k = i;
                loop.callSoonThreadsafe(() -> seen.add(k));
            }
            loop.callSoonThreadsafe(loop::stop);
        });
        loop.runForever();
        producer.join();
        assertEquals(n, seen.size());
        for (int i = 0; i < n; i++) {
            assertEquals(i, seen.get(i));
        }
    }

    @Test
    void callbacksFromManyThreadsAreAllRunEachThreadInOrder() throws InterruptedException {
        int threads = 4;
        int perThread = 1000;
        Map<Integer, List<Integer>> seen = new LinkedHashMap<>();
        Future<Void> all = loop.createFuture();
        int[] remaining = {threads * perThread};
        List<Thread> producers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int id = t;
            seen.put(id, new ArrayList<>());
            producers.add(startThread("producer-" + id, () -> {
                for (int i = 0; i < perThread; i++) {
                    int k = i;
                    loop.callSoonThreadsafe(() -> {
                        seen.get(id).add(k);
                        if (--remaining[0] == 0) {
                            all.setResult(null);
                        }
                    });
                }
            }));
        }
        loop.runUntilComplete(all);
        for (Thread p : producers) {
            p.join();
        }
        for (List<Integer> fromOne : seen.values()) {
            assertEquals(perThread, fromOne.size());
            for (int i = 0; i < perThread; i++) {
                assertEquals(i, fromOne.get(i));
            }
        }
    }

    @Test
    void aThreadsafeCallbackScheduledBeforeTheLoopRunsRunsWhenItRuns() throws InterruptedException {
        List<String> seen = new ArrayList<>();
        Thread other = startThread("early", () -> loop.callSoonThreadsafe(() -> seen.add("early")));
        other.join();
        loop.callSoon(loop::stop);
        loop.runForever();
        assertEquals(List.of("early"), seen);
    }

    @Test
    void loopBoundMethodsCalledFromAnotherThreadWhileTheLoopRunsAreErrors() {
        List<String> problems = runMain(() -> {
            Future<String> f = loop.createFuture();
            Future<String> never = loop.createFuture();
            Task<String> t = createTask(() -> await(never));
            Future<List<String>> report = loop.createFuture();
            Map<String, Executable> calls = new LinkedHashMap<>();
            calls.put("callSoon", () -> loop.callSoon(() -> { }));
            calls.put("callLater", () -> loop.callLater(1, () -> { }));
            calls.put("callAt", () -> loop.callAt(1, () -> { }));
            calls.put("createTask", () -> loop.createTask(() -> null));
            calls.put("Future.setResult", () -> f.setResult("x"));
            calls.put("Future.setException", () -> f.setException(new IOException()));
            calls.put("Future.cancel", () -> f.cancel());
            calls.put("Future.addDoneCallback", () -> f.addDoneCallback(x -> { }));
            calls.put("Future.removeDoneCallback", () -> f.removeDoneCallback(x -> { }));
            calls.put("Task.cancel", () -> t.cancel());
            startThread("foreign", () -> {
                List<String> out = new ArrayList<>();
                for (Map.Entry<String, Executable> call : calls.entrySet()) {
                    try {
                        call.getValue().execute();
                        out.add(call.getKey() + ": no error");
                    } catch (IllegalStateException e) {
                        boolean clear = e.getMessage().contains(call.getKey())
                                && e.getMessage().contains("called from thread foreign")
                                && e.getMessage().contains("callSoonThreadsafe");
                        out.add(call.getKey() + (clear ? ": clear error" : ": unclear error " + e.getMessage()));
                    } catch (Throwable e) {
                        out.add(call.getKey() + ": " + e);
                    }
                }
                loop.callSoonThreadsafe(() -> report.setResult(out));
            });
            List<String> out = await(report);
            assertFalse(f.done());
            assertFalse(t.done());
            assertEquals(0, t.cancelling());
            t.cancel();
            assertThrows(CancelledError.class, t::await);
            return out;
        });
        for (String p : problems) {
            assertTrue(p.endsWith(": clear error"), String.join("\n", problems));
        }
        assertEquals(10, problems.size());
    }

    @Test
    void theThreadsafeQueriesWorkFromAnyThreadWhileTheLoopRuns() {
        clock.advance(4);
        loop.setDebug(true);
        String seen = runMain(() -> {
            AtomicReference<String> out = new AtomicReference<>();
            Thread other = startThread("observer", () -> out.set("running=" + loop.isRunning() + " closed="
                    + loop.isClosed() + " time=" + loop.time() + " debug=" + loop.getDebug()));
            other.join();
            return out.get();
        });
        assertEquals("running=true closed=false time=4.0 debug=true", seen);
    }

    @Test
    void callSoonThreadsafeOnAClosedLoopIsAnError() throws InterruptedException {
        loop.close();
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        startThread("late", () -> {
            try {
                loop.callSoonThreadsafe(() -> { });
            } catch (Throwable e) {
                thrown.set(e);
            }
        }).join();
        assertTrue(thrown.get() instanceof IllegalStateException, String.valueOf(thrown.get()));
        assertEquals("Event loop is closed", thrown.get().getMessage());
    }

    @Test
    void aLoopNotRunningMayBeUsedFromAnyOneThread() throws InterruptedException {
        AtomicReference<Object> out = new AtomicReference<>();
        startThread("setup", () -> {
            Future<String> f = loop.createFuture();
            loop.callSoon(() -> f.setResult("set up elsewhere"));
            out.set(f);
        }).join();
        @SuppressWarnings("unchecked")
        Future<String> f = (Future<String>) out.get();
        assertEquals("set up elsewhere", loop.runUntilComplete(f));
    }

    @Test
    void aTaskCanBeWokenFromAnotherThreadThroughCallSoonThreadsafe() {
        String result = runMain(() -> {
            Future<String> f = loop.createFuture();
            startThread("worker", () -> {
                pause(20);
                loop.callSoonThreadsafe(() -> f.setResult("computed"));
            });
            Task<Integer> ticker = createTask(() -> {
                int ticks = 0;
                while (!f.done()) {
                    ticks++;
                    sleep(0.001);
                }
                return ticks;
            });
            String r = await(f);
            assertTrue(await(ticker) > 0, "the loop ran other work while waiting");
            return r;
        });
        assertEquals("computed", result);
    }
}
