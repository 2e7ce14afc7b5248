package org.asyncio4j.tests;

import static org.asyncio4j.Asyncio.await;
import static org.asyncio4j.Asyncio.createTask;
import static org.asyncio4j.Asyncio.getRunningLoop;
import static org.asyncio4j.Asyncio.sleep;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.asyncio4j.Asyncio;
import org.asyncio4j.CancelledError;
import org.asyncio4j.ContextSlot;
import org.asyncio4j.ContextVar;
import org.asyncio4j.Engine;
import org.asyncio4j.EventLoop;
import org.asyncio4j.Future;
import org.asyncio4j.LoopConfig;
import org.asyncio4j.Task;
import org.asyncio4j.VirtualClock;
import org.junit.jupiter.api.Test;

/**
 * What depends on the engine running the bodies (the suite runs once per engine): where an await may
 * suspend, which thread runs a body, and the one-at-a-time guarantee under load.
 */
class EngineSpecificTest extends LoopTest {

    /** Its class initializer awaits; initialized only by the continuation-engine test. */
    static final class AwaitInInitializerOnContinuations {
        static final List<String> OUTCOMES = new ArrayList<>();

        static {
            try {
                sleep(0);
                OUTCOMES.add("yielded");
            } catch (IllegalStateException e) {
                OUTCOMES.add(e.getMessage());
            }
            try {
                OUTCOMES.add(sleep(0.5, "slept"));
            } catch (IllegalStateException e) {
                OUTCOMES.add(e.getMessage());
            }
        }
    }

    /** Its class initializer awaits; initialized only by the virtual-thread-engine test. */
    static final class AwaitInInitializerOnVirtualThreads {
        static final String RESULT;

        static {
            sleep(0);
            RESULT = sleep(0.5, "completed");
        }
    }

    @Test
    void continuationEngineAnAwaitInAClassInitializerFailsClearly() {
        assumeTrue(loop.engine() == Engine.CONTINUATION, "continuation engine only");
        List<String> outcomes = runMain(() -> {
            List<String> o = AwaitInInitializerOnContinuations.OUTCOMES;
            sleep(0);
            return sleep(1, o);
        });
        // sleep(0) with nothing else ready does not have to suspend (the task takes its own next step), so it
        // succeeds even in a pinned frame; the sleep that must suspend fails clearly.
        assertEquals(2, outcomes.size(), String.valueOf(outcomes));
        assertEquals("yielded", outcomes.get(0));
        String message = outcomes.get(1);
        assertTrue(message.contains("pinned") && message.contains("class initializer"), message);
        assertEquals(1.0, loop.time(), "the failed sleep left no timer behind");
    }

    @Test
    void virtualThreadEngineAnAwaitInAClassInitializerCompletes() {
        try (EventLoop vt = Asyncio.newEventLoop(
                LoopConfig.defaults().withEngine(Engine.VIRTUAL_THREADS).withClock(new VirtualClock()))) {
            AtomicInteger ticks = new AtomicInteger();
            String result = vt.runUntilComplete(() -> {
                Task<Void> ticker = createTask(() -> {
                    for (int i = 0; i < 5; i++) {
                        ticks.incrementAndGet();
                        sleep(0.1);
                    }
                    return null;
                });
                String r = AwaitInInitializerOnVirtualThreads.RESULT;
                await(ticker);
                return r;
            });
            assertEquals("completed", result);
            assertEquals(5, ticks.get());
            assertEquals(0.5, vt.time(), 1e-9);
        }
    }

    @Test
    void continuationEngineRunsEveryBodyOnTheLoopsOwnThread() {
        assumeTrue(loop.engine() == Engine.CONTINUATION, "continuation engine only");
        Thread me = Thread.currentThread();
        runMain(() -> {
            Task<Thread> other = createTask(Thread::currentThread);
            assertSame(me, Thread.currentThread());
            assertSame(me, await(other));
            return null;
        });
    }

