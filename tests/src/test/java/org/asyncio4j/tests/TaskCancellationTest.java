package org.asyncio4j.tests;

import static org.asyncio4j.Asyncio.await;
import static org.asyncio4j.Asyncio.createTask;
import static org.asyncio4j.Asyncio.currentTask;
import static org.asyncio4j.Asyncio.sleep;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.asyncio4j.CancelledError;
import org.asyncio4j.Coroutine;
import org.asyncio4j.Future;
import org.asyncio4j.Task;
import org.junit.jupiter.api.Test;

/**
 * Task cancellation with CPython 3.13 semantics: a request delivered as CancelledError at the body's
 * await, once per request. The traces are those of src/test/python/cancellation.py.
 */
class TaskCancellationTest extends LoopTest {
    private final Trace trace = new Trace();

    /** Records {@code who}, followed by ":" and the cancellation message if {@code e} has one, as cancellation.py does. */
    private void recordCaught(String who, CancelledError e) {
        trace.add(e.getMessage() == null ? who : who + ":" + e.getMessage());
    }

    /** Runs {@code step} in the current body; if it raises CancelledError, records it as {@code who} and re-raises. */
    private <T> T recordingCancellation(String who, Coroutine<T> step) throws Exception {
        try {
            return step.call();
        } catch (CancelledError e) {
            recordCaught(who, e);
            throw e;
        }
    }

    /** Awaits {@code t} in the main body, recording "main-caught[:message]" if it ends cancelled. */
    private void awaitRecordingCancellation(Task<?> t) {
        try {
            await(t);
        } catch (CancelledError e) {
            recordCaught("main-caught", e);
        }
    }

    /** Matches the CPython 3.13 trace of cancellation.py: request_delivered_at_await. */
    @Test
    void cancelIsARequestDeliveredAtTheCurrentAwait() {
        runMain(() -> {
            Task<Void> t = createTask(() -> {
                try {
                    trace.add("body-start");
                    sleep(10);
                    trace.add("not-reached");
                } catch (CancelledError e) {
                    trace.add("caught:" + e.getMessage());
                    throw e;
                } finally {
                    trace.add("finally");
                }
                return null;
            });
            sleep(0);
            trace.add("cancel=" + t.cancel("bye"));
            trace.add("cancelling=" + t.cancelling() + " done=" + t.done());
            awaitRecordingCancellation(t);
            trace.add("cancelled=" + t.cancelled());
            trace.add("time=" + (int) loop.time());
            return null;
        });
        assertEquals("body-start | cancel=true | cancelling=1 done=false | caught:bye | finally"
                + " | main-caught:bye | cancelled=true | time=0", trace.toString());
    }

    @Test
    void theAwaiterGetsTheCancelledErrorTheBodyEndedWith() {
        runMain(() -> {
            CancelledError[] inBody = new CancelledError[1];
            Task<Void> t = createTask(() -> {
                try {
                    return sleep(10, null);
                } catch (CancelledError e) {
                    inBody[0] = e;
                    throw e;
                }
            });
            sleep(0);
            t.cancel("m");
            CancelledError awaited = assertThrows(CancelledError.class, t::await);
            assertSame(inBody[0], awaited);
            return null;
        });
    }

    @Test
    void aBodyEndingWithAnotherCancellationExceptionCancelsTheTask() {
        runMain(() -> {
            Task<Void> t = createTask(() -> {
                throw new java.util.concurrent.CancellationException("from elsewhere");
            });
            CancelledError e = assertThrows(CancelledError.class, t::await);
            assertEquals("from elsewhere", e.getMessage());
            assertTrue(t.cancelled());
            return null;
        });
    }

    /** Matches the CPython 3.13 trace of cancellation.py: return_normally_after_cancel. */
    @Test
    void aBodyMayCatchTheCancellationAndReturnNormally() {
        runMain(() -> {
            Task<String> t = createTask(() -> {
                try {
                    sleep(10);
                    return "not reached";
                } catch (CancelledError e) {
                    return "cleaned up";
                }
            });
            sleep(0);
            t.cancel();
            trace.add("result=" + await(t) + " cancelled=" + t.cancelled());
            return null;
        });
        assertEquals("result=cleaned up cancelled=false", trace.toString());
    }

