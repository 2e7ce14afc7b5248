package org.asyncio4j.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.asyncio4j.Asyncio;
import org.asyncio4j.EventLoop;
import org.asyncio4j.Future;
import org.asyncio4j.Handle;
import org.asyncio4j.LoopConfig;
import org.asyncio4j.TimerHandle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** The event loop itself: callbacks, timers, batches, errors, stop/run/close, debug mode. */
class EventLoopTest extends LoopTest {
    private final Trace trace = new Trace();

    private void runOnce() {
        loop.callSoon(loop::stop);
        loop.runForever();
    }

    // ---- callbacks and timers ---------------------------------------------------------------------

    @Test
    void callSoonRunsCallbacksFirstInFirstOut() {
        for (int i = 0; i < 5; i++) {
            int n = i;
            loop.callSoon(() -> trace.add("c" + n));
        }
        runOnce();
        assertEquals("c0 | c1 | c2 | c3 | c4", trace.toString());
    }

    @Test
    void timersRunByDeadlineAndTiesInSchedulingOrder() {
        loop.callLater(2, () -> trace.add("2a@" + loop.time()));
        loop.callAt(1, () -> trace.add("1a@" + loop.time()));
        loop.callLater(1, () -> trace.add("1b@" + loop.time()));
        loop.callLater(2, () -> trace.add("2b@" + loop.time()));
        loop.callLater(0.5, () -> trace.add("half@" + loop.time()));
        loop.callAt(1, () -> trace.add("1c@" + loop.time()));
        loop.callLater(3, loop::stop);
        loop.runForever();
        assertEquals("half@0.5 | 1a@1.0 | 1b@1.0 | 1c@1.0 | 2a@2.0 | 2b@2.0", trace.toString());
        assertEquals(3.0, loop.time());
    }

    @Test
    void aTimerInThePastOrWithANegativeDelayRunsOnTheNextIterationAfterReadyCallbacks() {
        clock.advance(5);
        loop.callAt(1, () -> trace.add("past@" + loop.time()));
        loop.callLater(-3, () -> trace.add("negative@" + loop.time()));
        loop.callSoon(() -> trace.add("soon"));
        runOnce();
        assertEquals("soon | past@5.0 | negative@5.0", trace.toString());
    }

    @Test
    void callLaterAndCallAtRejectNaN() {
        IllegalArgumentException later = assertThrows(IllegalArgumentException.class,
                () -> loop.callLater(Double.NaN, () -> { }));
        assertTrue(later.getMessage().contains("NaN"), later.getMessage());
        IllegalArgumentException at = assertThrows(IllegalArgumentException.class,
                () -> loop.callAt(Double.NaN, () -> { }));
        assertTrue(at.getMessage().contains("NaN"), at.getMessage());
    }

    @Test
    void timerHandleWhenIsTheLoopTimeOfItsDeadline() {
        assertEquals(2.5, loop.callLater(2.5, () -> { }).when());
        assertEquals(7.0, loop.callAt(7, () -> { }).when());
        clock.advance(1);
        assertEquals(2.0, loop.callLater(1, () -> { }).when());
        assertEquals(1.0, loop.callLater(-1, () -> { }).when());
    }

    @Test
    void aCancelledHandleDoesNotRun() {
        Handle h = loop.callSoon(() -> trace.add("cancelled one"));
        loop.callSoon(() -> trace.add("other"));
        assertFalse(h.cancelled());
        h.cancel();
        assertTrue(h.cancelled());
        h.cancel();
        assertTrue(h.cancelled());
        runOnce();
        assertEquals("other", trace.toString());
    }

    @Test
    void aCancelledTimerDoesNotRunAndTheClockDoesNotWaitForIt() {
        TimerHandle far = loop.callLater(100, () -> trace.add("far"));
        loop.callLater(1, () -> {
            trace.add("near@" + loop.time());
            loop.stop();
        });
        far.cancel();
        assertTrue(far.cancelled());
        assertEquals(100.0, far.when());
        loop.runForever();
        assertEquals("near@1.0", trace.toString());
        loop.callLater(1, loop::stop);
        loop.runForever();
        assertEquals(2.0, loop.time(), "the cancelled timer at 100 was never waited for");
    }

