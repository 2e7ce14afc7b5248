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
import java.util.Set;
import java.util.stream.Collectors;
import org.asyncio4j.CancelledError;
import org.asyncio4j.Coroutine;
import org.asyncio4j.ExceptionGroup;
import org.asyncio4j.Task;
import org.asyncio4j.TaskGroup;
import org.asyncio4j.tests.LoopTest;
import org.junit.jupiter.api.Test;

/**
 * TaskGroup: CPython's taskgroups.py (test_taskgroups.py ported, traces of CPython 3.13 scenarios; cancel() as in
 * CPython main, traced with a local emulation on 3.13). CPython keeps the children in a set, so where several
 * children are cancelled at once their order may differ there; here it is creation order.
 */
class TaskGroupTest extends LoopTest {
    private final List<String> trace = new ArrayList<>();
    private int num;

    private static Set<Class<?>> errorTypes(ExceptionGroup eg) {
        return eg.exceptions().stream().map(Object::getClass).collect(Collectors.toSet());
    }

    private static Coroutine<Object> crashAfter(double delay) {
        return () -> {
            sleep(delay);
            throw new IllegalArgumentException("crash after " + delay);
        };
    }

    private static Coroutine<Object> divideByZeroAfter(double delay) {
        return () -> {
            sleep(delay);
            return 1 / 0;
        };
    }

    /** Sleeps {@code delay} seconds in the current body; if cancelled meanwhile, records {@code event} and re-raises. */
    private Object sleepRecordingCancellation(double delay, String event) throws Exception {
        try {
            return sleep(delay, null);
        } catch (CancelledError e) {
            trace.add(event);
            throw e;
        }
    }

    /** A child that sleeps 10 s; if cancelled, records {@code event} and re-raises. */
    private Coroutine<Object> childRecordingCancellation(String event) {
        return () -> sleepRecordingCancellation(10, event);
    }

    /**
     * A child that sleeps 10 s; if cancelled, records "child cancelled", cleans up for 0.5 s, records
     * "child cleanup done" and re-raises.
     */
    private Coroutine<Object> childWithSlowCleanup() {
        return () -> {
            try {
                return sleep(10, null);
            } catch (CancelledError e) {
                trace.add("child cancelled");
                sleep(0.5);
                trace.add("child cleanup done");
                throw e;
            }
        };
    }

    /**
     * Runs {@code body} as a task from the main task, which cancels it at 0.1 s (recording "external cancel"), awaits
     * its CancelledError and records "task cancelled=...".
     */
    private void runCancelledFromOutside(Coroutine<Object> body) {
        runMain(() -> {
            Task<Object> t = createTask(body);
            sleep(0.1);
            trace.add("external cancel");
            t.cancel();
            assertThrows(CancelledError.class, () -> await(t));
            trace.add("task cancelled=" + t.cancelled());
            return null;
        });
    }

    /** A child that sleeps 10 s and divides by zero in its finally block, so cancelling it makes it fail. */
    private Coroutine<Object> childFailingInItsCleanup() {
        return () -> {
            try {
                return sleep(10, null);
            } finally {
                num = 1 / 0;
            }
        };
    }

    private Coroutine<Object> countCancellation(double delay, int points) {
        return () -> {
            try {
                return sleep(delay, null);
            } catch (CancelledError e) {
                num += points;
                throw e;
            }
        };
    }

    @Test
    void theGroupWaitsForAllChildren() {
        // test_taskgroup_01, test_taskgroup_02
        runMain(() -> {
            Task<?>[] t = new Task<?>[2];
            taskGroup(g -> {
                t[0] = g.createTask(() -> sleep(0.1, 42));
                sleep(0.15);
                t[1] = g.createTask(() -> sleep(0.2, 11));
                return null;
            });
            assertEquals(42, t[0].result());
            assertEquals(11, t[1].result());
            assertEquals(0.35, loop.time(), 1e-9);
            return null;
        });
    }

