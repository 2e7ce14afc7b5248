package org.asyncio4j.tests.compose;

import static org.asyncio4j.Asyncio.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.asyncio4j.CancelledError;
import org.asyncio4j.ExceptionGroup;
import org.asyncio4j.Future;
import org.asyncio4j.Task;
import org.asyncio4j.Timeout;
import org.asyncio4j.TimeoutError;
import org.asyncio4j.tests.LoopTest;
import org.junit.jupiter.api.Test;

/** timeout/timeoutAt: CPython 3.13's timeouts.py (test_timeouts.py and traces of CPython 3.13 scenarios). */
class TimeoutTest extends LoopTest {
    private final List<String> trace = new ArrayList<>();
    private final Timeout[] cm = new Timeout[2];

    @Test
    void anExpiredBlockRaisesTimeoutErrorCausedByTheCancellation() {
        runMain(() -> {
            TimeoutError e = assertThrows(TimeoutError.class, () -> timeout(0.01, t -> {
                cm[0] = t;
                return sleep(10, null);
            }));
            assertInstanceOf(CancelledError.class, e.getCause());
            assertTrue(cm[0].expired());
            assertEquals(0, currentTask().cancelling());
            return null;
        });
        assertEquals(0.01, loop.time(), 1e-9);
    }

    @Test
    void timeoutAtUsesAnAbsoluteDeadline() {
        runMain(() -> {
            double deadline = loop.time() + 0.01;
            assertThrows(TimeoutError.class, () -> timeoutAt(deadline, t -> {
                cm[0] = t;
                return sleep(10, null);
            }));
            assertTrue(cm[0].expired());
            assertEquals(deadline, cm[0].when());
            return null;
        });
    }

    @Test
    void theBlockSeesACancelledErrorAtItsAwait() {
        // test_waiter_cancelled
        runMain(() -> {
            assertThrows(TimeoutError.class, () -> timeout(0.01, () -> {
                try {
                    sleep(10);
                } catch (CancelledError e) {
                    trace.add("cancelled");
                    throw e;
                }
                return null;
            }));
            return null;
        });
        assertEquals(List.of("cancelled"), trace);
    }

    @Test
    void aBlockDoneInTimeReturnsItsResultAndDoesNotExpire() {
        runMain(() -> {
            String r = timeout(10.0, t -> {
                cm[0] = t;
                return sleep(0.01, "r");
            });
            assertEquals("r", r);
            assertFalse(cm[0].expired());
            assertTrue(cm[0].when() > loop.time());
            assertEquals("<Timeout [finished]>", cm[0].toString());
            return null;
        });
    }

    @Test
    void aNullDelayOrDeadlineNeverExpires() {
        runMain(() -> {
            timeout(null, t -> {
                cm[0] = t;
                assertEquals("<Timeout [active] when=None>", t.toString());
                return sleep(0.01, null);
            });
            timeoutAt(null, t -> {
                cm[1] = t;
                return sleep(0.01, null);
            });
            for (Timeout t : cm) {
                assertFalse(t.expired());
                assertNull(t.when());
            }
            return null;
        });
    }

    @Test
    void aZeroOrPastTimeoutFiresOnTheNextIteration() {
        // test_timeout_zero, test_timeout_zero_sleep_zero, test_timeout_in_the_past_sleep_zero
        runMain(() -> {
            for (double delay : new double[] {0, -11}) {
                for (double nap : new double[] {10, 0}) {
                    double t0 = loop.time();
                    assertThrows(TimeoutError.class, () -> timeout(delay, t -> {
                        cm[0] = t;
                        return sleep(nap, null);
                    }));
                    assertTrue(cm[0].expired());
                    assertEquals(t0 + delay, cm[0].when(), 1e-9);
                    assertEquals(t0, loop.time(), 1e-9);
                }
            }
            return null;
        });
    }

    @Test
    void anotherExceptionPassesThroughAnUnexpiredTimeout() {
        runMain(() -> {
            assertThrows(IllegalArgumentException.class, () -> timeout(0.01, t -> {
                cm[0] = t;
                throw new IllegalArgumentException("key");
            }));
            assertFalse(cm[0].expired());
            return null;
        });
    }