    @Test
    void aCallbackCanCancelAHandleOfTheSameBatch() {
        Handle[] later = new Handle[1];
        loop.callSoon(() -> {
            trace.add("first");
            later[0].cancel();
        });
        later[0] = loop.callSoon(() -> trace.add("second"));
        runOnce();
        assertEquals("first", trace.toString());
    }

    @Test
    void timeFollowsTheVirtualClock() {
        assertEquals(0.0, loop.time());
        clock.advance(2.5);
        assertEquals(2.5, loop.time());
        loop.callLater(1.25, loop::stop);
        loop.runForever();
        assertEquals(3.75, loop.time());
    }

    /** Matches the CPython 3.13 trace of event_loop.py: batches. */
    @Test
    void callbacksScheduledDuringABatchRunInTheNextBatchBeforeTimersThatBecameDue() {
        loop.callLater(0, () -> trace.add("t1"));
        loop.callSoon(() -> {
            trace.add("a");
            loop.callSoon(() -> trace.add("c"));
            loop.callLater(0, () -> trace.add("t2"));
            loop.callSoon(() -> trace.add("d"));
        });
        loop.callSoon(() -> trace.add("b"));
        loop.callLater(0.001, loop::stop);
        loop.runForever();
        assertEquals("a | b | t1 | c | d | t2", trace.toString());
    }

    // ---- errors in callbacks ----------------------------------------------------------------------

    @Test
    void anExceptionInACallbackGoesToTheHandlerAndTheLoopGoesOn() {
        RuntimeException boom = new RuntimeException("boom");
        Handle failing = loop.callSoon(() -> {
            trace.add("failing");
            throw boom;
        });
        loop.callSoon(() -> trace.add("next"));
        runOnce();
        assertEquals("failing | next", trace.toString());
        Map<String, Object> ctx = assertOneHandlerCall("Exception in callback");
        assertSame(boom, ctx.get("exception"));
        assertSame(failing, ctx.get("handle"));
    }

    @Test
    void anExceptionInATimerCallbackNamesItsTimerHandle() {
        IllegalStateException boom = new IllegalStateException("timer boom");
        TimerHandle failing = loop.callLater(1, () -> {
            throw boom;
        });
        loop.callLater(2, loop::stop);
        loop.runForever();
        Map<String, Object> ctx = assertOneHandlerCall("Exception in callback");
        assertSame(boom, ctx.get("exception"));
        assertSame(failing, ctx.get("handle"));
        assertEquals(2.0, loop.time());
    }

    @Test
    void callExceptionHandlerPassesTheContextToTheHandler() {
        Map<String, Object> context = Map.of("message", "custom problem", "exception", new IOException("io"));
        loop.callExceptionHandler(context);
        assertSame(context, assertOneHandlerCall("custom problem"));
    }

    @Test
    void aFailingCustomHandlerFallsBackToTheDefaultHandler() {
        IllegalStateException handlerBug = new IllegalStateException("handler broke");
        loop.setExceptionHandler((l, ctx) -> {
            trace.add("handler");
            throw handlerBug;
        });
        try (LogCapture log = new LogCapture()) {
            loop.callSoon(() -> {
                throw new RuntimeException("callback broke");
            });
            loop.callSoon(() -> trace.add("next"));
            runOnce();
            assertEquals("handler | next", trace.toString());
            List<LogRecord> errors = log.at(Level.SEVERE);
            assertEquals(1, errors.size(), "one error logged by the default handler");
            assertTrue(errors.get(0).getMessage().contains("Unhandled error in exception handler"),
                    errors.get(0).getMessage());
            assertSame(handlerBug, errors.get(0).getThrown());
        }
    }

