package org.asyncio4j.tests;

import static org.asyncio4j.Asyncio.await;
import static org.asyncio4j.Asyncio.createTask;
import static org.asyncio4j.Asyncio.newBoundedSemaphore;
import static org.asyncio4j.Asyncio.newSemaphore;
import static org.asyncio4j.Asyncio.sleep;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.asyncio4j.BoundedSemaphore;
import org.asyncio4j.CancelledError;
import org.asyncio4j.Semaphore;
import org.asyncio4j.Task;
import org.junit.jupiter.api.Test;

/** asyncio.Semaphore and BoundedSemaphore: counting, FIFO, errors, cancellation (CPython 3.13). */
@SuppressWarnings("try") // try (var held = x.hold()) is async with: held is not referenced
class SemaphoreTest extends LoopTest {

    @Test
    void aNegativeInitialValueIsAnIllegalArgumentException() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> newSemaphore(-1));
        assertTrue(e.getMessage().contains("initial value must be >= 0"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> newBoundedSemaphore(-1));
    }

    @Test
    void permitsAreTakenWithoutWaitingUntilNoneIsLeft() {
        runMain(() -> {
            Semaphore sem = newSemaphore(2);
            sem.acquire();
            assertFalse(sem.locked());
            sem.acquire();
            assertTrue(sem.locked());
            assertEquals("<Semaphore [locked]>", sem.toString());
            Task<?> t = createTask(() -> {
                expect(2);
                sem.acquire();
                expect(4);
                return null;
            });
            expect(1);
            sleep(0);
            expect(3);
            assertEquals("<Semaphore [locked, waiters:1]>", sem.toString());
            sem.release();
            await(t);
            sem.release();
            sem.release();
            sem.release();
            assertEquals("<Semaphore [unlocked, value:3]>", sem.toString());
            finish(5);
            return null;
        });
    }

    /** CPython trace: sync_traces.py semaphore_fifo_no_barging. */
    @Test
    void waitersEnterInFifoOrder() {
        List<String> trace = new ArrayList<>();
        runMain(() -> {
            Semaphore sem = newSemaphore(2);
            List<Task<?>> ts = new ArrayList<>();
            for (String name : List.of("a", "b", "c", "d", "e")) {
                ts.add(createTask(() -> {
                    try (var held = sem.hold()) {
                        trace.add(name + " in");
                        sleep(0);
                        sleep(0);
                    }
                    trace.add(name + " out");
                    return null;
                }));
            }
            for (Task<?> t : ts) {
                await(t);
            }
            return null;
        });
        assertEquals(List.of("a in", "b in", "a out", "b out", "c in", "d in", "c out", "d out", "e in", "e out"),
                trace);
    }

    @Test
    void aNewcomerQueuesBehindAWokenWaiterEvenWhenAPermitIsFree() {
        runMain(() -> {
            Semaphore sem = newSemaphore(0);
            Task<?> first = createTask(() -> {
                sem.acquire();
                expect(3);
                return null;
            });
            sleep(0);
            sem.release();
            sem.release();
            expect(1);
            assertTrue(sem.locked(), "a permit is free, but a woken waiter is queued ahead");
            assertEquals("<Semaphore [locked, waiters:1]>", sem.toString());
            expect(2);
            sem.acquire();
            expect(4);
            await(first);
            assertTrue(sem.locked());
            finish(5);
            return null;
        });
    }

    /** CPython trace: sync_traces.py semaphore_cancel_after_wake. */
    @Test
    void aWaiterCancelledAfterAPermitWasHandedToItGivesItToTheNext() {
        List<String> trace = new ArrayList<>();
        runMain(() -> {
            Semaphore sem = newSemaphore(0);
            Function<String, Task<?>> waiter = name -> createTask(() -> {
                try {
                    sem.acquire();
                } catch (CancelledError e) {
                    trace.add(name + " cancelled");
                    throw e;
                }
                trace.add(name + " acquired");
                return null;
            });
            Task<?> t1 = waiter.apply("t1");
            Task<?> t2 = waiter.apply("t2");
            sleep(0);
            sem.release();
            t1.cancel();
            Task<?> t3 = waiter.apply("t3");
            trace.add("released locked=" + sem.locked());
            sleep(0);
            sleep(0);
            trace.add("t3 done=" + t3.done() + " locked=" + sem.locked());
            sem.release();
            assertThrows(CancelledError.class, () -> await(t1));
            await(t2);
            await(t3);
            trace.add("end locked=" + sem.locked());
            return null;
        });
        assertEquals(List.of("released locked=true", "t1 cancelled", "t2 acquired", "t3 done=false locked=true",
                "t3 acquired", "end locked=true"), trace);
    }

    @Test
    void aPlainSemaphoreMayBeReleasedAboveItsInitialValue() {
        runMain(() -> {
            Semaphore sem = newSemaphore(1);
            sem.release();
            sem.acquire();
            sem.acquire();
            assertTrue(sem.locked());
            return null;
        });
    }

    @Test
    void releasingABoundedSemaphoreTooOftenIsAnIllegalStateException() {
        runMain(() -> {
            BoundedSemaphore sem = newBoundedSemaphore(2);
            IllegalStateException e = assertThrows(IllegalStateException.class, sem::release);
            assertTrue(e.getMessage().contains("released too many times"), e.getMessage());
            sem.acquire();
            sem.acquire();
            sem.release();
            sem.release();
            assertThrows(IllegalStateException.class, sem::release);
            assertEquals("<BoundedSemaphore [unlocked, value:2]>", sem.toString());
            return null;
        });
    }
}