    @Test
    void theBlockResultIsReturned() {
        assertEquals("r", runMain(() -> taskGroup(g -> {
            g.createTask(() -> sleep(0.1, null));
            return "r";
        })));
    }

    @Test
    void aChildCancelledExplicitlyDoesNotDisturbTheOthers() {
        // test_taskgroup_03
        runMain(() -> {
            Task<?>[] t = new Task<?>[2];
            taskGroup(g -> {
                t[0] = g.createTask(() -> sleep(1, 42));
                sleep(0.15);
                t[0].cancel();
                t[1] = g.createTask(() -> sleep(0.2, 11));
                return null;
            });
            assertTrue(t[0].cancelled());
            assertEquals(11, t[1].result());
            return null;
        });
    }

    @Test
    void aChildFailureCancelsTheSiblingsAndTheBlockAndRaisesAnExceptionGroup() {
        // CPython 3.13 (one sibling): ['a raises at 1.0', 'b raises at 1.0', 'sibling cancelled at 1.0',
        //  'body cancelled at 1.0', 'sibling cleanup done', "ExceptionGroup ['a', 'b'] at 1.5 cancelling=0"]
        runMain(() -> {
            double t0 = loop.time();
            try {
                taskGroup(g -> {
                    for (String n : new String[] {"a", null, "b"}) {
                        if (n == null) {
                            g.createTask(() -> {
                                try {
                                    return sleep(10, null);
                                } catch (CancelledError e) {
                                    trace.add("sibling cancelled at " + (loop.time() - t0));
                                    sleep(0.5);
                                    trace.add("sibling cleanup done");
                                    throw e;
                                }
                            });
                        } else {
                            g.createTask(() -> {
                                sleep(1);
                                trace.add(n + " raises at " + (loop.time() - t0));
                                throw new IllegalArgumentException(n);
                            });
                        }
                    }
                    try {
                        return sleep(10, null);
                    } catch (CancelledError e) {
                        trace.add("body cancelled at " + (loop.time() - t0));
                        throw e;
                    }
                });
            } catch (ExceptionGroup eg) {
                trace.add("ExceptionGroup " + eg.exceptions().stream().map(Throwable::getMessage).toList() + " at "
                        + (loop.time() - t0) + " cancelling=" + currentTask().cancelling());
                assertEquals("unhandled errors in a TaskGroup", eg.message());
                assertEquals("unhandled errors in a TaskGroup (2 sub-exceptions)", eg.getMessage());
            }
            return null;
        });
        assertEquals(List.of("a raises at 1.0", "b raises at 1.0", "sibling cancelled at 1.0", "body cancelled at 1.0",
                "sibling cleanup done", "ExceptionGroup [a, b] at 1.5 cancelling=0"), trace);
    }

    @Test
    void siblingsAreCancelledAndTheCodeAfterTheGroupDoesNotRun() {
        // test_taskgroup_04 and test_cancel_children_on_child_error
        boolean[] runnerCancelled = {false};
        ExceptionGroup eg = assertThrows(ExceptionGroup.class, () -> runMain(() -> {
            Task<Object> runner = createTask(() -> {
                taskGroup(g -> {
                    g.createTask(divideByZeroAfter(0.1));
                    g.createTask(divideByZeroAfter(0.1));
                    g.createTask(divideByZeroAfter(0.1));
                    g.createTask(countCancellation(5, 0));
                    try {
                        return sleep(10, null);
                    } catch (CancelledError e) {
                        runnerCancelled[0] = true;
                        throw e;
                    }
                });
                num += 10;
                return null;
            });
            return await(runner);
        }));
        assertEquals(Set.of(ArithmeticException.class), errorTypes(eg));
        assertEquals(3, eg.exceptions().size());
        assertEquals(0, num);
        assertTrue(runnerCancelled[0]);
    }