    @Test
    void withoutACustomHandlerTheDefaultHandlerLogsTheError() {
        loop.setExceptionHandler(null);
        assertEquals(null, loop.getExceptionHandler());
        RuntimeException boom = new RuntimeException("boom");
        try (LogCapture log = new LogCapture()) {
            loop.callSoon(() -> {
                throw boom;
            });
            runOnce();
            List<LogRecord> errors = log.at(Level.SEVERE);
            assertEquals(1, errors.size());
            assertTrue(errors.get(0).getMessage().startsWith("Exception in callback"), errors.get(0).getMessage());
            assertSame(boom, errors.get(0).getThrown());
        }
    }

    // ---- stop, run, close -------------------------------------------------------------------------

    /** Matches the CPython 3.13 trace of event_loop.py: stop_before_run_forever. */
    @Test
    void stopBeforeRunForeverRunsOneIteration() {
        loop.callSoon(() -> {
            trace.add("a");
            loop.callSoon(() -> trace.add("b"));
        });
        loop.stop();
        loop.runForever();
        trace.add("returned");
        loop.callSoon(loop::stop);
        loop.runForever();
        trace.add("returned");
        assertEquals("a | returned | b | returned", trace.toString());
    }

    /** Matches the CPython 3.13 trace of event_loop.py: stop_inside_run_forever. */
    @Test
    void stopInsideRunForeverFinishesTheCurrentBatch() {
        loop.callSoon(() -> {
            trace.add("a");
            loop.stop();
            loop.callSoon(() -> trace.add("c"));
        });
        loop.callSoon(() -> trace.add("b"));
        loop.runForever();
        trace.add("returned");
        loop.stop();
        loop.runForever();
        trace.add("returned");
        assertEquals("a | b | returned | c | returned", trace.toString());
    }

    @Test
    void stopBeforeRunForeverDoesNotWaitForTimers() {
        loop.callLater(10, () -> trace.add("timer"));
        loop.stop();
        loop.runForever();
        assertEquals("", trace.toString());
        assertEquals(0.0, loop.time());
    }

    @Test
    void isRunningIsTrueOnlyWhileTheLoopRuns() {
        assertFalse(loop.isRunning());
        loop.callSoon(() -> trace.add("running=" + loop.isRunning()));
        runOnce();
        assertFalse(loop.isRunning());
        assertEquals("running=true", trace.toString());
    }

    @Test
    void runUntilCompleteReturnsTheResultOfTheFuture() {
        Future<String> f = loop.createFuture();
        loop.callLater(1, () -> f.setResult("done"));
        assertEquals("done", loop.runUntilComplete(f));
        assertEquals(1.0, loop.time());
        assertFalse(loop.isRunning());
    }

    @Test
    void runUntilCompleteThrowsTheExceptionOfTheFuture() {
        Future<String> f = loop.createFuture();
        IOException failure = new IOException("failed");
        loop.callSoon(() -> f.setException(failure));
        IOException thrown = assertThrows(IOException.class, () -> loop.runUntilComplete(f));
        assertSame(failure, thrown);
    }

    @Test
    void runUntilCompleteOfACoroutineReturnsItsResult() {
        assertEquals(42, loop.runUntilComplete(() -> Asyncio.sleep(3, 42)));
        assertEquals(3.0, loop.time());
    }

