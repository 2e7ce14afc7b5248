package org.asyncio4j.tests.compose;

import static org.asyncio4j.Asyncio.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.asyncio4j.CancelledError;
import org.asyncio4j.Future;
import org.asyncio4j.Task;
import org.asyncio4j.TimeoutError;
import org.asyncio4j.tests.LoopTest;
import org.junit.jupiter.api.Test;

/** waitFor: CPython 3.13's wait_for (test_waitfor.py and the traces of /tmp scenarios run on CPython 3.13). */
class WaitForTest extends LoopTest {
    private final List<String> trace = new ArrayList<>();

    @Test
    void returnsTheResultOfAFutureDoneBeforeTheTimeout() {
        String r = runMain(() -> {
            Future<String> f = loop.createFuture();
            loop.callLater(0.5, () -> f.setResult("ok"));
            return waitFor(f, 1.0);
        });
        assertEquals("ok", r);
        assertEquals(0.5, loop.time(), 1e-9);
    }

    @Test
    void aCoroutineRunsInTheCallingTaskAndItsResultIsReturned() {
        runMain(() -> {
            Task<?> me = currentTask();
            int r = waitFor(() -> {
                assertSame(me, currentTask());
                sleep(0.5);
                return 42;
            }, 1.0);
            assertEquals(42, r);
            return null;
        });
    }

    @Test
    void onTimeoutTheInnerTaskIsCancelledAndAwaitedThenTimeoutErrorCausedByTheCancellation() {
        // CPython 3.13: ['inner start', 'inner cancelled', 'inner cleanup done',
        //  'TimeoutError cause=CancelledError inner.cancelled=True', 'cancelling=0']
        runMain(() -> {
            Task<Object> inner = createTask(() -> {
                trace.add("inner start");
                try {
                    sleep(10);
                } catch (CancelledError e) {
                    trace.add("inner cancelled");
                    sleep(0.5);
                    trace.add("inner cleanup done");
                    throw e;
                }
                return null;
            });
            TimeoutError e = assertThrows(TimeoutError.class, () -> waitFor(inner, 1.0));
            trace.add("TimeoutError cause=" + e.getCause().getClass().getSimpleName() + " inner.cancelled=" + inner.cancelled());
            trace.add("cancelling=" + currentTask().cancelling());
            return null;
        });
        assertEquals(List.of("inner start", "inner cancelled", "inner cleanup done",
                "TimeoutError cause=CancelledError inner.cancelled=true", "cancelling=0"), trace);
        assertEquals(1.5, loop.time(), 1e-9);
    }

    @Test
    void anInnerTaskThatSwallowsTheCancellationAndReturnsGivesItsValue() {
        // CPython 3.13: ['inner cancelled, returns 7', 'wait_for -> 7; cancelling=0']
        runMain(() -> {
            Task<Integer> inner = createTask(() -> {
                try {
                    sleep(10);
                } catch (CancelledError e) {
                    trace.add("inner cancelled, returns 7");
                    return 7;
                }
                return 0;
            });
            int r = waitFor(inner, 1.0);
            trace.add("wait_for -> " + r + "; cancelling=" + currentTask().cancelling());
            return null;
        });
        assertEquals(List.of("inner cancelled, returns 7", "wait_for -> 7; cancelling=0"), trace);
    }

    @Test
    void aCoroutineThatSwallowsTheCancellationReturnsItsValue() {
        // test_wait_for_cancel_suppressed (GH-86296)
        int r = runMain(() -> waitFor(() -> {
            try {
                sleep(10);
            } catch (CancelledError e) {
                return 42;
            }
            return 0;
        }, 0.1));
        assertEquals(42, r);
    }

    @Test
    void aCoroutineThatCatchesTheCancellationAndAwaitsAgainStillReturns() {
        // test_wait_for_cancellation_race_condition
        int r = runMain(() -> waitFor(() -> {
            assertThrows(CancelledError.class, () -> sleep(1));
            return 1;
        }, 0.01));
        assertEquals(1, r);
    }