    @Test
    void aBlockFailureCancelsTheChildren() {
        // test_taskgroup_09, test_taskgroup_10; CPython 3.13: ['1 cancelled', '2 cancelled', 'EG ["KeyError(\'body\')"]']
        runMain(() -> {
            Task<?>[] t = new Task<?>[2];
            ExceptionGroup eg = assertThrows(ExceptionGroup.class, () -> taskGroup(g -> {
                for (int i = 0; i < 2; i++) {
                    int n = i + 1;
                    t[i] = g.createTask(childRecordingCancellation(n + " cancelled"));
                }
                sleep(0);
                throw new IllegalStateException("body");
            }));
            assertEquals(List.of(IllegalStateException.class), eg.exceptions().stream().map(Object::getClass).toList());
            assertTrue(t[0].cancelled());
            assertTrue(t[1].cancelled());

            ExceptionGroup eg2 = assertThrows(ExceptionGroup.class, () -> taskGroup(g -> {
                t[0] = g.createTask(() -> sleep(1, 42));
                throw new ArithmeticException("at once");
            }));
            assertEquals(Set.of(ArithmeticException.class), errorTypes(eg2));
            assertTrue(t[0].cancelled());
            return null;
        });
        assertEquals(List.of("1 cancelled", "2 cancelled"), trace);
    }

    @Test
    void cancellingTheTaskCancelsTheBlockThenTheChildrenAndRaisesCancelledError() {
        // test_cancellation, test_taskgroup_07, test_taskgroup_22; CPython 3.13 trace: ['body cancelled', '1 cancelled', '2 cancelled', 'runner cancelled=True']
        runMain(() -> {
            Task<Object> r = createTask(() -> taskGroup(g -> {
                for (int i = 1; i <= 2; i++) {
                    int n = i;
                    g.createTask(childRecordingCancellation(n + " cancelled"));
                }
                for (int i = 0; i < 3; i++) {
                    g.createTask(countCancellation(5, 1));
                }
                try {
                    return sleep(10, null);
                } catch (CancelledError e) {
                    trace.add("body cancelled");
                    num += 10;
                    throw e;
                }
            }));
            sleep(1);
            assertFalse(r.done());
            r.cancel();
            assertThrows(CancelledError.class, () -> await(r));
            trace.add("runner cancelled=" + r.cancelled());
            return null;
        });
        assertEquals(List.of("body cancelled", "1 cancelled", "2 cancelled", "runner cancelled=true"), trace);
        assertEquals(13, num);
    }

    @Test
    void cancellingTheTaskOfAnEmptyGroupRaisesCancelledError() {
        // test_taskgroup_17
        runMain(() -> {
            Task<Object> r = createTask(() -> taskGroup(g -> countCancellation(10, 10).call()));
            sleep(0.1);
            r.cancel();
            assertThrows(CancelledError.class, () -> await(r));
            assertEquals(10, num);
            return null;
        });
    }

    @Test
    void childrenCrashingWhenCancelledFromOutsideGiveAnExceptionGroup() {
        // test_taskgroup_08
        runMain(() -> {
            Task<Object> r = createTask(() -> taskGroup(g -> {
                for (int i = 0; i < 5; i++) {
                    g.createTask(childFailingInItsCleanup());
                }
                return sleep(10, null);
            }));
            sleep(0.1);
            r.cancel();
            ExceptionGroup eg = assertThrows(ExceptionGroup.class, () -> await(r));
            assertEquals(Set.of(ArithmeticException.class), errorTypes(eg));
            assertEquals(5, eg.exceptions().size());
            return null;
        });
    }

    @Test
    void nestedGroupsCancelledFromOutsideNestTheirExceptionGroups() {
        // test_taskgroup_11 and test_taskgroup_12
        for (boolean outerChild : new boolean[] {false, true}) {
            runMain(() -> {
                Task<Object> r = createTask(() -> taskGroup(g1 -> {
                    if (outerChild) {
                        g1.createTask(() -> sleep(10, null));
                    }
                    return taskGroup(g2 -> {
                        for (int i = 0; i < 5; i++) {
                            g2.createTask(childFailingInItsCleanup());
                        }
                        return sleep(10, null);
                    });
                }));
                sleep(0.1);
                r.cancel();
                ExceptionGroup eg = assertThrows(ExceptionGroup.class, () -> await(r));
                assertEquals(Set.of(ExceptionGroup.class), errorTypes(eg));
                assertEquals(Set.of(ArithmeticException.class), errorTypes((ExceptionGroup) eg.exceptions().get(0)));
                return null;
            });
        }
    }