    @Test
    void anotherExceptionRaisedWhileExpiringReplacesTheTimeout() {
        // test_foreign_exception_on_timeout: the crash in the inner cleanup wins
        runMain(() -> {
            assertThrows(ArithmeticException.class, () -> timeout(0.01, () -> {
                try {
                    sleep(1);
                } finally {
                    trace.add("cleanup " + (1 / trace.size()));
                }
                return null;
            }));
            assertEquals(0, currentTask().cancelling());
            return null;
        });
    }

    @Test
    void aForeignCancellationIsNotTurnedIntoTimeoutError() {
        // test_foreign_cancel_doesnt_timeout_if_not_expired and the CPython trace
        // ['CancelledError expired=False', 'task cancelled']
        runMain(() -> {
            assertThrows(CancelledError.class, () -> timeout(10.0, t -> {
                cm[0] = t;
                currentTask().cancel();
                return sleep(10, null);
            }));
            assertFalse(cm[0].expired());
            currentTask().uncancel();

            Task<Object> t = createTask(() -> {
                try {
                    timeout(10.0, tm -> {
                        cm[1] = tm;
                        return sleep(100, null);
                    });
                } catch (CancelledError e) {
                    trace.add("CancelledError expired=" + cm[1].expired());
                    throw e;
                }
                return null;
            });
            sleep(1);
            t.cancel();
            assertThrows(CancelledError.class, () -> await(t));
            trace.add("task cancelled");
            return null;
        });
        assertEquals(List.of("CancelledError expired=false", "task cancelled"), trace);
    }

    @Test
    void aForeignCancellationInTheIterationOfTheExpiryStaysACancellation() {
        // CPython 3.13: ['foreign cancel', 'CancelledError', 'task cancelled, cancelling=1']
        runMain(() -> {
            Task<Object> t = ForeignCancellation.atTheDeadline(loop, trace, "foreign cancel",
                    () -> timeout(1.0, () -> sleep(10, null)));
            trace.add("task cancelled, cancelling=" + t.cancelling());
            return null;
        });
        assertEquals(List.of("foreign cancel", "CancelledError", "task cancelled, cancelling=1"), trace);
    }

    @Test
    void theTaskRunningAnExpiredTimeoutIsNotCancelled() {
        // test_outer_task_is_not_cancelled
        runMain(() -> {
            Task<Object> task = createTask(() -> {
                assertThrows(TimeoutError.class, () -> timeout(0.001, () -> sleep(10, null)));
                return null;
            });
            await(task);
            assertFalse(task.cancelled());
            assertTrue(task.done());
            return null;
        });
    }

    @Test
    void anInnerTimeoutThatFiresIsCaughtInsideTheOuterOne() {
        // CPython 3.13: ['inner TimeoutError at 1.0 outer.expired=False inner.expired=True', 'outer block done at 3.0', 'cancelling=0']
        runMain(() -> {
            double t0 = loop.time();
            timeout(10.0, outer -> {
                try {
                    timeout(1.0, inner -> {
                        cm[1] = inner;
                        return sleep(5, null);
                    });
                } catch (TimeoutError e) {
                    trace.add("inner TimeoutError at " + (loop.time() - t0) + " outer.expired=" + outer.expired()
                            + " inner.expired=" + cm[1].expired());
                }
                sleep(2);
                trace.add("outer block done at " + (loop.time() - t0));
                return null;
            });
            trace.add("cancelling=" + currentTask().cancelling());
            return null;
        });
        assertEquals(List.of("inner TimeoutError at 1.0 outer.expired=false inner.expired=true",
                "outer block done at 3.0", "cancelling=0"), trace);
    }

