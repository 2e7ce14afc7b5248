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
import org.asyncio4j.Coroutine;
import org.asyncio4j.EventLoop;
import org.asyncio4j.Future;
import org.asyncio4j.LoopConfig;
import org.asyncio4j.Task;
import org.asyncio4j.tests.LoopTest;
import org.junit.jupiter.api.Test;

/** gather: CPython 3.13's gather and _GatheringFuture (traces of CPython 3.13 scenarios). */
class GatherTest extends LoopTest {
    private final List<String> trace = new ArrayList<>();

    private Coroutine<String> ok(String n, double delay, double t0) {
        return () -> {
            sleep(delay);
            trace.add(n + " done at " + (loop.time() - t0));
            return n;
        };
    }

    private Coroutine<Object> cancellable(int n, double cleanup) {
        return () -> {
            try {
                return sleep(10, null);
            } catch (CancelledError e) {
                trace.add(n + " cancelled");
                if (cleanup > 0) {
                    sleep(cleanup);
                    trace.add(n + " cleanup done");
                }
                throw e;
            }
        };
    }

    @Test
    void resultsComeInArgumentOrder() {
        // seed 002 (course notes): a, b, c start in order, finish b, a, c; Result: ['a', 'b', 'c']
        List<String> r = runMain(() -> {
            double t0 = loop.time();
            return await(gather(ok("a", 0.2, t0), ok("b", 0.1, t0), ok("c", 0.3, t0)));
        });
        assertEquals(List.of("a", "b", "c"), r);
        assertEquals(List.of("b done at 0.1", "a done at 0.2", "c done at 0.3"), trace);
        assertEquals(0.3, loop.time(), 1e-9);
    }

