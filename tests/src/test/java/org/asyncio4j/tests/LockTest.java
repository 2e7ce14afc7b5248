package org.asyncio4j.tests;

import static org.asyncio4j.Asyncio.asyncWith;
import static org.asyncio4j.Asyncio.await;
import static org.asyncio4j.Asyncio.createTask;
import static org.asyncio4j.Asyncio.newLock;
import static org.asyncio4j.Asyncio.sleep;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.asyncio4j.CancelledError;
import org.asyncio4j.Lock;
import org.asyncio4j.Task;
import org.junit.jupiter.api.Test;

/** asyncio.Lock: fast path, FIFO fairness, release errors, try-with-resources, cancellation (CPython 3.13). */
@SuppressWarnings("try") // try (var held = x.hold()) is async with: held is not referenced
class LockTest extends LoopTest {
    /** The lock under test (a fresh one per test; it binds to the test's loop when a task first waits for it). */
    private final Lock lock = newLock();

    @Test
    void acquiringAFreeLockTakesItWithoutGivingUpControl() {
        runMain(() -> {
            Task<?> other = createTask(() -> {
                expect(3);
                return null;
            });
            expect(1);
            assertFalse(lock.locked());
            lock.acquire();
            expect(2);
            assertTrue(lock.locked());
            lock.release();
            assertFalse(lock.locked());
            await(other);
            finish(4);
            return null;
        });
    }

    @Test
    void waitersAcquireInTheOrderTheyAskedNotTheOrderTheyWereCreated() {
        List<String> order = new ArrayList<>();
        runMain(() -> {
            lock.acquire();
            List<Task<?>> tasks = new ArrayList<>();
            String[] names = {"a", "b", "c", "d"};
            double[] arrival = {0.3, 0.1, 0.4, 0.2};
            for (int i = 0; i < names.length; i++) {
                String name = names[i];
                double at = arrival[i];
                tasks.add(createTask(() -> {
                    sleep(at);
                    try (var held = lock.hold()) {
                        order.add(name);
                        sleep(0);
                    }
                    return null;
                }));
            }
            sleep(1);
            lock.release();
            for (Task<?> t : tasks) {
                await(t);
            }
            assertFalse(lock.locked());
            return null;
        });
        assertEquals(List.of("b", "d", "a", "c"), order);
    }

    @Test
    void releasingAnUnlockedLockIsAnIllegalStateException() {
        IllegalStateException e = assertThrows(IllegalStateException.class, lock::release);
        assertTrue(e.getMessage().contains("Lock is not acquired"), e.getMessage());
    }

    @Test
    void holdReleasesOnExceptionAndClosingTwiceReleasesOnce() {
        runMain(() -> {
            RuntimeException boom = new RuntimeException("boom");
            RuntimeException thrown = assertThrows(RuntimeException.class, () -> {
                try (var held = lock.hold()) {
                    assertTrue(lock.locked());
                    sleep(0);
                    throw boom;
                }
            });
            assertEquals(boom, thrown);
            assertFalse(lock.locked());
            var held = lock.hold();
            held.close();
            lock.acquire();
            held.close();
            assertTrue(lock.locked(), "a second close must not release the lock again");
            lock.release();
            return null;
        });
    }

    @Test
    void asyncWithAcquiresAroundTheBlockAndReleasesOnAnException() {
        runMain(() -> {
            assertEquals("in", asyncWith(lock, none -> {
                assertNull(none);
                assertTrue(lock.locked());
                sleep(0);
                return "in";
            }));
            assertFalse(lock.locked());
            IllegalArgumentException boom = new IllegalArgumentException("boom");
            assertEquals(boom, assertThrows(IllegalArgumentException.class, () -> asyncWith(lock, none -> {
                throw boom;
            })));
            assertFalse(lock.locked());
            return null;
        });
    }