    @Test
    void anOuterTimeoutThatFiresPassesThroughTheInnerOne() {
        // CPython 3.13: ['inner block sees CancelledError at 1.0', 'outer TimeoutError outer.expired=True inner.expired=False', 'cancelling=0']
        runMain(() -> {
            double t0 = loop.time();
            try {
                timeout(1.0, outer -> {
                    cm[0] = outer;
                    try {
                        return timeout(10.0, inner -> {
                            cm[1] = inner;
                            return sleep(5, null);
                        });
                    } catch (TimeoutError e) {
                        trace.add("inner TimeoutError");
                        return null;
                    } catch (CancelledError e) {
                        trace.add("inner block sees CancelledError at " + (loop.time() - t0));
                        throw e;
                    }
                });
            } catch (TimeoutError e) {
                trace.add("outer TimeoutError outer.expired=" + cm[0].expired() + " inner.expired=" + cm[1].expired());
            }
            trace.add("cancelling=" + currentTask().cancelling());
            return null;
        });
        assertEquals(List.of("inner block sees CancelledError at 1.0",
                "outer TimeoutError outer.expired=true inner.expired=false", "cancelling=0"), trace);
    }

    @Test
    void whenNestedTimeoutsExpireTogetherOnlyTheOutermostRaises() {
        // test_nested_timeouts; CPython 3.13: ['inner let CancelledError through', 'outer TimeoutError True True', 'cancelling=0']
        runMain(() -> {
            double deadline = loop.time() + 1;
            try {
                timeoutAt(deadline, t1 -> {
                    cm[0] = t1;
                    try {
                        return timeoutAt(deadline, t2 -> {
                            cm[1] = t2;
                            return sleep(10, null);
                        });
                    } catch (CancelledError e) {
                        trace.add("inner let CancelledError through");
                        throw e;
                    }
                });
            } catch (TimeoutError e) {
                trace.add("outer TimeoutError " + cm[0].expired() + " " + cm[1].expired());
            }
            trace.add("cancelling=" + currentTask().cancelling());
            return null;
        });
        assertEquals(List.of("inner let CancelledError through", "outer TimeoutError true true", "cancelling=0"), trace);
    }

    @Test
    void whenTheLoopWasBusyTheOuterTimeoutStillRaises() {
        // test_nested_timeouts_concurrent and test_nested_timeouts_loop_busy (the busy loop is a clock jump);
        // CPython 3.13: ['inner CancelledError', 'outer TimeoutError True True cancelling=0']
        runMain(() -> {
            double t0 = loop.time();
            try {
                timeout(0.1, outer -> {
                    cm[0] = outer;
                    try {
                        timeout(0.01, inner -> {
                            cm[1] = inner;
                            clock.advance(0.1);
                            return sleep(1, null);
                        });
                    } catch (TimeoutError e) {
                        trace.add("inner TimeoutError");
                    } catch (CancelledError e) {
                        trace.add("inner CancelledError");
                        throw e;
                    }
                    return sleep(10, null);
                });
            } catch (TimeoutError e) {
                trace.add("outer TimeoutError " + cm[0].expired() + " " + cm[1].expired()
                        + " cancelling=" + currentTask().cancelling());
            }
            assertTrue(loop.time() - t0 < 1);
            return null;
        });
        assertEquals(List.of("inner CancelledError", "outer TimeoutError true true cancelling=0"), trace);
    }

    @Test
    void aBlockThatSwallowsTheCancellationEndsNormally() {
        // CPython 3.13: ['swallowed', 'after block expired=True cancelling=0 repr=<Timeout [expired]>']
        runMain(() -> {
            timeout(1.0, t -> {
                cm[0] = t;
                try {
                    sleep(10);
                } catch (CancelledError e) {
                    trace.add("swallowed");
                }
                return null;
            });
            trace.add("after block expired=" + cm[0].expired() + " cancelling=" + currentTask().cancelling()
                    + " repr=" + cm[0]);
            return null;
        });
        assertEquals(List.of("swallowed", "after block expired=true cancelling=0 repr=<Timeout [expired]>"), trace);
    }

    @Test
    void rescheduleMovesTheDeadline() {
        // CPython 3.13 trace: ['TimeoutError at 2.5']
        runMain(() -> {
            double t0 = loop.time();
            try {
                timeout(1.0, t -> {
                    sleep(0.5);
                    t.reschedule(loop.time() + 2);
                    return sleep(10, null);
                });
            } catch (TimeoutError e) {
                trace.add("TimeoutError at " + (loop.time() - t0));
            }
            return null;
        });
        assertEquals(List.of("TimeoutError at 2.5"), trace);
    }

