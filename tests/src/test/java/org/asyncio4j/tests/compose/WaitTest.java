package org.asyncio4j.tests.compose;

import static org.asyncio4j.Asyncio.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;
import org.asyncio4j.Asyncio;
import org.asyncio4j.CancelledError;
import org.asyncio4j.DoneAndPending;
import org.asyncio4j.Future;
import org.asyncio4j.Task;
import org.asyncio4j.tests.LoopTest;
import org.junit.jupiter.api.Test;

/** wait: CPython 3.13's asyncio.wait (trace of a CPython 3.13 scenario). */
class WaitTest extends LoopTest {
    private final List<String> trace = new ArrayList<>();

    private static String names(Collection<? extends Task<?>> ts) {
        return ts.stream().map(Task::getName).sorted().collect(Collectors.joining(", ", "[", "]"));
    }

    @Test
    void returnWhenDecidesWhenTheWaitEnds() {
        // CPython 3.13: ["FIRST_COMPLETED at 1: done=['t1'] pending=['t0', 't2', 't3']", "FIRST_EXCEPTION at 2: done=['t1', 't2']",
        //  "timeout at 2.5: pending=['t0', 't3'] cancelled=[False, False]", 'ALL at 4: done=4']
        runMain(() -> {
            double t0 = loop.time();
            double[] delays = {3, 1, 2, 4};
            List<Task<Integer>> ts = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                int n = i;
                ts.add(createTask(() -> {
                    sleep(delays[n]);
                    if (n == 2) {
                        throw new IllegalArgumentException("t2");
                    }
                    return n;
                }, "t" + i));
            }
            DoneAndPending<Task<Integer>> r = Asyncio.wait(ts, FIRST_COMPLETED);
            trace.add("FIRST_COMPLETED at " + (loop.time() - t0) + ": done=" + names(r.done()) + " pending=" + names(r.pending()));
            r = Asyncio.wait(ts, FIRST_EXCEPTION);
            trace.add("FIRST_EXCEPTION at " + (loop.time() - t0) + ": done=" + names(r.done()));
            r = Asyncio.wait(ts, 0.5, ALL_COMPLETED);
            trace.add("timeout at " + (loop.time() - t0) + ": pending=" + names(r.pending()) + " cancelled="
                    + r.pending().stream().map(Future::cancelled).toList());
            r = Asyncio.wait(ts);
            trace.add("ALL at " + (loop.time() - t0) + ": done=" + r.done().size());
            assertTrue(r.pending().isEmpty());
            return null;
        });
        assertEquals(List.of("FIRST_COMPLETED at 1.0: done=[t1] pending=[t0, t2, t3]", "FIRST_EXCEPTION at 2.0: done=[t1, t2]",
                "timeout at 2.5: pending=[t0, t3] cancelled=[false, false]", "ALL at 4.0: done=4"), trace);
    }

    @Test
    void waitingForDoneFuturesStillYieldsOnce() {
        // CPython 3.13: ['marker ran', 'wait on done futures returned']
        runMain(() -> {
            Future<Integer> f = loop.createFuture();
            f.setResult(1);
            createTask(() -> trace.add("marker ran"));
            DoneAndPending<Future<Integer>> r = Asyncio.wait(List.of(f));
            trace.add("wait on done futures returned");
            assertEquals(List.of(f), new ArrayList<>(r.done()));
            return null;
        });
        assertEquals(List.of("marker ran", "wait on done futures returned"), trace);
    }

    @Test
    void firstExceptionIgnoresCancellationsAndWithoutExceptionWaitsForAll() {
        // CPython 3.13: 'FIRST_EXCEPTION w/o exception after 2: done=2'
        runMain(() -> {
            Future<Integer> f1 = loop.createFuture();
            Future<Integer> f2 = loop.createFuture();
            loop.callLater(1, f1::cancel);
            loop.callLater(2, () -> f2.setResult(1));
            double t1 = loop.time();
            DoneAndPending<Future<Integer>> r = Asyncio.wait(List.of(f1, f2), FIRST_EXCEPTION);
            assertEquals(2.0, loop.time() - t1, 1e-9);
            assertEquals(2, r.done().size());
            return null;
        });
    }

    @Test
    void theSetsHoldEachFutureOnceInTheGivenOrder() {
        runMain(() -> {
            Future<Integer> a = loop.createFuture();
            Future<Integer> b = loop.createFuture();
            Future<Integer> c = loop.createFuture();
            a.setResult(1);
            c.setResult(3);
            DoneAndPending<Future<Integer>> r = Asyncio.wait(List.of(c, b, a, c, b), 0.1, ALL_COMPLETED);
            assertEquals(List.of(c, a), new ArrayList<>(r.done()));
            assertEquals(List.of(b), new ArrayList<>(r.pending()));
            b.cancel();
            return null;
        });
    }

    @Test
    void cancellingTheWaitingTaskLeavesTheFuturesAlone() {
        runMain(() -> {
            Task<Object> sleeper = createTask(() -> sleep(10, null));
            Task<Object> waiter = createTask(() -> Asyncio.wait(List.of(sleeper)));
            sleep(1);
            waiter.cancel();
            assertThrows(CancelledError.class, () -> await(waiter));
            assertFalse(sleeper.done());
            sleeper.cancel();
            return null;
        });
    }

    @Test
    void anEmptySetIsAnError() {
        // CPython 3.13: 'empty: Set of Tasks/Futures is empty.'
        runMain(() -> {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Asyncio.wait(List.<Future<?>>of()));
            assertTrue(e.getMessage().contains("empty"), e.getMessage());
            return null;
        });
    }
}
