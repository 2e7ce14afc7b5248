package org.asyncio4j.tests;

import static org.asyncio4j.Asyncio.await;
import static org.asyncio4j.Asyncio.createTask;
import static org.asyncio4j.Asyncio.newCondition;
import static org.asyncio4j.Asyncio.newLock;
import static org.asyncio4j.Asyncio.sleep;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.asyncio4j.CancelledError;
import org.asyncio4j.Condition;
import org.asyncio4j.Lock;
import org.asyncio4j.Task;
import org.junit.jupiter.api.Test;

/** asyncio.Condition: lock required, signal(n)/signalAll order, waitFor, cancellation (CPython 3.13). */
@SuppressWarnings("try") // try (var held = x.hold()) is async with: held is not referenced
class ConditionTest extends LoopTest {

    @Test
    void awaitingOrSignallingWithoutTheLockIsAnIllegalStateException() {
        runMain(() -> {
            Condition cond = newCondition();
            IllegalStateException e = assertThrows(IllegalStateException.class, cond::await);
            assertTrue(e.getMessage().contains("un-acquired lock"), e.getMessage());
            e = assertThrows(IllegalStateException.class, cond::signal);
            assertTrue(e.getMessage().contains("un-acquired lock"), e.getMessage());
            assertThrows(IllegalStateException.class, cond::signalAll);
            assertThrows(IllegalStateException.class, () -> cond.waitFor(() -> false));
            cond.acquire();
            IllegalArgumentException neg = assertThrows(IllegalArgumentException.class, () -> cond.signal(-1));
            assertTrue(neg.getMessage().contains("n must be >= 0"), neg.getMessage());
            cond.release();
            return null;
        });
    }

    @Test
    void signalWakesWaitersInOrderEachReacquiringTheLock() {
        List<String> trace = new ArrayList<>();
        runMain(() -> {
            Condition cond = newCondition();
            List<Task<?>> ts = new ArrayList<>();
            for (String name : List.of("a", "b", "c", "d")) {
                ts.add(createTask(() -> {
                    try (var held = cond.hold()) {
                        cond.await();
                        assertTrue(cond.locked());
                        trace.add(name);
                        sleep(0);
                    }
                    return null;
                }));
            }
            sleep(0);
            try (var held = cond.hold()) {
                cond.signal(2);
                trace.add("signalled 2");
            }
            sleep(1);
            trace.add("after 2");
            try (var held = cond.hold()) {
                cond.signal();
            }
            sleep(1);
            trace.add("after 1");
            try (var held = cond.hold()) {
                cond.signalAll();
            }
            for (Task<?> t : ts) {
                await(t);
            }
            assertFalse(cond.locked());
            return null;
        });
        assertEquals(List.of("signalled 2", "a", "b", "after 2", "c", "after 1", "d"), trace);
    }

    @Test
    void waitForReturnsAtOnceWhenThePredicateHoldsAndOtherwiseRechecksAfterEachSignal() {
        runMain(() -> {
            Condition cond = newCondition();
            int[] value = {0};
            int[] checks = {0};
            cond.acquire();
            cond.waitFor(() -> true);
            cond.release();
            Task<?> waiter = createTask(() -> {
                try (var held = cond.hold()) {
                    cond.waitFor(() -> {
                        checks[0]++;
                        return value[0] == 3;
                    });
                    assertEquals(3, value[0]);
                }
                return null;
            });
            for (int i = 1; i <= 3; i++) {
                sleep(0.1);
                try (var held = cond.hold()) {
                    value[0] = i;
                    cond.signalAll();
                }
            }
            await(waiter);
            assertEquals(4, checks[0]);
            return null;
        });
    }

    @Test
    void conditionsMayShareOneLock() {
        runMain(() -> {
            Lock lock = newLock();
            Condition notEmpty = newCondition(lock);
            Condition notFull = newCondition(lock);
            lock.acquire();
            assertTrue(notEmpty.locked());
            assertTrue(notFull.locked());
            Task<?> t = createTask(() -> {
                try (var held = notFull.hold()) {
                    expect(2);
                    notFull.signal();
                    notEmpty.signal();
                }
                return null;
            });
            expect(1);
            notEmpty.await();
            expect(3);
            assertTrue(lock.locked());
            lock.release();
            await(t);
            finish(4);
            return null;
        });
        assertThrows(IllegalArgumentException.class, () -> newCondition(new Lock() {
            @Override
            public void acquire() {
            }

            @Override
            public void release() {
            }

            @Override
            public boolean locked() {
                return false;
            }
        }));
    }

    /** CPython trace: sync_traces.py condition_notified_then_cancelled. */
    @Test
    void aWaiterCancelledAfterBeingSignalledPassesTheSignalOn() {
        List<String> trace = new ArrayList<>();
        runMain(() -> {
            Condition cond = newCondition();
            Function<String, Task<?>> waiter = name -> createTask(() -> {
                try (var held = cond.hold()) {
                    try {
                        cond.await();
                    } catch (CancelledError e) {
                        trace.add(name + " cancelled locked=" + cond.locked());
                        throw e;
                    }
                    trace.add(name + " notified");
                }
                return null;
            });
            Task<?> w1 = waiter.apply("w1");
            Task<?> w2 = waiter.apply("w2");
            Task<?> w3 = waiter.apply("w3");
            sleep(0);
            try (var held = cond.hold()) {
                cond.signal(1);
                w1.cancel();
                trace.add("notified 1 and cancelled w1");
            }
            assertThrows(CancelledError.class, () -> await(w1));
            await(w2);
            trace.add("w3 done=" + w3.done());
            try (var held = cond.hold()) {
                cond.signalAll();
            }
            await(w3);
            trace.add("end locked=" + cond.locked());
            return null;
        });
        assertEquals(List.of("notified 1 and cancelled w1", "w1 cancelled locked=true", "w2 notified",
                "w3 done=false", "w3 notified", "end locked=false"), trace);
    }

    /** CPython trace: sync_traces.py condition_cancel_during_reacquire. */
    @Test
    void aCancelledWaiterReacquiresTheLockBeforeTheCancellationLeavesAwait() {
        List<String> trace = new ArrayList<>();
        runMain(() -> {
            Condition cond = newCondition();
            Task<?> w = createTask(() -> {
                try (var held = cond.hold()) {
                    try {
                        cond.await();
                    } catch (CancelledError e) {
                        trace.add("w cancelled locked=" + cond.locked());
                        throw e;
                    }
                }
                return null;
            });
            sleep(0);
            cond.acquire();
            w.cancel();
            sleep(0);
            trace.add("w is re-acquiring");
            w.cancel();
            sleep(0);
            trace.add("w done=" + w.done());
            cond.release();
            assertThrows(CancelledError.class, () -> await(w));
            trace.add("end cancelled=" + w.cancelled() + " locked=" + cond.locked());
            return null;
        });
        assertEquals(List.of("w is re-acquiring", "w done=false", "w cancelled locked=true",
                "end cancelled=true locked=false"), trace);
    }

    @Test
    void toStringShowsStateAndWaiters() {
        runMain(() -> {
            Condition cond = newCondition();
            assertEquals("<Condition [unlocked]>", cond.toString());
            Task<?> t = createTask(() -> {
                try (var held = cond.hold()) {
                    cond.await();
                }
                return null;
            });
            sleep(0);
            cond.acquire();
            assertEquals("<Condition [locked, waiters:1]>", cond.toString());
            cond.signal();
            cond.release();
            await(t);
            return null;
        });
    }
}