    /** Matches the CPython 3.13 trace of cancellation.py: swallowed_cancel_then_await. */
    @Test
    void afterCatchingTheCancellationTheBodyCanAwaitAgain() {
        runMain(() -> {
            Task<String> t = createTask(() -> {
                try {
                    sleep(10);
                } catch (CancelledError e) {
                    trace.add("caught");
                } finally {
                    trace.add("cleanup");
                }
                sleep(1);
                trace.add("slept");
                return "finished";
            });
            sleep(0);
            t.cancel();
            trace.add("result=" + await(t) + " cancelled=" + t.cancelled() + " cancelling=" + t.cancelling());
            trace.add("cancel-done=" + t.cancel());
            return null;
        });
        assertEquals("caught | cleanup | slept | result=finished cancelled=false cancelling=1 | cancel-done=false",
                trace.toString());
        assertEquals(1.0, loop.time());
    }

    /** Matches the CPython 3.13 trace of cancellation.py: cancel_before_start. */
    @Test
    void aTaskCancelledBeforeItStartedNeverRunsItsBody() {
        runMain(() -> {
            Task<Void> t = createTask(() -> {
                trace.add("body");
                return null;
            });
            trace.add("cancel=" + t.cancel("early"));
            awaitRecordingCancellation(t);
            trace.add("cancelled=" + t.cancelled());
            return null;
        });
        assertEquals("cancel=true | main-caught:early | cancelled=true", trace.toString());
    }

    /** Matches the CPython 3.13 trace of cancellation.py: cancel_during_sleep0. */
    @Test
    void aRequestMadeWhileTheBodyYieldsIsDeliveredAtItsNextStep() {
        runMain(() -> {
            Task<Void> t = createTask(() -> recordingCancellation("caught", () -> {
                trace.add("yield");
                sleep(0);
                trace.add("not-reached");
                return null;
            }));
            sleep(0);
            trace.add("cancel=" + t.cancel("m"));
            awaitRecordingCancellation(t);
            return null;
        });
        assertEquals("yield | cancel=true | caught:m | main-caught:m", trace.toString());
    }

    @Test
    void cancelOfADoneTaskReturnsFalse() {
        runMain(() -> {
            Task<String> t = createTask(() -> "done");
            await(t);
            assertFalse(t.cancel());
            assertFalse(t.cancel("msg"));
            assertEquals(0, t.cancelling());
            assertFalse(t.cancelled());
            assertEquals("done", t.result());
            return null;
        });
    }

    @Test
    void cancellingCountsTheRequests() {
        runMain(() -> {
            Task<Void> t = createTask(() -> sleep(10, null));
            assertEquals(0, t.cancelling());
            t.cancel();
            t.cancel();
            t.cancel();
            assertEquals(3, t.cancelling());
            assertEquals(2, t.uncancel());
            assertEquals(2, t.cancelling());
            assertThrows(CancelledError.class, t::await);
            assertEquals(2, t.cancelling());
            return null;
        });
    }

    /** Matches the CPython 3.13 trace of cancellation.py: uncancel_drops_undelivered_request. */
    @Test
    void uncancelToZeroDropsARequestNotYetDelivered() {
        runMain(() -> {
            Task<String> t = createTask(() -> {
                trace.add("body");
                return sleep(0, "ok");
            });
            trace.add("cancel=" + t.cancel() + " " + t.cancel());
            trace.add("uncancel=" + t.uncancel());
            trace.add("uncancel=" + t.uncancel());
            trace.add("uncancel=" + t.uncancel());
            trace.add("result=" + await(t));
            return null;
        });
        assertEquals("cancel=true true | uncancel=1 | uncancel=0 | uncancel=0 | body | result=ok", trace.toString());
    }