    @Test
    void virtualThreadEngineRunsEachBodyOnItsOwnVirtualThread() {
        assumeTrue(loop.engine() == Engine.VIRTUAL_THREADS, "virtual-thread engine only");
        Thread me = Thread.currentThread();
        runMain(() -> {
            Task<Thread> other = createTask(Thread::currentThread);
            Thread mine = Thread.currentThread();
            Thread theirs = await(other);
            assertTrue(mine.isVirtual() && theirs.isVirtual());
            assertNotSame(mine, theirs);
            assertNotSame(me, mine);
            return null;
        });
    }

    /** Each body's thread keeps its loop and context in a ContextSlot: a suspended body needs no ThreadLocalMap. */
    @Test
    void virtualThreadEngineKeepsABodysLoopAndContextInItsThreadsSlot() {
        assumeTrue(loop.engine() == Engine.VIRTUAL_THREADS, "virtual-thread engine only");
        ContextVar<String> var = new ContextVar<>("var", "unset");
        List<String> seen = runMain(() -> {
            Task<List<String>> child = createTask(() -> {
                ContextSlot slot = (ContextSlot) Thread.currentThread().getUncaughtExceptionHandler();
                var.set("child");
                sleep(0);
                return List.of(slot.currentContext().get(var), String.valueOf(getRunningLoop() == loop));
            });
            var.set("main");
            return await(child);
        });
        assertEquals(List.of("child", "true"), seen);
    }

    @Test
    void aBlockingCallInABodyBlocksTheWholeLoop() {
        runMain(() -> {
            AtomicInteger ticks = new AtomicInteger();
            Task<Void> ticker = createTask(() -> {
                while (true) {
                    ticks.incrementAndGet();
                    sleep(0);
                }
            });
            sleep(0);
            sleep(0);
            int before = ticks.get();
            assertEquals(2, before);
            Thread.sleep(100);
            assertEquals(before, ticks.get(), "no other task ran during Thread.sleep");
            sleep(0);
            assertEquals(before + 1, ticks.get(), "exactly one step of the other task per yield");
            ticker.cancel();
            assertThrows(CancelledError.class, ticker::await);
            return null;
        });
    }

    @Test
    void twoBodiesOrCallbacksNeverRunAtTheSameTime() {
        AtomicInteger running = new AtomicInteger();
        AtomicInteger overlaps = new AtomicInteger();
        AtomicInteger work = new AtomicInteger();
        Runnable exclusive = () -> {
            if (running.incrementAndGet() != 1) {
                overlaps.incrementAndGet();
            }
            for (int s = 0; s < 20; s++) {
                Thread.onSpinWait();
            }
            work.incrementAndGet();
            running.decrementAndGet();
        };
        int tasks = 200;
        int rounds = 40;
        runMain(() -> {
            List<Task<Void>> all = new ArrayList<>();
            for (int i = 0; i < tasks; i++) {
                int id = i;
                all.add(createTask(() -> {
                    for (int k = 0; k < rounds; k++) {
                        exclusive.run();
                        switch ((id + k) % 3) {
                            case 0 -> sleep(0);
                            case 1 -> sleep(0.001 * (k % 4));
                            default -> {
                                Future<Void> f = loop.createFuture();
                                loop.callSoon(() -> {
                                    exclusive.run();
                                    f.setResult(null);
                                });
                                await(f);
                            }
                        }
                    }
                    return null;
                }));
            }
            for (Task<Void> t : all) {
                await(t);
            }
            return null;
        });
        assertEquals(0, overlaps.get());
        int callbacks = 0;
        for (int i = 0; i < tasks; i++) {
            for (int k = 0; k < rounds; k++) {
                callbacks += (i + k) % 3 == 2 ? 1 : 0;
            }
        }
        assertEquals(tasks * rounds + callbacks, work.get());
    }

    @Test
    void twentyThousandTasksAllComplete() {
        int n = 20_000;
        long sum = runMain(() -> {
            List<Task<Integer>> all = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                int k = i;
                all.add(createTask(() -> {
                    sleep(0);
                    return sleep((k % 10) * 0.1, k);
                }));
            }
            long s = 0;
            for (Task<Integer> t : all) {
                s += await(t);
            }
            return s;
        });
        assertEquals((long) n * (n - 1) / 2, sum);
        assertEquals(0.9, loop.time(), 1e-9);
    }
}