    @Test
    void aCrashInTheOuterGroupCancelsTheInnerOne() {
        // test_taskgroup_13 and test_taskgroup_14
        runMain(() -> {
            ExceptionGroup eg = assertThrows(ExceptionGroup.class, () -> taskGroup(g1 -> {
                g1.createTask(crashAfter(0.1));
                return taskGroup(g2 -> g2.createTask(crashAfter(10)));
            }));
            assertEquals(Set.of(IllegalArgumentException.class), errorTypes(eg));

            ExceptionGroup eg2 = assertThrows(ExceptionGroup.class, () -> taskGroup(g1 -> {
                g1.createTask(crashAfter(10));
                return taskGroup(g2 -> g2.createTask(crashAfter(0.1)));
            }));
            assertEquals(Set.of(ExceptionGroup.class), errorTypes(eg2));
            assertEquals(Set.of(IllegalArgumentException.class), errorTypes((ExceptionGroup) eg2.exceptions().get(0)));
            return null;
        });
    }

    @Test
    void aChildCrashDuringTheCleanupOfAnOuterCancellationWins() {
        // test_taskgroup_15 and test_taskgroup_16
        for (boolean nested : new boolean[] {false, true}) {
            runMain(() -> {
                Coroutine<Object> group = () -> taskGroup(g -> {
                    g.createTask(divideByZeroAfter(0.3));
                    try {
                        return sleep(10, null);
                    } catch (CancelledError e) {
                        sleep(0.5);
                        throw e;
                    }
                });
                Task<Object> r = createTask(nested ? () -> await(createTask(group)) : group);
                sleep(0.1);
                assertFalse(r.done());
                r.cancel();
                ExceptionGroup eg = assertThrows(ExceptionGroup.class, () -> await(r));
                assertEquals(Set.of(ArithmeticException.class), errorTypes(eg));
                return null;
            });
        }
    }

    @Test
    void anExceptionRaisedByTheBlockWhenCancelledJoinsTheGroup() {
        // test_taskgroup_18 and test_taskgroup_19
        class MyExc extends RuntimeException {
        }
        runMain(() -> {
            Task<Object> r = createTask(() -> taskGroup(g -> {
                try {
                    return sleep(10, null);
                } catch (CancelledError e) {
                    num += 10;
                    throw new MyExc();
                }
            }));
            sleep(0.1);
            r.cancel();
            ExceptionGroup eg = assertThrows(ExceptionGroup.class, () -> await(r));
            assertEquals(Set.of(MyExc.class), errorTypes(eg));
            assertEquals(10, num);

            ExceptionGroup eg2 = assertThrows(ExceptionGroup.class, () -> taskGroup(g -> {
                g.createTask(divideByZeroAfter(0.1));
                try {
                    return sleep(10, null);
                } finally {
                    throw new MyExc();
                }
            }));
            assertEquals(List.of(ArithmeticException.class, MyExc.class),
                    eg2.exceptions().stream().map(Object::getClass).toList());
            return null;
        });
    }