    @Test
    void theFirstExceptionPropagatesWhileTheOthersKeepRunning() {
        // CPython 3.13: ['bad raises', 'gather raised bad at 1.0; a.done=False', 'cancel after done -> False',
        //  'a done at 2.0', 'c done at 3.0', 'a=a']
        runMain(() -> {
            double t0 = loop.time();
            Task<String> a = createTask(ok("a", 2, t0));
            Future<List<Object>> g = gather(List.of(a, (Coroutine<Object>) () -> {
                sleep(1);
                trace.add("bad raises");
                throw new IllegalArgumentException("bad");
            }, ok("c", 3, t0)));
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> await(g));
            trace.add("gather raised " + e.getMessage() + " at " + (loop.time() - t0) + "; a.done=" + a.done());
            trace.add("cancel after done -> " + g.cancel());
            sleep(5);
            trace.add("a=" + a.result());
            return null;
        });
        assertEquals(List.of("bad raises", "gather raised bad at 1.0; a.done=false", "cancel after done -> false",
                "a done at 2.0", "c done at 3.0", "a=a"), trace);
    }

    @Test
    void cancellingTheGatherFutureCancelsTheChildren() {
        // CPython 3.13: ['cancel -> True', '1 cancelled', '2 cancelled', '1 cleanup done',
        //  'waiter got CancelledError at 1.5', 'w.cancelled=True g.cancelled=False']
        runMain(() -> {
            double t0 = loop.time();
            Future<List<Object>> g = gather(cancellable(1, 0.5), cancellable(2, 1));
            Task<Object> w = createTask(() -> {
                try {
                    return await(g);
                } catch (CancelledError e) {
                    trace.add("waiter got CancelledError at " + (loop.time() - t0));
                    throw e;
                }
            });
            sleep(1);
            trace.add("cancel -> " + g.cancel());
            assertThrows(CancelledError.class, () -> await(w));
            trace.add("w.cancelled=" + w.cancelled() + " g.cancelled=" + g.cancelled());
            sleep(1);
            return null;
        });
        assertEquals(List.of("cancel -> true", "1 cancelled", "2 cancelled", "1 cleanup done",
                "waiter got CancelledError at 1.5", "w.cancelled=true g.cancelled=false", "2 cleanup done"), trace);
    }

    @Test
    void cancellingTheAwaitingTaskCancelsAllChildren() {
        // CPython 3.13: ['1 cancelled', '2 cancelled', 'w.cancelled=True']
        runMain(() -> {
            Task<Object> w = createTask(() -> await(gather(cancellable(1, 0), cancellable(2, 0))));
            sleep(1);
            w.cancel();
            assertThrows(CancelledError.class, () -> await(w));
            trace.add("w.cancelled=" + w.cancelled());
            return null;
        });
        assertEquals(List.of("1 cancelled", "2 cancelled", "w.cancelled=true"), trace);
    }

    @Test
    void aCancelledChildRaisesCancelledErrorOrIsListedWithReturnExceptions() {
        // CPython 3.13: ["gather CancelledError msg=('stop',) g.cancelled=False t2.done=False", '2 done', '4 done',
        //  'return_exceptions ["CancelledError(\'\')", \'4\']']
        runMain(() -> {
            double t0 = loop.time();
            Task<String> t1 = createTask(ok("1", 1, t0));
            Task<String> t2 = createTask(ok("2", 2, t0));
            Future<List<String>> g = gather(t1, t2);
            loop.callLater(0.5, () -> t1.cancel("stop"));
            CancelledError e = assertThrows(CancelledError.class, () -> await(g));
            trace.add("gather CancelledError msg=" + e.getMessage() + " g.cancelled=" + g.cancelled() + " t2.done=" + t2.done());
            sleep(2);
            double t3s = loop.time();
            Task<String> t3 = createTask(ok("3", 1, t3s));
            Task<String> t4 = createTask(ok("4", 2, t3s));
            loop.callLater(0.5, () -> t3.cancel("stop3"));
            List<Object> r = await(gather(List.of(t3, t4), true));
            assertInstanceOf(CancelledError.class, r.get(0));
            trace.add("return_exceptions [" + r.get(0).getClass().getSimpleName() + "(" + ((Throwable) r.get(0)).getMessage()
                    + "), " + r.get(1) + "]");
            return null;
        });
        assertEquals(List.of("gather CancelledError msg=stop g.cancelled=false t2.done=false", "2 done at 2.0",
                "4 done at 2.0", "return_exceptions [CancelledError(null), 4]"), trace);
    }

    @Test
    void exceptionsAreResultsWithReturnExceptions() {
        runMain(() -> {
            IllegalStateException boom = new IllegalStateException("boom");
            Future<String> f = loop.createFuture();
            f.cancel("by hand");
            List<Object> r = await(gather(List.of((Coroutine<Object>) () -> {
                throw boom;
            }, (Coroutine<Object>) () -> sleep(0.1, "ok"), f), true));
            assertSame(boom, r.get(0));
            assertEquals("ok", r.get(1));
            assertEquals("by hand", ((CancelledError) r.get(2)).getMessage());
            return null;
        });
    }

    @Test
    void cancellingGatherWithReturnExceptionsStillRaisesCancelledError() {
        // bpo-32684; CPython 3.13: ['1 cancelled', '2 cancelled', 'CancelledError']
        runMain(() -> {
            Future<List<Object>> g = gather(List.of(cancellable(1, 0), cancellable(2, 0)), true);
            sleep(0);
            g.cancel();
            assertThrows(CancelledError.class, () -> await(g));
            trace.add("CancelledError");
            return null;
        });
        assertEquals(List.of("1 cancelled", "2 cancelled", "CancelledError"), trace);
    }

    @Test
    void aChildThatSwallowsTheCancellationStillMakesGatherRaiseCancelledError() {
        // CPython 3.13: ['cancel -> True', 'stubborn swallows', 'CancelledError']
        runMain(() -> {
            Future<List<String>> g = gather(() -> {
                try {
                    return sleep(10, "never");
                } catch (CancelledError e) {
                    trace.add("stubborn swallows");
                    return "kept";
                }
            }, () -> sleep(0.1, "quick"));
            sleep(0);
            trace.add("cancel -> " + g.cancel());
            assertThrows(CancelledError.class, () -> await(g));
            trace.add("CancelledError");
            return null;
        });
        assertEquals(List.of("cancel -> true", "stubborn swallows", "CancelledError"), trace);
    }

    @Test
    void theSameAwaitableTwiceIsAwaitedOnceAndGatherOfNothingIsEmpty() {
        // CPython 3.13: ['[2, 2, 2, 2] runs=2', 'empty []']
        int[] runs = {0};
        runMain(() -> {
            Coroutine<Integer> c = () -> {
                runs[0]++;
                sleep(0);
                return runs[0];
            };
            Coroutine<Integer> c2 = () -> {
                runs[0]++;
                sleep(0);
                return runs[0];
            };
            Task<Integer> t = createTask(c2);
            List<Object> r = await(gather(List.of(c, t, c, t)));
            trace.add(r + " runs=" + runs[0]);
            Future<List<Object>> empty = gather(List.of());
            assertTrue(empty.done());
            trace.add("empty " + await(empty));
            return null;
        });
        assertEquals(List.of("[2, 2, 2, 2] runs=2", "empty []"), trace);
    }

    @Test
    void manyChildrenAreDeduplicatedToo() {
        runMain(() -> {
            List<Object> aws = new ArrayList<>();
            Task<Integer> t = createTask(() -> sleep(0, 7));
            for (int i = 0; i < 40; i++) {
                int n = i;
                aws.add((Coroutine<Integer>) () -> sleep(0, n));
                aws.add(t);
            }
            List<Object> r = await(gather(aws));
            for (int i = 0; i < 40; i++) {
                assertEquals(i, r.get(2 * i));
                assertEquals(7, r.get(2 * i + 1));
            }
            return null;
        });
    }

    @Test
    void childrenDoneAlreadyCompleteGatherAtOnce() {
        runMain(() -> {
            Future<String> a = loop.createFuture();
            Future<String> b = loop.createFuture();
            a.setResult("a");
            b.setResult("b");
            Future<List<String>> g = gather(a, b);
            assertTrue(g.done());
            assertEquals(List.of("a", "b"), g.result());
            Future<String> c = loop.createFuture();
            c.setException(new IllegalStateException("c"));
            Future<List<String>> g2 = gather(a, c);
            assertTrue(g2.done());
            assertThrows(IllegalStateException.class, g2::result);
            return null;
        });
    }

    @Test
    void aChildExceptionAfterGatherFailedIsMarkedRetrievedNotReported() {
        runMain(() -> {
            Future<List<Object>> g = gather(List.of((Coroutine<Object>) () -> {
                throw new IllegalStateException("first");
            }, (Coroutine<Object>) () -> {
                sleep(0.1);
                throw new IllegalStateException("second");
            }));
            assertThrows(IllegalStateException.class, () -> await(g));
            sleep(0.2);
            return null;
        });
        loop.close();
        assertTrue(handled.isEmpty(), "unexpected reports: " + handled);
    }

    @Test
    void badArgumentsAreClearErrors() {
        runMain(() -> {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> gather(List.of("text")));
            assertTrue(e.getMessage().contains("Coroutine"), e.getMessage());
            try (EventLoop other = newEventLoop(LoopConfig.defaults().withClock(clock))) {
                Future<Object> foreign = other.createFuture();
                Future<Object> mine = loop.createFuture();
                IllegalArgumentException e2 = assertThrows(IllegalArgumentException.class, () -> gather(mine, foreign));
                assertTrue(e2.getMessage().contains("different loop"), e2.getMessage());
                mine.cancel();
            }
            return null;
        });
    }

    @Test
    void theGatherFutureDescribesItself() {
        runMain(() -> {
            Future<List<Object>> g = gather(cancellable(1, 0));
            assertEquals("<GatheringFuture pending>", g.toString());
            g.cancel();
            assertThrows(CancelledError.class, () -> await(g));
            assertFalse(g.cancelled());
            return null;
        });
    }
}