    /** Matches the CPython 3.13 trace of cancellation.py: uncancel_after_delivery_does_not_undo. */
    @Test
    void uncancelDoesNotUndoARequestAlreadyPassedToTheAwaitedFuture() {
        runMain(() -> {
            Task<Void> t = createTask(() -> recordingCancellation("caught", () -> sleep(10, null)));
            sleep(0);
            t.cancel();
            trace.add("uncancel=" + t.uncancel());
            awaitRecordingCancellation(t);
            return null;
        });
        assertEquals("uncancel=0 | caught | main-caught", trace.toString());
    }

    /** Matches the CPython 3.13 trace of cancellation.py: two_requests_while_waiting_deliver_once. */
    @Test
    void twoRequestsWhileWaitingAreDeliveredAsOneCancelledError() {
        runMain(() -> {
            Task<String> t = createTask(() -> {
                for (int i = 0; i < 3; i++) {
                    try {
                        sleep(10);
                        trace.add("slept" + i);
                    } catch (CancelledError e) {
                        trace.add("caught" + i + " cancelling=" + currentTask().cancelling());
                    }
                }
                return "done";
            });
            sleep(0);
            t.cancel();
            t.cancel();
            trace.add("result=" + await(t));
            return null;
        });
        assertEquals("caught0 cancelling=2 | slept1 | slept2 | result=done", trace.toString());
        assertEquals(20.0, loop.time());
    }

    @Test
    void aSecondRequestAfterTheFirstWasDeliveredIsDeliveredAgain() {
        runMain(() -> {
            Task<Integer> t = createTask(() -> {
                int caught = 0;
                for (int i = 0; i < 3; i++) {
                    try {
                        sleep(10);
                    } catch (CancelledError e) {
                        caught++;
                    }
                }
                return caught;
            });
            sleep(0);
            t.cancel();
            sleep(1);
            t.cancel();
            assertEquals(2, await(t));
            return null;
        });
        assertEquals(11.0, loop.time());
    }

    /** Matches the CPython 3.13 trace of cancellation.py: nested_tasks. */
    @Test
    void cancellingATaskThatAwaitsAnotherTaskCancelsTheInnerOne() {
        runMain(() -> {
            Task<Void> inner = createTask(() -> recordingCancellation("inner-caught", () -> sleep(10, null)));
            Task<Void> outer = createTask(() -> recordingCancellation("outer-caught", () -> await(inner)));
            sleep(0);
            trace.add("cancel=" + outer.cancel("m"));
            awaitRecordingCancellation(outer);
            trace.add("inner cancelled=" + inner.cancelled() + " cancelling=" + inner.cancelling());
            trace.add("outer cancelled=" + outer.cancelled() + " cancelling=" + outer.cancelling());
            return null;
        });
        assertEquals("cancel=true | inner-caught:m | outer-caught:m | main-caught:m"
                + " | inner cancelled=true cancelling=1 | outer cancelled=true cancelling=1", trace.toString());
    }

    /** Matches the CPython 3.13 trace of cancellation.py: race_result_then_cancel. */
    @Test
    void aTaskCancelledAfterItsFutureCompletedInTheSameIterationGetsCancelledError() {
        runMain(() -> {
            Future<Integer> f = loop.createFuture();
            Task<Void> t = createTask(() -> recordingCancellation("caught", () -> {
                trace.add("got " + await(f));
                return null;
            }));
            sleep(0);
            loop.callSoon(() -> {
                f.setResult(42);
                trace.add("cancel=" + t.cancel());
            });
            awaitRecordingCancellation(t);
            trace.add("cancelled=" + t.cancelled() + " f=" + f.result());
            return null;
        });
        assertEquals("cancel=true | caught | main-caught | cancelled=true f=42", trace.toString());
    }

    /** Matches the CPython 3.13 trace of cancellation.py: race_cancel_then_result. */
    @Test
    void aTaskCancelledBeforeItsFutureCompletedCancelsTheFuture() {
        runMain(() -> {
            Future<Integer> f = loop.createFuture();
            Task<Void> t = createTask(() -> recordingCancellation("caught", () -> {
                await(f);
                return null;
            }));
            sleep(0);
            loop.callSoon(() -> {
                trace.add("cancel=" + t.cancel());
                trace.add("f.cancelled=" + f.cancelled());
                if (!f.done()) {
                    f.setResult(42);
                }
            });
            awaitRecordingCancellation(t);
            trace.add("cancelled=" + t.cancelled());
            return null;
        });
        assertEquals("cancel=true | f.cancelled=true | caught | main-caught | cancelled=true", trace.toString());
    }