    @Test
    void aNullTimeoutWaitsForever() {
        String r = runMain(() -> waitFor(() -> sleep(3600, "done"), null));
        assertEquals("done", r);
        assertEquals(3600, loop.time(), 1e-9);
    }

    @Test
    void zeroOrNegativeTimeoutReturnsTheResultOfADoneFuture() {
        runMain(() -> {
            Future<String> f = loop.createFuture();
            f.setResult("done");
            assertEquals("done", waitFor(f, 0.0));
            assertEquals("done", waitFor(f, -1.0));
            return null;
        });
    }

    @Test
    void zeroOrNegativeTimeoutNeverStartsACoroutine() {
        // CPython 3.13: ['TimeoutError cause=CancelledError started=False']
        for (double t : new double[] {0, -1}) {
            boolean[] started = {false};
            TimeoutError e = assertThrows(TimeoutError.class, () -> runMain(() -> waitFor(() -> {
                started[0] = true;
                return null;
            }, t)));
            assertInstanceOf(CancelledError.class, e.getCause());
            assertFalse(started[0]);
        }
    }

    @Test
    void zeroOrNegativeTimeoutCancelsAPendingTaskAndWaitsForIt() {
        // test_wait_for_timeout_less_then_0_or_0 and test_wait_for_waits_for_task_cancellation_w_timeout_0
        for (double t : new double[] {0, -1}) {
            trace.clear();
            runMain(() -> {
                Task<Object> inner = createTask(() -> {
                    trace.add("running");
                    try {
                        sleep(10);
                    } catch (CancelledError e) {
                        sleep(0.25);
                        trace.add("cleaned up");
                        throw e;
                    }
                    return null;
                });
                sleep(0);
                TimeoutError e = assertThrows(TimeoutError.class, () -> waitFor(inner, t));
                assertInstanceOf(CancelledError.class, e.getCause());
                assertTrue(inner.cancelled());
                trace.add("timeout");
                return null;
            });
            assertEquals(List.of("running", "cleaned up", "timeout"), trace);
        }
    }

    @Test
    void anExceptionRaisedByTheInnerWhileCancelledReplacesTheTimeout() {
        // test_wait_for_reraises_exception_during_cancellation
        class FooException extends RuntimeException {
        }
        assertThrows(FooException.class, () -> runMain(() -> {
            Task<Object> inner = createTask(() -> {
                try {
                    sleep(0.2);
                } finally {
                    throw new FooException();
                }
            });
            return waitFor(inner, 0.0001);
        }));
    }

    @Test
    void cancellingTheWaitCancelsTheInnerTask() {
        // test_cancel_wait_for and test_cancel_blocking_wait_for (Python issue #23219)
        for (Double timeout : new Double[] {null, 60.0}) {
            runMain(() -> {
                Task<Object> blocked = createTask(() -> await(loop.createFuture()));
                Task<Object> wait = createTask(() -> waitFor(blocked, timeout));
                loop.callSoon(wait::cancel);
                assertThrows(CancelledError.class, () -> await(wait));
                assertTrue(blocked.cancelled());
                return null;
            });
        }
    }

    @Test
    void cancellingTheWaitWhileTheInnerCleansUpWaitsForTheCleanup() {
        // test_asyncio_wait_for_cancelled: the inner ignores cancellations until it is done
        runMain(() -> {
            boolean[] exited = {false};
            Task<Object> wait = createTask(() -> waitFor(() -> {
                double end = loop.time() + 0.2;
                while (loop.time() < end) {
                    try {
                        sleep(end - loop.time());
                    } catch (CancelledError ignored) {
                        // a slow task
                    }
                }
                exited[0] = true;
                return null;
            }, 0.4));
            sleep(0);
            wait.cancel();
            org.asyncio4j.Asyncio.wait(List.of(wait));
            assertTrue(exited[0]);
            return null;
        });
    }

