package org.asyncio4j.tests;

import static org.asyncio4j.Asyncio.await;
import static org.asyncio4j.Asyncio.createTask;
import static org.asyncio4j.Asyncio.currentTask;
import static org.asyncio4j.Asyncio.newBarrier;
import static org.asyncio4j.Asyncio.newBoundedSemaphore;
import static org.asyncio4j.Asyncio.newCondition;
import static org.asyncio4j.Asyncio.newEvent;
import static org.asyncio4j.Asyncio.newLifoQueue;
import static org.asyncio4j.Asyncio.newLock;
import static org.asyncio4j.Asyncio.newPriorityQueue;
import static org.asyncio4j.Asyncio.newQueue;
import static org.asyncio4j.Asyncio.newSemaphore;
import static org.asyncio4j.Asyncio.sleep;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.asyncio4j.Barrier;
import org.asyncio4j.BrokenBarrierError;
import org.asyncio4j.CancelledError;
import org.asyncio4j.Condition;
import org.asyncio4j.Event;
import org.asyncio4j.Lock;
import org.asyncio4j.Queue;
import org.asyncio4j.QueueShutDown;
import org.asyncio4j.Semaphore;
import org.asyncio4j.Task;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Cancellation storms, one per primitive (see {@link Storm}): many tasks, random timeouts and random cancellations
 * with fixed seeds on a virtual clock. Afterwards every permit, item and wake-up is accounted for, and between
 * ticks the primitive never sits with something free while a task waits for it.
 */
@SuppressWarnings("try") // try (var held = x.hold()) is async with: held is not referenced
class SyncStormTest extends LoopTest {