    @Test
    void aWaiterCancelledWhileQueuedDoesNotGetTheLockAndTheNextOneDoes() {
        List<String> trace = new ArrayList<>();
        runMain(() -> {
            lock.acquire();
            Task<?> t1 = createTask(() -> {
                lock.acquire();
                trace.add("t1 acquired");
                return null;
            });
            Task<?> t2 = createTask(() -> {
                lock.acquire();
                trace.add("t2 acquired");
                lock.release();
                return null;
            });
            sleep(0);
            t1.cancel();
            sleep(0);
            trace.add("t1 cancelled=" + t1.cancelled() + " locked=" + lock.locked());
            lock.release();
            await(t2);
            trace.add("end locked=" + lock.locked());
            return null;
        });
        assertEquals(List.of("t1 cancelled=true locked=true", "t2 acquired", "end locked=false"), trace);
    }

    /** CPython trace: sync_traces.py lock_cancel_after_handoff. */
    @Test
    void aWaiterCancelledAfterTheLockWasPassedToItWakesTheNextAndNewcomersQueue() {
        List<String> trace = new ArrayList<>();
        runMain(() -> {
            lock.acquire();
            java.util.function.Function<String, Task<?>> waiter = name -> createTask(() -> {
                try {
                    lock.acquire();
                } catch (CancelledError e) {
                    trace.add(name + " cancelled locked=" + lock.locked());
                    throw e;
                }
                trace.add(name + " acquired");
                sleep(0);
                lock.release();
                return null;
            });
            Task<?> t1 = waiter.apply("t1");
            Task<?> t2 = waiter.apply("t2");
            sleep(0);
            lock.release();
            t1.cancel();
            Task<?> t3 = waiter.apply("t3");
            sleep(0);
            trace.add("main locked=" + lock.locked());
            assertThrows(CancelledError.class, () -> await(t1));
            await(t2);
            await(t3);
            trace.add("end locked=" + lock.locked());
            return null;
        });
        assertEquals(List.of("t1 cancelled locked=false", "main locked=false", "t2 acquired", "t3 acquired",
                "end locked=false"), trace);
    }

    /** CPython trace: sync_traces.py lock_jumps_queue_of_cancelled. */
    @Test
    void aFreeLockWhoseWaitersAreAllCancelledIsTakenAtOnce() {
        List<String> trace = new ArrayList<>();
        runMain(() -> {
            lock.acquire();
            Task<?> t1 = createTask(() -> {
                lock.acquire();
                return null;
            });
            sleep(0);
            t1.cancel();
            lock.release();
            trace.add("released locked=" + lock.locked());
            lock.acquire();
            trace.add("main acquired at once locked=" + lock.locked());
            assertThrows(CancelledError.class, () -> await(t1));
            trace.add("t1 cancelled=" + t1.cancelled() + " locked=" + lock.locked());
            lock.release();
            return null;
        });
        assertEquals(List.of("released locked=false", "main acquired at once locked=true",
                "t1 cancelled=true locked=true"), trace);
    }

    @Test
    void aHolderCancelledInsideTheLockReleasesItOnTheWayOut() {
        runMain(() -> {
            Task<?> holder = createTask(() -> {
                try (var held = lock.hold()) {
                    expect(2);
                    sleep(10);
                }
                return null;
            });
            Task<String> next = createTask(() -> {
                expect(3);
                lock.acquire();
                expect(5);
                lock.release();
                return "next";
            });
            expect(1);
            sleep(0);
            sleep(0);
            expect(4);
            holder.cancel();
            assertEquals("next", await(next));
            assertTrue(holder.cancelled());
            assertFalse(lock.locked());
            finish(6);
            return null;
        });
    }

    @Test
    void toStringShowsStateAndWaiters() {
        runMain(() -> {
            assertEquals("<Lock [unlocked]>", lock.toString());
            lock.acquire();
            Task<?> t = createTask(() -> {
                lock.acquire();
                lock.release();
                return null;
            });
            sleep(0);
            assertEquals("<Lock [locked, waiters:1]>", lock.toString());
            lock.release();
            await(t);
            return null;
        });
    }
}