    @Test
    void rescheduleFromAnotherTaskAndDisabling() {
        // test_reschedule
        runMain(() -> {
            Future<Timeout> fut = loop.createFuture();
            double deadline1 = loop.time() + 10;
            double deadline2 = deadline1 + 20;
            Task<Object> task = createTask(() -> timeoutAt(deadline1, t -> {
                fut.setResult(t);
                return sleep(50, null);
            }));
            Timeout t = await(fut);
            assertEquals(deadline1, t.when());
            assertTrue(t.toString().matches("<Timeout \\[active] when=\\d+\\.\\d{3}>"), t.toString());
            t.reschedule(deadline2);
            assertEquals(deadline2, t.when());
            t.reschedule(null);
            assertNull(t.when());
            task.cancel();
            assertThrows(CancelledError.class, () -> await(task));
            assertFalse(t.expired());
            return null;
        });
    }

    @Test
    void rescheduleOfAFinishedExpiredOrExpiringTimeoutIsAnError() {
        runMain(() -> {
            timeout(0.01, t -> cm[0] = t);
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> cm[0].reschedule(0.02));
            assertTrue(e.getMessage().contains("finished"), e.getMessage());

            assertThrows(TimeoutError.class, () -> timeout(0.01, t -> {
                cm[1] = t;
                return sleep(1, null);
            }));
            e = assertThrows(IllegalStateException.class, () -> cm[1].reschedule(0.02));
            assertTrue(e.getMessage().contains("expired"), e.getMessage());
            assertEquals("<Timeout [expired]>", cm[1].toString());

            timeout(0.01, t -> {
                assertThrows(CancelledError.class, () -> sleep(1));
                IllegalStateException e2 = assertThrows(IllegalStateException.class, () -> t.reschedule(0.02));
                assertTrue(e2.getMessage().contains("expiring"), e2.getMessage());
                return null;
            });
            return null;
        });
    }

    @Test
    void aTimeoutInAFinallyBlockOfAnExpiredTimeoutRaisesBoth() {
        // test_nested_timeout_in_finally
        runMain(() -> {
            TimeoutError outer = assertThrows(TimeoutError.class, () -> timeout(0.01, () -> {
                try {
                    sleep(1);
                } finally {
                    TimeoutError inner = assertThrows(TimeoutError.class, () -> timeout(0.01, () -> sleep(10, null)));
                    assertInstanceOf(CancelledError.class, inner.getCause());
                    trace.add("inner TimeoutError");
                }
                return null;
            }));
            assertInstanceOf(CancelledError.class, outer.getCause());
            assertEquals(0, currentTask().cancelling());
            return null;
        });
        assertEquals(List.of("inner TimeoutError"), trace);
    }

    @Test
    void aTimeoutAfterACaughtCancellationStillWorks() {
        // test_timeout_after_cancellation and test_cancel_in_timeout_after_cancellation
        runMain(() -> {
            try {
                currentTask().cancel();
                sleep(1);
            } catch (CancelledError e) {
                trace.add("cancelled");
            } finally {
                assertThrows(TimeoutError.class, () -> timeout(0.0, () -> sleep(1, null)));
                assertThrows(CancelledError.class, () -> timeout(1.0, () -> {
                    currentTask().cancel();
                    return sleep(2, null);
                }));
            }
            return null;
        });
        assertEquals(List.of("cancelled"), trace);
    }

    @Test
    void aTimeoutAroundATaskGroupCancelsItsChildrenAndRaisesTimeoutError() {
        // CPython 3.13 (children in creation order here): [... 'TimeoutError at 1.0 cancelling=0']
        runMain(() -> {
            double t0 = loop.time();
            try {
                timeout(1.0, () -> taskGroup(tg -> {
                    for (int i = 1; i <= 2; i++) {
                        int n = i;
                        tg.createTask(() -> {
                            try {
                                return sleep(10, null);
                            } catch (CancelledError e) {
                                trace.add("child " + n + " cancelled at " + (loop.time() - t0));
                                throw e;
                            }
                        });
                    }
                    return null;
                }));
            } catch (TimeoutError e) {
                trace.add("TimeoutError at " + (loop.time() - t0) + " cancelling=" + currentTask().cancelling());
            }
            return null;
        });
        assertEquals(List.of("child 1 cancelled at 1.0", "child 2 cancelled at 1.0", "TimeoutError at 1.0 cancelling=0"), trace);
    }

    @Test
    void aChildCrashingInItsCleanupAfterTheTimeoutGivesAnExceptionGroup() {
        // test_timeout_taskgroup (without Python's exception context chain)
        runMain(() -> {
            ExceptionGroup eg = assertThrows(ExceptionGroup.class, () -> timeout(0.01, () -> taskGroup(tg -> {
                tg.createTask(() -> {
                    try {
                        sleep(2);
                    } finally {
                        trace.add("crash " + (1 / trace.size()));
                    }
                    return null;
                });
                try {
                    throw new IllegalArgumentException("value");
                } finally {
                    sleep(1);
                }
            })));
            assertEquals(1, eg.exceptions().size());
            assertInstanceOf(ArithmeticException.class, eg.exceptions().get(0));
            assertEquals(0, currentTask().cancelling());
            return null;
        });
    }

    @Test
    void timeoutOutsideACoroutineIsAClearError() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> timeout(1.0, () -> null));
        assertTrue(e.getMessage().contains("running event loop"), e.getMessage());
        loop.callSoon(() -> {
            IllegalStateException e2 = assertThrows(IllegalStateException.class, () -> timeout(1.0, () -> null));
            trace.add(e2.getMessage());
            loop.stop();
        });
        loop.runForever();
        assertTrue(trace.get(0).contains("not in a task's body") || trace.get(0).contains("outside a coroutine"), trace.get(0));
    }

    @Test
    void aTimeoutIsAnAsyncContextManagerEnteredOnce() {
        // test_timeout_basic with async with; test_timeout_already_entered, test_timeout_double_enter,
        // test_timeout_not_entered
        runMain(() -> {
            Timeout t = timeout(0.01);
            IllegalStateException notEntered = assertThrows(IllegalStateException.class, () -> t.reschedule(0.02));
            assertTrue(notEntered.getMessage().contains("has not been entered"), notEntered.getMessage());
            assertEquals("<Timeout [created]>", t.toString());
            TimeoutError e = assertThrows(TimeoutError.class, () -> asyncWith(t, cm -> {
                IllegalStateException again = assertThrows(IllegalStateException.class, cm::aenter);
                assertTrue(again.getMessage().contains("has already been entered"), again.getMessage());
                return sleep(10, null);
            }));
            assertInstanceOf(CancelledError.class, e.getCause());
            assertTrue(t.expired());
            IllegalStateException twice = assertThrows(IllegalStateException.class, () -> asyncWith(t, cm -> null));
            assertTrue(twice.getMessage().contains("has already been entered"), twice.getMessage());
            IllegalStateException exited = assertThrows(IllegalStateException.class, () -> t.aexit(null));
            assertTrue(exited.getMessage().contains("has already exited"), exited.getMessage());

            double deadline = loop.time() + 5;
            Timeout at = timeoutAt(deadline);
            assertEquals("done", asyncWith(at, cm -> sleep(1, "done")));
            assertEquals(deadline, at.when());
            assertFalse(at.expired());
            assertEquals(0, currentTask().cancelling());
            return null;
        });
    }

    @Test
    void timeoutNeedsARunningLoopAndATask() {
        // test_timeout_without_task
        assertThrows(IllegalStateException.class, () -> timeout(1.0));
        Timeout t = timeoutAt(null);
        assertThrows(IllegalStateException.class, t::aenter);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> t.reschedule(0.02));
        assertTrue(e.getMessage().contains("has not been entered"), e.getMessage());
    }
}
