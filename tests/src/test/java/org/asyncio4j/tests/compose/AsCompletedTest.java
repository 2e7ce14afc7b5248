package org.asyncio4j.tests.compose;

import static org.asyncio4j.Asyncio.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.asyncio4j.CancelledError;
import org.asyncio4j.Coroutine;
import org.asyncio4j.Future;
import org.asyncio4j.Task;
import org.asyncio4j.TimeoutError;
import org.asyncio4j.tests.LoopTest;
import org.junit.jupiter.api.Test;

/** asCompleted: CPython 3.13's as_completed, used as with {@code async for}. */
class AsCompletedTest extends LoopTest {
    private final List<String> trace = new ArrayList<>();

    private Coroutine<String> job(String n, double delay) {
        return () -> {
            trace.add(n + ": started");
            sleep(delay);
            trace.add(n + ": finished");
            return n;
        };
    }

    private static <T> Iterator<Future<T>> iterate(List<? extends Future<? extends T>> fs, Double timeout) {
        Iterable<Future<T>> it = asCompleted(fs, timeout);
        return it.iterator();
    }

    @Test
    void futuresComeInCompletionOrder() {
        // seed 002 (course notes): a, b, c started; b, a, c finished and printed as they finish
        runMain(() -> {
            for (Future<String> f : asCompleted(job("a", 0.2), job("b", 0.1), job("c", 0.3))) {
                trace.add(f.result());
            }
            return null;
        });
        assertEquals(List.of("a: started", "b: started", "c: started", "b: finished", "b", "a: finished", "a",
                "c: finished", "c"), trace);
    }

    @Test
    void theOriginalTasksAreYielded() {
        // Python 3.13 docs: "async for earliest_connect in as_completed(tasks)" yields the tasks themselves
        runMain(() -> {
            Task<String> ipv4 = createTask(() -> sleep(0.2, "ipv4"));
            Task<String> ipv6 = createTask(() -> sleep(0.1, "ipv6"));
            List<Future<String>> order = new ArrayList<>();
            for (Future<String> earliest : asCompleted(List.of(ipv4, ipv6))) {
                assertTrue(earliest.done());
                order.add(earliest);
            }
            assertSame(ipv6, order.get(0));
            assertSame(ipv4, order.get(1));
            return null;
        });
    }

    @Test
    void afterTheTimeoutTheRemainingIterationsRaiseTimeoutError() {
        runMain(() -> {
            Task<String> slow = createTask(() -> sleep(5, "slow"));
            Task<String> quick = createTask(() -> sleep(0.1, "quick"));
            Iterator<Future<String>> it = AsCompletedTest.<String>iterate(List.of(quick, slow), 1.0);
            assertEquals("quick", it.next().result());
            assertThrows(TimeoutError.class, it::hasNext);
            assertEquals(1.0, loop.time(), 1e-9);
            assertFalse(it.hasNext());
            assertThrows(NoSuchElementException.class, it::next);
            assertFalse(slow.done());
            slow.cancel();
            return null;
        });
    }

    @Test
    void exceptionsAreInTheYieldedFutures() {
        runMain(() -> {
            for (Future<Object> f : asCompleted(() -> {
                throw new IllegalStateException("boom");
            })) {
                assertThrows(IllegalStateException.class, f::result);
            }
            return null;
        });
    }

    @Test
    void nothingIsLostWhenAWaitingNextIsCancelled() {
        runMain(() -> {
            Task<String> a = createTask(() -> sleep(1, "a"));
            Task<String> b = createTask(() -> sleep(2, "b"));
            Iterator<Future<String>> it = AsCompletedTest.<String>iterate(List.of(a, b), null);
            Task<Object> consumer = createTask(it::next);
            sleep(0.5);
            consumer.cancel();
            assertThrows(CancelledError.class, () -> await(consumer));
            assertSame(a, it.next());
            assertSame(b, it.next());
            assertFalse(it.hasNext());
            return null;
        });
    }

    @Test
    void emptyAndDuplicatedInputs() {
        runMain(() -> {
            assertFalse(asCompleted(List.<Future<Object>>of()).iterator().hasNext());
            Task<String> t = createTask(() -> sleep(0.1, "t"));
            int n = 0;
            for (Future<String> f : asCompleted(List.of(t, t))) {
                assertSame(t, f);
                n++;
            }
            assertEquals(1, n);
            return null;
        });
    }
}
