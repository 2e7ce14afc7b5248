package org.asyncio4j.tests;

import static org.asyncio4j.Asyncio.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.function.Consumer;
import org.asyncio4j.Asyncio;
import org.asyncio4j.CancelledError;
import org.asyncio4j.EventLoop;
import org.asyncio4j.Future;
import org.asyncio4j.InvalidStateError;
import org.asyncio4j.LoopConfig;
import org.junit.jupiter.api.Test;

/** Future: states, results, exceptions, cancellation and done callbacks. */
class FutureTest extends LoopTest {
    private final Trace trace = new Trace();

    private void runOnce() {
        loop.callSoon(loop::stop);
        loop.runForever();
    }

    @Test
    void aNewFutureIsPendingAndBoundToItsLoop() {
        Future<String> f = loop.createFuture();
        assertFalse(f.done());
        assertFalse(f.cancelled());
        assertSame(loop, f.getLoop());
    }

    @Test
    void resultAndExceptionBeforeDoneAreInvalidState() {
        Future<String> f = loop.createFuture();
        assertEquals("Result is not ready.", assertThrows(InvalidStateError.class, f::result).getMessage());
        assertEquals("Exception is not set.", assertThrows(InvalidStateError.class, f::exception).getMessage());
    }

    @Test
    void setResultMakesTheFutureDoneWithThatResult() {
        Future<String> f = loop.createFuture();
        f.setResult("value");
        assertTrue(f.done());
        assertFalse(f.cancelled());
        assertEquals("value", f.result());
        assertNull(f.exception());
    }

    @Test
    void aNullResultIsAResult() {
        Future<String> f = loop.createFuture();
        f.setResult(null);
        assertTrue(f.done());
        assertNull(f.result());
        assertNull(f.exception());
    }

    @Test
    void settingADoneFutureIsInvalidState() {
        Future<String> f = loop.createFuture();
        f.setResult("first");
        assertThrows(InvalidStateError.class, () -> f.setResult("second"));
        assertThrows(InvalidStateError.class, () -> f.setException(new IOException()));
        assertEquals("first", f.result());

        Future<String> failed = loop.createFuture();
        IOException error = new IOException("first");
        failed.setException(error);
        assertThrows(InvalidStateError.class, () -> failed.setException(new IOException("second")));
        assertThrows(InvalidStateError.class, () -> failed.setResult("x"));
        assertSame(error, failed.exception());

        Future<String> cancelled = loop.createFuture();
        cancelled.cancel();
        assertThrows(InvalidStateError.class, () -> cancelled.setResult("x"));
        assertThrows(InvalidStateError.class, () -> cancelled.setException(new IOException()));
    }

    @Test
    void setExceptionRejectsNull() {
        Future<String> f = loop.createFuture();
        RuntimeException e = assertThrows(RuntimeException.class, () -> f.setException(null));
        assertTrue(e instanceof NullPointerException || e instanceof IllegalArgumentException, e.toString());
        assertTrue(String.valueOf(e.getMessage()).contains("exception"), e.getMessage());
        assertFalse(f.done());
    }

    @Test
    void resultRethrowsTheExactExceptionObject() {
        Future<String> f = loop.createFuture();
        IllegalArgumentException error = new IllegalArgumentException("bad");
        f.setException(error);
        assertSame(error, assertThrows(IllegalArgumentException.class, f::result));
        assertSame(error, assertThrows(IllegalArgumentException.class, f::result), "every time");
        assertSame(error, f.exception());
    }

    @Test
    void resultRethrowsACheckedExceptionAsItIs() {
        Future<String> f = loop.createFuture();
        IOException error = new IOException("io");
        f.setException(error);
        assertSame(error, assertThrows(IOException.class, f::result));
    }

    @Test
    void cancelReturnsTrueOnceThenFalse() {
        Future<String> f = loop.createFuture();
        assertTrue(f.cancel());
        assertTrue(f.done());
        assertTrue(f.cancelled());
        assertFalse(f.cancel());
        assertTrue(f.cancelled());
    }

    @Test
    void cancelOfADoneFutureReturnsFalseAndChangesNothing() {
        Future<String> f = loop.createFuture();
        f.setResult("kept");
        assertFalse(f.cancel("too late"));
        assertFalse(f.cancelled());
        assertEquals("kept", f.result());

        Future<String> failed = loop.createFuture();
        IOException error = new IOException();
        failed.setException(error);
        assertFalse(failed.cancel());
        assertSame(error, failed.exception());
    }

    /** Matches the CPython 3.13 trace of future.py: cancel_message. */
    @Test
    void theCancelMessageReachesEveryCancelledError() {
        Future<String> f = loop.createFuture();
        trace.add("cancel=" + f.cancel("stop it"));
        trace.add("cancel=" + f.cancel("again"));
        for (int i = 0; i < 2; i++) {
            trace.add("result:" + assertThrows(CancelledError.class, f::result).getMessage());
        }
        trace.add("exception:" + assertThrows(CancelledError.class, f::exception).getMessage());
        assertEquals("cancel=true | cancel=false | result:stop it | result:stop it | exception:stop it", trace.toString());
    }

