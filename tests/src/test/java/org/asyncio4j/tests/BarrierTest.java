package org.asyncio4j.tests;

import static org.asyncio4j.Asyncio.await;
import static org.asyncio4j.Asyncio.createTask;
import static org.asyncio4j.Asyncio.newBarrier;
import static org.asyncio4j.Asyncio.sleep;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.asyncio4j.Barrier;
import org.asyncio4j.BrokenBarrierError;
import org.asyncio4j.CancelledError;
import org.asyncio4j.Task;
import org.junit.jupiter.api.Test;

/** asyncio.Barrier: arrival indices, rounds, draining, abort/reset, cancellation (CPython 3.13). */
class BarrierTest extends LoopTest {

    @Test
    void fewerThanOnePartyIsAnIllegalArgumentException() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> newBarrier(0));
        assertTrue(e.getMessage().contains("parties must be > 0"), e.getMessage());
    }

    @Test
    void tasksWaitUntilAllPartiesArrivedThenPassTogether() {
        runMain(() -> {
            Barrier b = newBarrier(3);
            assertEquals(3, b.parties());
            List<Task<Integer>> ts = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                ts.add(createTask(b::await));
            }
            sleep(0);
            assertEquals(2, b.nWaiting());
            assertFalse(ts.get(0).done());
            assertEquals(2, b.await());
            assertEquals(0, await(ts.get(0)));
            assertEquals(1, await(ts.get(1)));
            assertEquals(0, b.nWaiting());
            assertFalse(b.broken());
            assertEquals(0, newBarrier(1).await());
            return null;
        });
    }

    /** CPython trace: sync_traces.py barrier_rounds_and_draining. */
    @Test
    void aRoundStartsOnlyOnceThePreviousOneHasLeft() {
        List<String> trace = new ArrayList<>();
        runMain(() -> {
            Barrier b = newBarrier(3);
            List<Task<?>> ts = new ArrayList<>();
            for (String name : List.of("a", "b", "c", "d", "e", "f")) {
                ts.add(createTask(() -> {
                    int i = b.await();
                    trace.add(name + " passed " + i + " n_waiting=" + b.nWaiting());
                    return null;
                }));
            }
            for (Task<?> t : ts) {
                await(t);
            }
            trace.add("end n_waiting=" + b.nWaiting() + " broken=" + b.broken());
            return null;
        });
        assertEquals(List.of("c passed 2 n_waiting=0", "a passed 0 n_waiting=0", "b passed 1 n_waiting=0",
                "f passed 2 n_waiting=0", "d passed 0 n_waiting=0", "e passed 1 n_waiting=0",
                "end n_waiting=0 broken=false"), trace);
    }

    /** CPython trace: sync_traces.py barrier_cancelled_waiter_leaves (CPython reuses the index of a leaver). */
    @Test
    void aCancelledWaiterLeavesTheBarrier() {
        List<String> trace = new ArrayList<>();
        runMain(() -> {
            Barrier b = newBarrier(3);
            Function<String, Task<?>> waiter = name -> createTask(() -> {
                int i;
                try {
                    i = b.await();
                } catch (CancelledError e) {
                    trace.add(name + " cancelled n_waiting=" + b.nWaiting());
                    throw e;
                }
                trace.add(name + " passed " + i);
                return null;
            });
            Task<?> a = waiter.apply("a");
            Task<?> bb = waiter.apply("b");
            sleep(0);
            trace.add("n_waiting=" + b.nWaiting());
            a.cancel();
            sleep(0);
            sleep(0);
            Task<?> c = waiter.apply("c");
            Task<?> d = waiter.apply("d");
            assertThrows(CancelledError.class, () -> await(a));
            await(bb);
            await(c);
            await(d);
            return null;
        });
        assertEquals(List.of("n_waiting=2", "a cancelled n_waiting=1", "d passed 2", "b passed 1", "c passed 1"),
                trace);
    }

    /** CPython trace: sync_traces.py barrier_abort_and_reset. */
    @Test
    void resetBreaksTheWaitersAndAbortBreaksTheBarrierUntilReset() {
        List<String> trace = new ArrayList<>();
        runMain(() -> {
            Barrier b = newBarrier(3);
            Function<String, Task<?>> waiter = name -> createTask(() -> {
                try {
                    int i = b.await();
                    trace.add(name + " passed " + i);
                } catch (BrokenBarrierError e) {
                    trace.add(name + " broken: " + e.getMessage());
                }
                return null;
            });
            List<Task<?>> ts = List.of(waiter.apply("a"), waiter.apply("b"));
            sleep(0);
            b.reset();
            trace.add("reset broken=" + b.broken() + " n_waiting=" + b.nWaiting());
            for (Task<?> t : ts) {
                await(t);
            }
            ts = List.of(waiter.apply("c"), waiter.apply("d"));
            sleep(0);
            b.abort();
            trace.add("aborted broken=" + b.broken());
            for (Task<?> t : ts) {
                await(t);
            }
            await(waiter.apply("e"));
            b.reset();
            ts = List.of(waiter.apply("f"), waiter.apply("g"), waiter.apply("h"));
            for (Task<?> t : ts) {
                await(t);
            }
            trace.add("end broken=" + b.broken());
            return null;
        });
        assertEquals(List.of("reset broken=false n_waiting=0", "a broken: Abort or reset of barrier",
                "b broken: Abort or reset of barrier", "aborted broken=true", "c broken: Abort or reset of barrier",
                "d broken: Abort or reset of barrier", "e broken: Barrier aborted", "h passed 2", "f passed 0",
                "g passed 1", "end broken=false"), trace);
    }

    @Test
    void toStringShowsStateAndWaiters() {
        runMain(() -> {
            Barrier b = newBarrier(2);
            Task<Integer> t = createTask(b::await);
            sleep(0);
            assertEquals("<Barrier [filling, waiters:1/2]>", b.toString());
            b.abort();
            assertEquals("<Barrier [broken]>", b.toString());
            assertThrows(BrokenBarrierError.class, () -> await(t));
            return null;
        });
    }
}