    @Test
    void childrenMayCreateTasksInTheirGroup() {
        // test_taskgroup_24 and test_taskgroup_25
        runMain(() -> {
            taskGroup(g -> g.createTask(() -> {
                sleep(0.1);
                g.createTask(() -> sleep(0.1, null));
                g.createTask(() -> sleep(0.2, null));
                return null;
            }));
            assertEquals(0.3, loop.time(), 1e-9);

            class Hydra {
                Coroutine<Object> hydra(TaskGroup g) {
                    return () -> {
                        num++;
                        sleep(0.01);
                        g.createTask(hydra(g));
                        g.createTask(hydra(g));
                        return null;
                    };
                }
            }
            ExceptionGroup eg = assertThrows(ExceptionGroup.class, () -> taskGroup(g -> {
                g.createTask(new Hydra().hydra(g));
                g.createTask(() -> {
                    while (num < 10) {
                        sleep(0.015);
                    }
                    return 1 / 0;
                });
                return null;
            }));
            assertEquals(Set.of(ArithmeticException.class), errorTypes(eg));
            assertTrue(num >= 10);
            return null;
        });
    }

    @Test
    void childTasksCanBeNamed() {
        runMain(() -> taskGroup(g -> {
            Task<Object> t = g.createTask(() -> sleep(0, null), "yolo");
            assertEquals("yolo", t.getName());
            return null;
        }));
    }