    @Test
    void cancelWithoutMessageGivesACancelledErrorWithoutMessage() {
        Future<String> f = loop.createFuture();
        f.cancel();
        assertNull(assertThrows(CancelledError.class, f::result).getMessage());
    }

    /** Matches the CPython 3.13 trace of future.py: done_callbacks_order. */
    @Test
    void doneCallbacksAreScheduledWithCallSoonInRegistrationOrderNeverSynchronously() {
        Future<Integer> f = loop.createFuture();
        f.addDoneCallback(x -> trace.add("cb1"));
        loop.callSoon(() -> trace.add("x"));
        f.addDoneCallback(x -> trace.add("cb2"));
        f.setResult(1);
        trace.add("set");
        loop.callSoon(() -> trace.add("y"));
        f.addDoneCallback(x -> trace.add("cb3"));
        trace.add("added");
        runOnce();
        assertEquals("set | added | x | cb1 | cb2 | y | cb3", trace.toString());
    }

    @Test
    void aDoneCallbackReceivesTheFutureAfterExceptionOrCancellationToo() {
        Future<String> failed = loop.createFuture();
        Future<String> cancelled = loop.createFuture();
        failed.addDoneCallback(x -> trace.add("failed:" + (x == failed) + ":" + x.exception().getMessage()));
        cancelled.addDoneCallback(x -> trace.add("cancelled:" + (x == cancelled) + ":" + x.cancelled()));
        cancelled.cancel();
        failed.setException(new IOException("io"));
        runOnce();
        assertEquals("cancelled:true:true | failed:true:io", trace.toString());
    }

    @Test
    void theSameCallbackAddedTwiceRunsTwice() {
        Future<String> f = loop.createFuture();
        Consumer<Future<String>> cb = x -> trace.add("cb");
        f.addDoneCallback(cb);
        f.addDoneCallback(cb);
        f.setResult("x");
        runOnce();
        assertEquals("cb | cb", trace.toString());
    }

    @Test
    void removeDoneCallbackRemovesEveryRegistrationAndReturnsTheirCount() {
        Future<String> f = loop.createFuture();
        Consumer<Future<String>> removed = x -> trace.add("removed");
        Consumer<Future<String>> kept = x -> trace.add("kept");
        f.addDoneCallback(removed);
        f.addDoneCallback(kept);
        f.addDoneCallback(removed);
        assertEquals(2, f.removeDoneCallback(removed));
        assertEquals(0, f.removeDoneCallback(removed));
        assertEquals(0, f.removeDoneCallback(x -> { }));
        f.setResult("x");
        runOnce();
        assertEquals("kept", trace.toString());
    }

    @Test
    void removingTheOnlyCallbackLeavesNone() {
        Future<String> f = loop.createFuture();
        Consumer<Future<String>> only = x -> trace.add("only");
        f.addDoneCallback(only);
        assertEquals(1, f.removeDoneCallback(only));
        f.setResult("x");
        runOnce();
        assertEquals("", trace.toString());
    }

    @Test
    void removeDoneCallbackAfterDoneRemovesNothingScheduled() {
        Future<String> f = loop.createFuture();
        Consumer<Future<String>> cb = x -> trace.add("cb");
        f.addDoneCallback(cb);
        f.setResult("x");
        assertEquals(0, f.removeDoneCallback(cb), "already scheduled, as in CPython");
        runOnce();
        assertEquals("cb", trace.toString());
    }

    @Test
    void aFailingDoneCallbackGoesToTheExceptionHandler() {
        Future<String> f = loop.createFuture();
        RuntimeException boom = new RuntimeException("cb");
        f.addDoneCallback(x -> {
            throw boom;
        });
        f.addDoneCallback(x -> trace.add("next"));
        f.setResult("x");
        runOnce();
        assertEquals("next", trace.toString());
        assertSame(boom, assertOneHandlerCall("Exception in callback").get("exception"));
    }

    @Test
    void awaitingAFutureGivesItsResultOrItsExactException() {
        Future<String> ok = loop.createFuture();
        Future<String> failed = loop.createFuture();
        IOException error = new IOException("io");
        loop.callLater(1, () -> ok.setResult("fine"));
        loop.callLater(2, () -> failed.setException(error));
        String result = runMain(() -> {
            String r = await(ok);
            try {
                failed.await();
                return "not reached";
            } catch (Exception e) {
                assertSame(error, e);
            }
            return r + "@" + loop.time();
        });
        assertEquals("fine@2.0", result);
    }

    @Test
    void awaitingACancelledFutureThrowsCancelledErrorWithItsMessage() {
        Future<String> f = loop.createFuture();
        loop.callLater(1, () -> f.cancel("gone"));
        String message = runMain(() -> {
            try {
                return f.await();
            } catch (CancelledError e) {
                return e.getMessage();
            }
        });
        assertEquals("gone", message);
    }

    @Test
    void awaitingAFutureOfAnotherLoopIsAnError() {
        try (EventLoop other = Asyncio.newEventLoop(LoopConfig.defaults().withClock(clock))) {
            Future<String> foreign = other.createFuture();
            IllegalStateException e = runMain(() -> assertThrows(IllegalStateException.class, foreign::await));
            assertTrue(e.getMessage().contains("different event loop"), e.getMessage());
        }
    }
}