    @Test
    void runUntilCompleteFailsWhenTheLoopStopsBeforeTheFutureIsDone() {
        Future<String> f = loop.createFuture();
        loop.callSoon(loop::stop);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> loop.runUntilComplete(f));
        assertEquals("Event loop stopped before Future completed.", e.getMessage());
        loop.callSoon(() -> f.setResult("later"));
        assertEquals("later", loop.runUntilComplete(f), "the loop and the future are still usable");
    }

    @Test
    void runningAnAlreadyRunningLoopIsAnError() {
        Future<String> f = loop.createFuture();
        loop.callSoon(() -> {
            trace.add(assertThrows(IllegalStateException.class, loop::runForever).getMessage());
            trace.add(assertThrows(IllegalStateException.class, () -> loop.runUntilComplete(f)).getMessage());
        });
        runOnce();
        assertEquals("This event loop is already running | This event loop is already running", trace.toString());
    }

    @Test
    void runningAnotherLoopInsideARunningLoopIsAnError() {
        try (EventLoop other = Asyncio.newEventLoop(LoopConfig.defaults().withClock(clock))) {
            Future<String> theirs = other.createFuture();
            loop.callSoon(() -> trace.add(assertThrows(IllegalStateException.class,
                    () -> other.runUntilComplete(theirs)).getMessage()));
            runOnce();
            assertEquals("Cannot run the event loop while another loop is running in this thread", trace.toString());
            assertFalse(other.isRunning());
        }
    }

    @Test
    void closingARunningLoopIsAnErrorAndTheLoopGoesOn() {
        loop.callSoon(() -> {
            trace.add(assertThrows(IllegalStateException.class, loop::close).getMessage());
            loop.callSoon(() -> trace.add("still running"));
        });
        loop.callLater(1, loop::stop);
        loop.runForever();
        assertEquals("Cannot close a running event loop | still running", trace.toString());
        assertFalse(loop.isClosed());
    }

    @Test
    void closeDropsPendingCallbacksAndClosingTwiceHasNoEffect() {
        loop.callSoon(() -> trace.add("never"));
        loop.callLater(1, () -> trace.add("never either"));
        assertFalse(loop.isClosed());
        loop.close();
        assertTrue(loop.isClosed());
        loop.close();
        assertTrue(loop.isClosed());
        assertEquals("", trace.toString());
    }

    @Test
    void everySchedulingOnAClosedLoopIsAnError() {
        Future<String> done = loop.createFuture();
        done.setResult("x");
        Future<String> pendingWithCallback = loop.createFuture();
        pendingWithCallback.addDoneCallback(f -> trace.add("never"));
        loop.close();
        List<Executable> calls = List.of(
                () -> loop.callSoon(() -> { }),
                () -> loop.callSoonThreadsafe(() -> { }),
                () -> loop.callLater(1, () -> { }),
                () -> loop.callAt(1, () -> { }),
                () -> loop.createTask(() -> null),
                () -> loop.createTask(() -> null, "named"),
                loop::runForever,
                () -> loop.runUntilComplete(() -> null),
                () -> loop.runUntilComplete(done),
                () -> done.addDoneCallback(f -> { }),
                () -> pendingWithCallback.setResult("x"));
        for (Executable call : calls) {
            IllegalStateException e = assertThrows(IllegalStateException.class, call);
            assertEquals("Event loop is closed", e.getMessage());
        }
        assertEquals("", trace.toString());
        assertFalse(loop.createFuture().done(), "as in CPython, a closed loop still creates futures");
    }

    // ---- debug mode -------------------------------------------------------------------------------

    @Test
    void debugModeIsOffByDefaultAndCanBeSet() {
        assertFalse(loop.getDebug());
        loop.setDebug(true);
        assertTrue(loop.getDebug());
        loop.setDebug(false);
        assertFalse(loop.getDebug());
        try (EventLoop debugLoop = Asyncio.newEventLoop(LoopConfig.defaults().withDebug(true))) {
            assertTrue(debugLoop.getDebug());
        }
    }

    @Test
    void debugModeLogsASlowCallback() {
        loop.setDebug(true);
        try (LogCapture log = new LogCapture()) {
            loop.callSoon(() -> {
                try {
                    Thread.sleep(150);
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            });
            loop.callSoon(() -> trace.add("fast"));
            runOnce();
            List<LogRecord> warnings = log.at(Level.WARNING);
            assertEquals(1, warnings.size(), "only the slow callback is logged");
            assertTrue(warnings.get(0).getMessage().matches("(?s)Executing .* took \\d+\\.\\d{3} seconds"),
                    warnings.get(0).getMessage());
        }
    }

    @Test
    void withoutDebugModeASlowCallbackIsNotLogged() {
        try (LogCapture log = new LogCapture()) {
            loop.callSoon(() -> {
                try {
                    Thread.sleep(150);
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            });
            runOnce();
            assertEquals(List.of(), log.at(Level.WARNING));
        }
    }
}