    @Test
    void noTaskCanBeCreatedOnceTheGroupIsShuttingDownOrFinished() {
        // test_taskgroup_no_create_task_after_failure and test_taskgroup_finished
        runMain(() -> {
            ExceptionGroup eg = assertThrows(ExceptionGroup.class, () -> taskGroup(g -> {
                g.createTask(divideByZeroAfter(0.001));
                g.createTask(() -> {
                    try {
                        return sleep(1, null);
                    } catch (CancelledError e) {
                        IllegalStateException ise = assertThrows(IllegalStateException.class,
                                () -> g.createTask(() -> null));
                        trace.add(ise.getMessage());
                        return null;
                    }
                });
                return null;
            }));
            assertEquals(Set.of(ArithmeticException.class), errorTypes(eg));
            TaskGroup[] saved = new TaskGroup[1];
            taskGroup(g -> saved[0] = g);
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> saved[0].createTask(() -> null));
            trace.add(e.getMessage());
            return null;
        });
        assertTrue(trace.get(0).endsWith("is shutting down"), trace.get(0));
        assertTrue(trace.get(1).endsWith("is finished"), trace.get(1));
    }

    @Test
    void anExceptionOfACleanupInsideTheBlockKeepsTheCancelCountRight() {
        // test_taskgroup_context_manager_exit_raises (python/cpython#95289)
        class CustomException extends RuntimeException {
        }
        runMain(() -> {
            Task<Object> main = createTask(() -> {
                ExceptionGroup eg = assertThrows(ExceptionGroup.class, () -> taskGroup(tg -> {
                    try {
                        tg.createTask(() -> {
                            throw new CustomException();
                        });
                        sleep(1);
                    } finally {
                        throw new CustomException();
                    }
                }));
                assertEquals(0, currentTask().cancelling());
                assertEquals(2, eg.exceptions().size());
                assertTrue(eg.exceptions().stream().allMatch(CustomException.class::isInstance));
                return null;
            });
            return await(main);
        });
    }

    @Test
    void theCancelCountIsPreservedAfterAnError() {
        // test_cancelling_level_preserved
        runMain(() -> {
            assertThrows(ExceptionGroup.class, () -> taskGroup(tg -> tg.createTask(crashAfter(0))));
            assertEquals(0, currentTask().cancelling());
            return null;
        });
    }

    @Test
    void nestedGroupsNeverSwallowACancellationOfTheOuterGroup() {
        // test_nested_groups_both_cancelled (python/cpython#116720); CPython 3.13:
        // ['inner RuntimeError cancelling=1', 'after inner cancelling=1', 'outer cancellation delivered', 'outer ValueError cancelling=0']
        runMain(() -> {
            try {
                taskGroup(outer -> {
                    try {
                        taskGroup(inner -> {
                            inner.createTask(() -> {
                                sleep(0);
                                throw new IllegalStateException("runtime");
                            });
                            outer.createTask(crashAfter(0));
                            return null;
                        });
                        trace.add("RuntimeError not raised");
                    } catch (ExceptionGroup eg) {
                        assertEquals(Set.of(IllegalStateException.class), errorTypes(eg));
                        trace.add("inner RuntimeError cancelling=" + currentTask().cancelling());
                    }
                    trace.add("after inner cancelling=" + currentTask().cancelling());
                    try {
                        sleep(1);
                        trace.add("sleep not interrupted");
                    } catch (CancelledError e) {
                        trace.add("outer cancellation delivered");
                        throw e;
                    }
                    return null;
                });
            } catch (ExceptionGroup eg) {
                assertEquals(Set.of(IllegalArgumentException.class), errorTypes(eg));
                trace.add("outer ValueError cancelling=" + currentTask().cancelling());
            }
            return null;
        });
        assertEquals(List.of("inner RuntimeError cancelling=1", "after inner cancelling=1", "outer cancellation delivered",
                "outer ValueError cancelling=0"), trace);
    }

    @Test
    void anOuterCancellationDuringAGroupFailureIsDeliveredAfterTheGroup() {
        // test_error_and_cancel; CPython 3.13: ['RuntimeError cancelling=1', 'cancelled after group', 't cancelled=True']
        runMain(() -> {
            org.asyncio4j.Future<Object> started = loop.createFuture();
            Task<Object> t = createTask(() -> {
                try {
                    taskGroup(tg -> {
                        tg.createTask(() -> {
                            started.setResult(null);
                            sleep(0);
                            throw new IllegalStateException();
                        });
                        sleep(1);
                        trace.add("not cancelled?!");
                        return null;
                    });
                } catch (ExceptionGroup eg) {
                    trace.add("RuntimeError cancelling=" + currentTask().cancelling());
                }
                try {
                    sleep(1);
                    trace.add("after group not cancelled?!");
                } catch (CancelledError e) {
                    trace.add("cancelled after group");
                    throw e;
                }
                return null;
            });
            await(started);
            assertEquals(0, t.cancelling());
            t.cancel();
            assertEquals(1, t.cancelling());
            assertThrows(CancelledError.class, () -> await(t));
            trace.add("t cancelled=" + t.cancelled());
            return null;
        });
        assertEquals(List.of("RuntimeError cancelling=1", "cancelled after group", "t cancelled=true"), trace);
    }

    // ---- TaskGroup.cancel() (Python 3.15) ------------------------------------------------------------

    @Test
    void cancelFromTheBlockStopsTheGroupWithoutAnError() {
        // CPython main: ['cancel() called', 'child 1 cancelled', 'body cancelled', 'after group at 1.0 cancelling=0 t1.cancelled=True']
        runMain(() -> {
            double t0 = loop.time();
            Task<?>[] t1 = new Task<?>[1];
            Object r = taskGroup(tg -> {
                t1[0] = tg.createTask(childRecordingCancellation("child 1 cancelled"));
                sleep(1);
                tg.cancel();
                trace.add("cancel() called");
                try {
                    sleep(5);
                    trace.add("body not interrupted");
                } catch (CancelledError e) {
                    trace.add("body cancelled");
                    throw e;
                }
                return "unreached";
            });
            assertNull(r);
            trace.add("after group at " + (loop.time() - t0) + " cancelling=" + currentTask().cancelling()
                    + " t1.cancelled=" + t1[0].cancelled());
            return null;
        });
        assertEquals(List.of("cancel() called", "child 1 cancelled", "body cancelled",
                "after group at 1.0 cancelling=0 t1.cancelled=true"), trace);
    }

    @Test
    void cancelFromAChildStopsTheGroupAndThatChild() {
        // CPython main: ['stopper cancels the group', 'worker cancelled', 'body cancelled', 'after group at 1.0 cancelling=0 stopper.cancelled=True']
        runMain(() -> {
            double t0 = loop.time();
            Task<?>[] stopper = new Task<?>[1];
            taskGroup(tg -> {
                stopper[0] = tg.createTask(() -> {
                    sleep(1);
                    trace.add("stopper cancels the group");
                    tg.cancel();
                    return "stopper";
                });
                tg.createTask(childRecordingCancellation("worker cancelled"));
                return sleepRecordingCancellation(5, "body cancelled");
            });
            trace.add("after group at " + (loop.time() - t0) + " cancelling=" + currentTask().cancelling()
                    + " stopper.cancelled=" + stopper[0].cancelled());
            return null;
        });
        assertEquals(List.of("stopper cancels the group", "worker cancelled", "body cancelled",
                "after group at 1.0 cancelling=0 stopper.cancelled=true"), trace);
    }

    @Test
    void cancelDoesNotSwallowACancellationFromOutside() {
        // CPython main (gh-155433): ['child cancelled', 'body cancelled', 'external cancel', 'child cleanup done', 'task cancelled=True']
        runCancelledFromOutside(() -> {
            taskGroup(tg -> {
                tg.createTask(childWithSlowCleanup());
                sleep(0);
                tg.cancel();
                return sleepRecordingCancellation(5, "body cancelled");
            });
            trace.add("after group (external cancel swallowed?)");
            return null;
        });
        assertEquals(List.of("child cancelled", "body cancelled", "external cancel", "child cleanup done",
                "task cancelled=true"), trace);
    }

    @Test
    void aCancellationFromOutsideWhileTheGroupWaitsAfterCancelIsRaised() {
        // CPython main (gh-155433): ['body ends normally', 'child cancelled', 'external cancel', 'child cleanup done', 'task cancelled=True']
        runCancelledFromOutside(() -> {
            taskGroup(tg -> {
                tg.createTask(childWithSlowCleanup());
                sleep(0);
                tg.cancel();
                trace.add("body ends normally");
                return null;
            });
            trace.add("after group: external cancel swallowed");
            sleep(0);
            return null;
        });
        assertEquals(List.of("body ends normally", "child cancelled", "external cancel", "child cleanup done",
                "task cancelled=true"), trace);
    }

    @Test
    void failuresOfChildrenAreRaisedAfterCancel() {
        // CPython main: ["EG ['cleanup'] cancelling=0"]
        runMain(() -> {
            ExceptionGroup eg = assertThrows(ExceptionGroup.class, () -> taskGroup(tg -> {
                tg.createTask(() -> {
                    try {
                        return sleep(10, null);
                    } finally {
                        throw new IllegalArgumentException("cleanup");
                    }
                });
                sleep(0);
                tg.cancel();
                return sleep(5, null);
            }));
            assertEquals(List.of("cleanup"), eg.exceptions().stream().map(Throwable::getMessage).toList());
            assertEquals(0, currentTask().cancelling());
            return null;
        });
    }

    @Test
    void cancelAfterTheGroupFinishedDoesNothing() {
        runMain(() -> {
            TaskGroup[] saved = new TaskGroup[1];
            taskGroup(tg -> {
                saved[0] = tg;
                tg.cancel();
                tg.cancel();
                return null;
            });
            saved[0].cancel();
            sleep(0.1);
            assertEquals(0, currentTask().cancelling());
            assertInstanceOf(String.class, saved[0].toString());
            return null;
        });
    }

    @Test
    void taskGroupOutsideACoroutineIsAClearError() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> taskGroup(g -> null));
        assertTrue(e.getMessage().contains("inside a coroutine body"), e.getMessage());
    }

    // ---- asyncWith, entering, eager children -----------------------------------------------------------

    @Test
    void aTaskGroupIsAnAsyncContextManager() {
        // test_taskgroup_already_entered, test_taskgroup_double_enter, test_taskgroup_not_entered
        runMain(() -> {
            TaskGroup tg = newTaskGroup();
            IllegalStateException notEntered = assertThrows(IllegalStateException.class, () -> tg.createTask(() -> null));
            assertTrue(notEntered.getMessage().contains("has not been entered"), notEntered.getMessage());
            Task<?>[] t = new Task<?>[1];
            String r = asyncWith(tg, g -> {
                t[0] = g.createTask(() -> sleep(0.1, 1));
                IllegalStateException again = assertThrows(IllegalStateException.class, g::aenter);
                assertTrue(again.getMessage().contains("has already been entered"), again.getMessage());
                return "body";
            });
            assertEquals("body", r);
            assertEquals(1, t[0].result());
            IllegalStateException twice = assertThrows(IllegalStateException.class, () -> asyncWith(tg, g -> null));
            assertTrue(twice.getMessage().contains("has already been entered"), twice.getMessage());
            IllegalStateException exited = assertThrows(IllegalStateException.class, () -> tg.aexit(null));
            assertTrue(exited.getMessage().contains("has already exited"), exited.getMessage());

            ExceptionGroup eg = assertThrows(ExceptionGroup.class, () -> asyncWith(newTaskGroup(), g -> {
                g.createTask(crashAfter(0.1));
                return sleep(10, null);
            }));
            assertEquals(Set.of(IllegalArgumentException.class), errorTypes(eg));
            return null;
        });
    }

    @Test
    void aTaskGroupCancelledBeforeItIsEnteredIsCancelledAsItStarts() {
        // CPython main: ['cancelled on entry', 'after group', 'cancel after exit ok, cancelling=0']
        runMain(() -> {
            TaskGroup tg = newTaskGroup();
            tg.cancel();
            Object r = asyncWith(tg, g -> {
                try {
                    sleep(1);
                    trace.add("not cancelled");
                } catch (CancelledError e) {
                    trace.add("cancelled on entry");
                    throw e;
                }
                return "unreached";
            });
            assertNull(r);
            trace.add("after group");
            tg.cancel();
            trace.add("cancel after exit ok, cancelling=" + currentTask().cancelling());
            return null;
        });
        assertEquals(List.of("cancelled on entry", "after group", "cancel after exit ok, cancelling=0"), trace);
    }

    @Test
    void theParentTaskMustBeACoroutineBody() {
        // test_taskgroup_without_parent_task
        TaskGroup tg = newTaskGroup();
        assertThrows(IllegalStateException.class, tg::aenter);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> tg.createTask(() -> null));
        assertTrue(e.getMessage().contains("has not been entered"), e.getMessage());
    }

    @Test
    void anEagerChildFailingAtOnceIsHandledAtTheNextAwaitOfTheBlock() {
        // CPython main (gh-128550): the failure of an eager child is handled by its done callback, not inside createTask
        loop.setTaskFactory(org.asyncio4j.TaskFactory.EAGER);
        runMain(() -> {
            ExceptionGroup eg = assertThrows(ExceptionGroup.class, () -> taskGroup(tg -> {
                tg.createTask(() -> {
                    trace.add("child1 raises");
                    throw new IllegalStateException("at once");
                });
                tg.createTask(() -> {
                    trace.add("child2 started");
                    return sleepRecordingCancellation(10, "child2 cancelled");
                });
                trace.add("body created both");
                return sleepRecordingCancellation(10, "body cancelled");
            }));
            assertEquals(Set.of(IllegalStateException.class), errorTypes(eg));
            assertEquals(0, currentTask().cancelling());
            return null;
        });
        assertEquals(List.of("child1 raises", "child2 started", "body created both", "child2 cancelled", "body cancelled"), trace);
    }

    @Test
    void anEagerChildThatCancelsTheGroupBeforeJoiningItIsCancelledToo() {
        // CPython main (gh-155418)
        loop.setTaskFactory(org.asyncio4j.TaskFactory.EAGER);
        runMain(() -> {
            Task<?>[] t = new Task<?>[1];
            taskGroup(tg -> {
                t[0] = tg.createTask(() -> {
                    tg.cancel();
                    return sleep(10, null);
                });
                return null;
            });
            assertTrue(t[0].cancelled());
            assertEquals(0, currentTask().cancelling());
            return null;
        });
    }
}