    private static String sleepQuietly(double delay) {
        try {
            sleep(delay);
            return null;
        } catch (CancelledError e) {
            return "cancelled";
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void lockStormNeverLosesTheLockNorLeavesItHeld(long seed) {
        Storm storm = new Storm(loop, 4001 * seed);
        Lock lock = newLock();
        Storm.Line acquirers = storm.new Line();
        Task<?>[] owner = {null};
        int[] acquired = {0};
        int[] gaveUp = {0};
        int[] holdersCancelled = {0};
        int workers = 30;
        int ops = 60;
        storm.checkBetweenTicks(() -> !lock.locked() && lock.toString().contains("waiters") ? "free lock with waiters " + lock : null);
        storm.run(() -> {
            List<Task<?>> tasks = Storm.spawn(workers, () -> {
                Task<?> me = currentTask();
                for (int i = 0; i < ops; i++) {
                    if (!storm.maybeTimed(acquirers, 8, lock::acquire)) {
                        gaveUp[0]++;
                        continue;
                    }
                    try {
                        assertNull(owner[0], "two holders at once");
                        owner[0] = me;
                        acquired[0]++;
                        if (sleepQuietly(storm.ticks(2)) != null) {
                            holdersCancelled[0]++;
                        }
                    } finally {
                        assertSame(me, owner[0]);
                        owner[0] = null;
                        lock.release();
                        acquirers.maybeCancelTheWoken(3);
                    }
                    sleepQuietly(storm.ticks(3));
                }
                return null;
            });
            storm.chaos(tasks, 600, 700);
            Storm.awaitAll(tasks);
            return null;
        }, lock::toString);
        assertEquals(workers * ops, acquired[0] + gaveUp[0]);
        assertTrue(acquired[0] > 0 && gaveUp[0] > 0 && holdersCancelled[0] > 0, "the storm must hit every path");
        assertEquals("<Lock [unlocked]>", lock.toString());
    }

    @ParameterizedTest(name = "bounded={0} seed {1}")
    @CsvSource({"false,1", "true,1", "false,2", "true,2", "false,3", "true,3", "false,4", "true,4", "false,5", "true,5"})
    void semaphoreStormNeitherLosesNorCreatesPermits(boolean bounded, long seed) {
        Storm storm = new Storm(loop, (bounded ? 4002 : 4003) * seed);
        int permits = 3;
        Semaphore sem = bounded ? newBoundedSemaphore(permits) : newSemaphore(permits);
        Storm.Line acquirers = storm.new Line();
        int[] inside = {0};
        int[] acquired = {0};
        int[] gaveUp = {0};
        int workers = 30;
        int ops = 60;
        storm.checkBetweenTicks(() -> {
            String s = sem.toString();
            return s.contains("value:") && s.contains("waiters") ? "free permit with waiters " + s : null;
        });
        storm.run(() -> {
            List<Task<?>> tasks = Storm.spawn(workers, () -> {
                for (int i = 0; i < ops; i++) {
                    if (!storm.maybeTimed(acquirers, 6, sem::acquire)) {
                        gaveUp[0]++;
                        continue;
                    }
                    try {
                        inside[0]++;
                        acquired[0]++;
                        assertTrue(inside[0] <= permits, "more holders than permits");
                        sleepQuietly(storm.ticks(3));
                    } finally {
                        inside[0]--;
                        sem.release();
                        acquirers.maybeCancelTheWoken(3);
                    }
                    sleepQuietly(storm.ticks(2));
                }
                return null;
            });
            storm.chaos(tasks, 600, 400);
            Storm.awaitAll(tasks);
            return null;
        }, sem::toString);
        assertEquals(workers * ops, acquired[0] + gaveUp[0]);
        assertTrue(acquired[0] > 0 && gaveUp[0] > 0, "the storm must hit every path");
        assertEquals((bounded ? "<BoundedSemaphore" : "<Semaphore") + " [unlocked, value:" + permits + "]>", sem.toString());
        if (bounded) {
            assertThrows(IllegalStateException.class, sem::release);
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void eventStormWakesEveryWaiterOfEverySet(long seed) {
        Storm storm = new Storm(loop, 4004 * seed);
        Event ev = newEvent();
        Storm.Line waiters = storm.new Line();
        int[] generation = {0};
        Map<Task<?>, Integer> waitingSince = new LinkedHashMap<>();
        int[] woken = {0};
        int[] gaveUp = {0};
        int workers = 40;
        int ops = 40;
        storm.checkBetweenTicks(() -> {
            for (Map.Entry<Task<?>, Integer> e : waitingSince.entrySet()) {
                if (e.getValue() < generation[0]) {
                    return e.getKey().getName() + " still waits after a set: " + ev;
                }
            }
            return null;
        });
        storm.run(() -> {
            List<Task<?>> tasks = Storm.spawn(workers, () -> {
                Task<?> me = currentTask();
                for (int i = 0; i < ops; i++) {
                    waitingSince.put(me, generation[0]);
                    try {
                        if (storm.maybeTimed(waiters, 10, ev::await)) {
                            woken[0]++;
                        } else {
                            gaveUp[0]++;
                        }
                    } finally {
                        waitingSince.remove(me);
                    }
                    sleepQuietly(storm.ticks(2));
                }
                return null;
            });
            storm.chaos(tasks, 300, 120);
            Task<?> setter = createTask(() -> {
                while (true) {
                    sleep(storm.ticks(6));
                    if (!ev.isSet()) {
                        generation[0]++;
                    }
                    ev.set();
                    waiters.maybeCancelTheWoken(2);
                    sleep(storm.ticks(1));
                    ev.clear();
                }
            });
            Storm.awaitAll(tasks);
            setter.cancel();
            return null;
        }, ev::toString);
        assertEquals(workers * ops, woken[0] + gaveUp[0]);
        assertTrue(woken[0] > 0 && gaveUp[0] > 0, "the storm must hit every path");
        assertFalse(ev.toString().contains("waiters"), ev.toString());
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void conditionStormConsumesEveryTokenOnceAndLosesNoSignal(long seed) {
        Storm storm = new Storm(loop, 4005 * seed);
        Condition cond = newCondition();
        Storm.Line producerLine = storm.new Line();
        Storm.Line consumerLine = storm.new Line();
        int[] tokens = {0};
        int[] produced = {0};
        int[] consumed = {0};
        int[] idleWaiters = {0};
        boolean[] done = {false};
        int producers = 4;
        int perProducer = 100;
        int consumers = 6;
        storm.checkBetweenTicks(() -> {
            // While a producer holds the lock across ticks, woken consumers wait to re-acquire it: not idle yet.
            boolean stuck = !cond.locked() && tokens[0] > 0 && idleWaiters[0] > 0;
            return stuck ? tokens[0] + " tokens while " + idleWaiters[0] + " consumers wait" : null;
        });
        storm.run(() -> {
            List<Task<?>> prod = Storm.spawn(producers, () -> {
                int made = 0;
                while (made < perProducer) {
                    if (storm.maybeTimed(producerLine, 3, cond::acquire)) {
                        try {
                            tokens[0]++;
                            produced[0]++;
                            made++;
                            cond.signal();
                            consumerLine.maybeCancelTheWoken(3);
                            if (storm.rnd.nextInt(4) == 0) {
                                sleepQuietly(Storm.TICK);
                            }
                        } finally {
                            cond.release();
                        }
                    }
                    sleepQuietly(storm.ticks(4));
                }
                return null;
            });
            List<Task<?>> cons = Storm.spawn(consumers, () -> {
                while (true) {
                    boolean[] got = {false};
                    boolean[] finished = {false};
                    boolean[] idle = {false};
                    boolean completed = storm.maybeTimed(consumerLine, 12, () -> {
                        try (var held = cond.hold()) {
                            try {
                                cond.waitFor(() -> {
                                    boolean ready = tokens[0] > 0 || done[0];
                                    if (ready == idle[0]) {
                                        idle[0] = !ready;
                                        idleWaiters[0] += ready ? -1 : 1;
                                    }
                                    return ready;
                                });
                            } catch (CancelledError e) {
                                assertTrue(cond.locked(), "a cancelled waiter leaves with the lock held");
                                throw e;
                            } finally {
                                if (idle[0]) {
                                    idle[0] = false;
                                    idleWaiters[0]--;
                                }
                            }
                            if (tokens[0] > 0) {
                                tokens[0]--;
                                consumed[0]++;
                                got[0] = true;
                            } else {
                                finished[0] = true;
                            }
                        }
                    });
                    if (finished[0]) {
                        return null;
                    }
                    sleepQuietly(completed ? (got[0] ? 1 + storm.rnd.nextInt(3) : 0) * Storm.TICK : storm.backoff());
                }
            });
            storm.chaos(prod, 100, 400);
            storm.chaos(cons, 300, 400);
            Storm.awaitAll(prod);
            try (var held = cond.hold()) {
                cond.waitFor(() -> true);
                done[0] = true;
                cond.signalAll();
            }
            Storm.awaitAll(cons);
            return null;
        }, () -> cond + " tokens=" + tokens[0]);
        assertEquals(producers * perProducer, produced[0]);
        assertEquals(produced[0], consumed[0]);
        assertEquals(0, tokens[0]);
        assertEquals("<Condition [unlocked]>", cond.toString());
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void barrierStormNeverStaysDrainingAndPassesACleanRoundAfterwards(long seed) {
        Storm storm = new Storm(loop, 4006 * seed);
        int parties = 4;
        Barrier barrier = newBarrier(parties);
        Storm.Line passers = storm.new Line();
        int[] returns = new int[parties];
        int[] cancelled = {0};
        int[] broken = {0};
        boolean[] aborted = {false};
        int workers = 14;
        double end = 400 * Storm.TICK;
        storm.checkBetweenTicks(() -> {
            String s = barrier.toString();
            return s.contains("draining") || s.contains("resetting") ? "barrier busy between ticks: " + s : null;
        });
        storm.run(() -> {
            List<Task<?>> tasks = Storm.spawn(workers, () -> {
                while (loop.time() < end) {
                    try {
                        if (!storm.maybeTimed(passers, 20, () -> {
                            int index = barrier.await();
                            assertTrue(index >= 0 && index < parties, "index " + index);
                            returns[index]++;
                            if (index == parties - 1) {
                                passers.maybeCancelTheWoken(2);
                            }
                        })) {
                            cancelled[0]++;
                        }
                    } catch (BrokenBarrierError e) {
                        assertTrue(aborted[0], "broken before the abort: " + e);
                        broken[0]++;
                        return null;
                    }
                    sleepQuietly(storm.ticks(3));
                }
                return null;
            });
            storm.chaos(tasks, 150, 400);
            sleep(end + 40 * Storm.TICK);
            aborted[0] = true;
            barrier.abort();
            Storm.awaitAll(tasks);
            return null;
        }, barrier::toString);
        int rounds = returns[parties - 1];
        assertTrue(rounds > 10 && cancelled[0] > 0, "the storm must hit every path");
        for (int i = 0; i < parties - 1; i++) {
            assertTrue(returns[i] <= rounds + cancelled[0], "index " + i + " returned " + returns[i] + " times");
        }
        assertTrue(barrier.broken());
        List<Integer> indices = runMain(() -> {
            barrier.reset();
            List<Task<Integer>> ts = new ArrayList<>();
            for (int i = 0; i < parties; i++) {
                ts.add(createTask(barrier::await));
            }
            List<Integer> out = new ArrayList<>();
            for (Task<Integer> t : ts) {
                out.add(await(t));
            }
            return out;
        });
        assertEquals(List.of(0, 1, 2, 3), indices);
        assertEquals("<Barrier [filling, waiters:0/4]>", barrier.toString());
    }

    /** The queue storm alternates every 16 ticks between slow producers (getters wait) and slow consumers. */
    private static boolean producersSlow(double time) {
        return (int) (time / Storm.TICK) / 16 % 2 == 0;
    }

    @ParameterizedTest(name = "{0} seed {1}")
    @CsvSource({"fifo,1", "priority,1", "lifo,1", "fifo,2", "priority,2", "lifo,2", "fifo,3", "priority,3", "lifo,3",
        "fifo,4", "priority,4", "lifo,4", "fifo,5", "priority,5", "lifo,5"})
    void queueStormDeliversEveryItemExactlyOnce(String kind, long seed) {
        Storm storm = new Storm(loop, (4007 + kind.length()) * seed);
        int maxsize = 3;
        Queue<Integer> q = switch (kind) {
            case "fifo" -> newQueue(maxsize);
            case "priority" -> newPriorityQueue(maxsize);
            default -> newLifoQueue(maxsize);
        };
        Storm.Line getters = storm.new Line();
        Storm.Line putters = storm.new Line();
        int producers = 10;
        int perProducer = 50;
        int consumers = 12;
        boolean[] seen = new boolean[producers * perProducer];
        int[] received = {0};
        int[] putRetries = {0};
        int[] getCancels = {0};
        storm.checkBetweenTicks(() -> {
            String s = q.toString();
            if (q.qsize() > 0 && s.contains("getters[")) {
                return "items while getters wait: " + s;
            }
            return !q.full() && s.contains("putters[") ? "room while putters wait: " + s : null;
        });
        storm.run(() -> {
            List<Task<?>> prod = new ArrayList<>();
            for (int p = 0; p < producers; p++) {
                int first = p * perProducer;
                prod.add(createTask(() -> {
                    for (int item = first; item < first + perProducer; item++) {
                        int v = item;
                        while (!storm.maybeTimed(putters, 4, () -> q.put(v))) {
                            putRetries[0]++;
                            sleepQuietly(storm.backoff());
                        }
                        getters.maybeCancelTheWoken(3);
                        sleepQuietly(storm.ticks(producersSlow(loop.time()) ? 6 : 0));
                    }
                    return null;
                }));
            }
            List<Task<?>> cons = Storm.spawn(consumers, () -> {
                try {
                    while (true) {
                        int[] item = {-1};
                        if (!storm.maybeTimed(getters, 6, () -> item[0] = q.get())) {
                            getCancels[0]++;
                            sleepQuietly(storm.backoff());
                            continue;
                        }
                        putters.maybeCancelTheWoken(3);
                        try {
                            assertFalse(seen[item[0]], "item " + item[0] + " delivered twice");
                            seen[item[0]] = true;
                            received[0]++;
                            sleepQuietly(storm.ticks(producersSlow(loop.time()) ? 0 : 6));
                        } finally {
                            q.taskDone();
                        }
                    }
                } catch (QueueShutDown e) {
                    return null;
                }
            });
            storm.chaos(prod, 200, 120);
            storm.chaos(cons, 200, 120);
            Storm.awaitAll(prod);
            q.join();
            assertTrue(q.empty());
            q.shutdown();
            Storm.awaitAll(cons);
            return null;
        }, q::toString);
        assertEquals(seen.length, received[0]);
        for (int i = 0; i < seen.length; i++) {
            assertTrue(seen[i], "item " + i + " lost");
        }
        assertTrue(putRetries[0] > 0 && getCancels[0] > 0, "the storm must hit every path");
        assertTrue(q.toString().endsWith("maxsize=3 shutdown>"), q.toString());
    }
}