    /** Matches the CPython 3.13 trace of cancellation.py: race_inner_task_done_and_cancel. */
    @Test
    void aTaskCancelledAfterTheTaskItAwaitsFinishedInTheSameIterationGetsCancelledError() {
        runMain(() -> {
            Task<Integer> inner = createTask(() -> {
                sleep(0);
                trace.add("inner-done");
                return 7;
            });
            Task<Integer> outer = createTask(() -> recordingCancellation("outer-caught", () -> {
                int v = await(inner);
                trace.add("outer-got " + v);
                return v;
            }));
            sleep(0);
            sleep(0);
            trace.add("cancel=" + outer.cancel() + " inner-done=" + inner.done());
            awaitRecordingCancellation(outer);
            trace.add("inner=" + inner.result() + " outer-cancelled=" + outer.cancelled());
            return null;
        });
        assertEquals("inner-done | cancel=true inner-done=true | outer-caught | main-caught"
                + " | inner=7 outer-cancelled=true", trace.toString());
    }

    @Test
    void aCancelledSleepDropsItsTimer() {
        runMain(() -> {
            Task<Void> t = createTask(() -> sleep(3600, null));
            sleep(1);
            t.cancel();
            assertThrows(CancelledError.class, t::await);
            return null;
        });
        assertEquals(1.0, loop.time(), "the loop never waited for the cancelled sleep");
    }

    /** Matches the CPython 3.13 trace of cancellation.py: self_cancel_then_return. */
    @Test
    void aTaskThatCancelsItselfAndReturnsEndsCancelled() {
        runMain(() -> {
            Task<String> t = createTask(() -> {
                trace.add("cancel=" + currentTask().cancel("self"));
                return "ignored";
            });
            awaitRecordingCancellation(t);
            trace.add("cancelled=" + t.cancelled());
            return null;
        });
        assertEquals("cancel=true | main-caught:self | cancelled=true", trace.toString());
    }

    /** Matches the CPython 3.13 trace of cancellation.py: self_cancel_then_await. */
    @Test
    void aPendingRequestCancelsTheNextAwaitedFutureWithItsMessage() {
        runMain(() -> {
            Future<String> f = loop.createFuture();
            Task<Void> t = createTask(() -> {
                currentTask().cancel("self");
                try {
                    await(f);
                } catch (CancelledError e) {
                    trace.add("caught:" + e.getMessage() + " f.cancelled=" + f.cancelled());
                    throw e;
                }
                return null;
            });
            awaitRecordingCancellation(t);
            return null;
        });
        assertEquals("caught:self f.cancelled=true | main-caught:self", trace.toString());
    }

    /** Matches the CPython 3.13 trace of cancellation.py: awaited_task_cancelled_by_someone_else. */
    @Test
    void anAwaiterOfATaskCancelledBySomeoneElseEndsCancelledWithoutARequest() {
        runMain(() -> {
            Task<Void> inner = createTask(() -> sleep(10, null));
            Task<Void> outer = createTask(() -> await(inner));
            sleep(0);
            inner.cancel("inner only");
            awaitRecordingCancellation(outer);
            trace.add("outer cancelled=" + outer.cancelled() + " cancelling=" + outer.cancelling());
            return null;
        });
        assertEquals("main-caught:inner only | outer cancelled=true cancelling=0", trace.toString());
    }

    @Test
    void cancellingTheMainTaskOfRunUntilCompleteThrowsCancelledError() {
        Task<String> main = loop.createTask(() -> sleep(10, "x"));
        loop.callLater(1, () -> main.cancel("stop"));
        CancelledError e = assertThrows(CancelledError.class, () -> loop.runUntilComplete(main));
        assertEquals("stop", e.getMessage());
        assertEquals(1.0, loop.time());
    }
}
