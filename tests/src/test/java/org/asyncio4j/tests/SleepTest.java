package org.asyncio4j.tests;

import static org.asyncio4j.Asyncio.await;
import static org.asyncio4j.Asyncio.createTask;
import static org.asyncio4j.Asyncio.sleep;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.asyncio4j.CancelledError;
import org.asyncio4j.Task;
import org.junit.jupiter.api.Test;

/** sleep: yielding with sleep(0), waiting on the loop's clock, results and bad input. */
class SleepTest extends LoopTest {
    private final Trace trace = new Trace();

    private Void worker(String name, int n) {
        for (int i = 0; i < n; i++) {
            trace.add(name + i);
            sleep(0);
        }
        return null;
    }

    /** Matches the CPython 3.13 trace of sleep.py: sleep0_interleaves_two_tasks. */
    @Test
    void sleepZeroYieldsExactlyOnce() {
        runMain(() -> {
            Task<Void> a = createTask(() -> worker("a", 3));
            Task<Void> b = createTask(() -> worker("b", 2));
            loop.callSoon(() -> trace.add("cb"));
            await(a);
            return await(b);
        });
        assertEquals("a0 | b0 | cb | a1 | b1 | a2", trace.toString());
    }

    /** Matches the CPython 3.13 trace of sleep.py: sleep0_goes_behind_ready_callbacks. */
    @Test
    void sleepZeroOrNegativeResumesBehindTheCallbacksReadyBeforeIt() {
        runMain(() -> {
            loop.callSoon(() -> {
                trace.add("cb1");
                loop.callSoon(() -> trace.add("cb2"));
            });
            sleep(0);
            trace.add("main1");
            sleep(-5);
            trace.add("main2");
            return null;
        });
        assertEquals("cb1 | main1 | cb2 | main2", trace.toString());
        assertEquals(0.0, loop.time());
    }

    @Test
    void sleepZeroNeverAdvancesTheVirtualClock() {
        runMain(() -> {
            loop.callLater(5, () -> trace.add("timer"));
            for (int i = 0; i < 100; i++) {
                sleep(0);
            }
            return null;
        });
        assertEquals("", trace.toString());
        assertEquals(0.0, loop.time());
    }

    @Test
    void sleepWaitsExactlyItsDelayOnTheLoopClock() {
        runMain(() -> {
            sleep(1.5);
            assertEquals(1.5, loop.time());
            sleep(0.25);
            assertEquals(1.75, loop.time());
            sleep(3600);
            assertEquals(3601.75, loop.time());
            return null;
        });
    }

    @Test
    void concurrentSleepsWakeInDeadlineOrder() {
        runMain(() -> {
            Task<?> slow = createTask(() -> {
                sleep(3);
                trace.add("slow@" + loop.time());
                return null;
            });
            Task<?> fast = createTask(() -> {
                sleep(1);
                trace.add("fast@" + loop.time());
                return null;
            });
            Task<?> tie = createTask(() -> {
                sleep(1);
                trace.add("tie@" + loop.time());
                return null;
            });
            await(slow);
            await(fast);
            return await(tie);
        });
        assertEquals("fast@1.0 | tie@1.0 | slow@3.0", trace.toString());
    }

    @Test
    void sleepReturnsTheGivenResult() {
        assertEquals("r", runMain(() -> sleep(2, "r")));
        assertEquals("zero", runMain(() -> sleep(0, "zero")));
        assertEquals("negative", runMain(() -> sleep(-1, "negative")));
        assertEquals(2.0, loop.time());
    }

    @Test
    void sleepRejectsNaN() {
        IllegalArgumentException e = runMain(() -> assertThrows(IllegalArgumentException.class, () -> sleep(Double.NaN)));
        assertTrue(e.getMessage().contains("NaN"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> runMain(() -> sleep(Double.NaN, "x")));
    }

    @Test
    void anInfiniteSleepLastsUntilCancelled() {
        runMain(() -> {
            Task<Void> forever = createTask(() -> sleep(Double.POSITIVE_INFINITY, null));
            sleep(10);
            forever.cancel();
            assertThrows(CancelledError.class, forever::await);
            return null;
        });
        assertEquals(10.0, loop.time());
    }

    @Test
    void aCancelledSleepThrowsCancelledErrorWithTheMessage() {
        Task<Void> t = loop.createTask(() -> sleep(5, null));
        loop.callLater(2, () -> t.cancel("wake up"));
        assertEquals("wake up", assertThrows(CancelledError.class, () -> loop.runUntilComplete(t)).getMessage());
        assertEquals(2.0, loop.time());
    }
}