    @Test
    void aResultArrivingJustBeforeTheTimeoutIsReturned() {
        // test_wait_for_race_condition
        String r = runMain(() -> {
            Future<String> f = loop.createFuture();
            loop.callSoon(() -> f.setResult("ok"));
            return waitFor(f, 0.2);
        });
        assertEquals("ok", r);
    }

    @Test
    void aResultAndTheTimeoutInTheSameIterationGiveTimeoutErrorAndTheFutureKeepsItsResult() {
        // CPython 3.13: ['TimeoutError'], the future is not cancelled
        runMain(() -> {
            Future<String> f = loop.createFuture();
            loop.callAt(loop.time() + 1, () -> f.setResult("value"));
            assertThrows(TimeoutError.class, () -> waitFor(f, 1.0));
            assertEquals("value", f.result());
            return null;
        });
    }

    @Test
    void aForeignCancellationInTheIterationOfTheTimeoutStaysACancellation() {
        // CPython 3.13: ['outer cancel', 'CancelledError', 'w cancelled=True']
        runMain(() -> {
            Task<Object> w = ForeignCancellation.atTheDeadline(loop, trace, "outer cancel", () -> {
                waitFor(() -> sleep(10, null), 1.0);
                trace.add("returned");
                return null;
            });
            trace.add("w cancelled=" + w.cancelled());
            return null;
        });
        assertEquals(List.of("outer cancel", "CancelledError", "w cancelled=true"), trace);
    }

    @Test
    void aCancellationRightAfterTheInnerFinishedIsNotLost() {
        // test_wait_for_issue86296; CPython 3.13:
        // ['inner runs', 'wait_for returned done', 'cancel', 'wait_for_coro cancelled', 'task cancelled', 'inner result=done']
        runMain(() -> {
            Task<String> inner = createTask(() -> {
                trace.add("inner runs");
                return "done";
            });
            Task<Object> task = createTask(() -> {
                try {
                    String r = waitFor(inner, 100.0);
                    trace.add("wait_for returned " + r);
                    sleep(1);
                    trace.add("reached end");
                } catch (CancelledError e) {
                    trace.add("wait_for_coro cancelled");
                    throw e;
                }
                return null;
            });
            sleep(0);
            trace.add("cancel");
            task.cancel();
            assertThrows(CancelledError.class, () -> await(task));
            trace.add("task cancelled");
            trace.add("inner result=" + await(inner));
            return null;
        });
        assertEquals(List.of("inner runs", "wait_for returned done", "cancel", "wait_for_coro cancelled",
                "task cancelled", "inner result=done"), trace);
    }

    @Test
    void theInnerExceptionPropagates() {
        IllegalStateException boom = new IllegalStateException("boom");
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> runMain(() -> waitFor(() -> {
            sleep(0.1);
            throw boom;
        }, 1.0)));
        assertSame(boom, e);
    }

    @Test
    void aShieldedTaskKeepsRunningAfterTheTimeout() {
        // WaitForShieldTests.test_shielded_timeout, test_zero_timeout and test_none_timeout
        runMain(() -> {
            Task<String> task = createTask(() -> sleep(0.1, "done"));
            assertThrows(TimeoutError.class, () -> waitFor(shield(task), 0.01));
            assertFalse(task.done());
            assertEquals("done", await(task));

            Task<String> task2 = createTask(() -> sleep(0.01, "done"));
            Future<String> shielded = shield(task2);
            assertThrows(TimeoutError.class, () -> waitFor(shielded, 0.0));
            assertFalse(task2.done());
            assertTrue(shielded.cancelled());
            sleep(0.1);
            assertTrue(task2.done());

            Task<String> task3 = createTask(() -> sleep(0.1, "done"));
            assertEquals("done", waitFor(shield(task3), null));
            return null;
        });
    }

    @Test
    void aNaNTimeoutIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> runMain(() -> waitFor(() -> 1, Double.NaN)));
        assertTrue(e.getMessage().contains("NaN"));
    }

    @Test
    void waitForOutsideACoroutineIsAClearError() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> waitFor(() -> 1, 1.0));
        assertTrue(e.getMessage().contains("inside a coroutine body"), e.getMessage());
    }
}
