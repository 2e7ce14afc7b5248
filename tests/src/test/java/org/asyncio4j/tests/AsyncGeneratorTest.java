package org.asyncio4j.tests;

import static org.asyncio4j.Asyncio.anext;
import static org.asyncio4j.Asyncio.asyncGenerator;
import static org.asyncio4j.Asyncio.await;
import static org.asyncio4j.Asyncio.createTask;
import static org.asyncio4j.Asyncio.currentTask;
import static org.asyncio4j.Asyncio.run;
import static org.asyncio4j.Asyncio.sleep;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.asyncio4j.AsyncGenerator;
import org.asyncio4j.AsyncIterable;
import org.asyncio4j.AsyncIterator;
import org.asyncio4j.CancelledError;
import org.asyncio4j.ContextVar;
import org.asyncio4j.StopAsyncIteration;
import org.asyncio4j.Task;
import org.junit.jupiter.api.Test;

/** Traces match the same programs under CPython 3.13 (async generators, async for, aclose, athrow). */
class AsyncGeneratorTest extends LoopTest {

    private static AsyncGenerator<Integer> counting(List<String> trace) {
        return asyncGenerator(out -> {
            try {
                for (int i = 0; i < 3; i++) {
                    trace.add("gen before " + i);
                    sleep(0);
                    out.emit(i);
                    trace.add("gen after " + i);
                }
            } finally {
                trace.add("gen finally");
            }
        });
    }

    @Test
    void forEachOverAGeneratorIsAsyncForAndItsAwaitsLetOtherTasksRun() {
        List<String> trace = new ArrayList<>();
        runMain(() -> {
            Task<Object> other = createTask(() -> {
                for (int i = 0; i < 3; i++) {
                    trace.add("other " + i);
                    sleep(0);
                }
                return null;
            });
            for (int x : counting(trace)) {
                trace.add("got " + x);
            }
            await(other);
            return null;
        });
        assertEquals(List.of("gen before 0", "other 0", "got 0", "gen after 0", "gen before 1", "other 1", "got 1",
                "gen after 1", "gen before 2", "other 2", "got 2", "gen after 2", "gen finally"), trace);
    }

    @Test
    void acloseRunsTheFinallyBlockAndEndsTheGenerator() {
        List<String> trace = new ArrayList<>();
        runMain(() -> {
            AsyncGenerator<Integer> g = counting(trace);
            trace.add("first " + anext(g));
            g.aclose();
            trace.add("closed");
            try {
                anext(g);
            } catch (StopAsyncIteration e) {
                trace.add("stop");
            }
            g.aclose();
            return null;
        });
        assertEquals(List.of("gen before 0", "first 0", "gen finally", "closed", "stop"), trace);
    }

    @Test
    void cancellingTheConsumerThrowsIntoTheGeneratorsAwait() {
        List<String> trace = new ArrayList<>();
        runMain(() -> {
            Task<Object> consumer = createTask(() -> {
                AsyncGenerator<Integer> slow = asyncGenerator(out -> {
                    try {
                        out.emit(1);
                        sleep(10);
                        out.emit(2);
                    } finally {
                        trace.add("slow finally");
                    }
                });
                for (int x : slow) {
                    trace.add("consumed " + x);
                }
                return null;
            });
            sleep(0.01);
            consumer.cancel();
            try {
                await(consumer);
            } catch (CancelledError e) {
                trace.add("consumer cancelled");
            }
            return null;
        });
        assertEquals(List.of("consumed 1", "slow finally", "consumer cancelled"), trace);
    }

    @Test
    void theRunnerClosesGeneratorsLeftOpen() {
        List<String> trace = new ArrayList<>();
        int first = run(() -> {
            AsyncGenerator<Integer> g = asyncGenerator(out -> {
                try {
                    out.emit(1);
                    out.emit(2);
                } finally {
                    trace.add("leftover finally");
                }
            });
            return anext(g);
        });
        trace.add("after run " + first);
        assertEquals(List.of("leftover finally", "after run 1"), trace);
    }

    @Test
    void athrowThrowsAtTheEmitAndAnExceptionOfTheBodyReachesTheConsumer() {
        runMain(() -> {
            AsyncGenerator<String> g = asyncGenerator(out -> {
                try {
                    out.emit("1");
                } catch (IllegalArgumentException e) {
                    out.emit("handled " + e.getMessage());
                }
                throw new IllegalStateException("boom");
            });
            assertEquals("1", anext(g));
            assertEquals("handled x", g.athrow(new IllegalArgumentException("x")));
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> anext(g));
            assertEquals("boom", e.getMessage());
            assertThrows(StopAsyncIteration.class, () -> anext(g));
            return null;
        });
    }

    @Test
    void theGeneratorRunsInsideItsConsumersTaskAndContext() {
        ContextVar<String> var = new ContextVar<>("who", "none");
        runMain(() -> {
            Task<?> me = currentTask();
            var.set("consumer");
            AsyncGenerator<String> g = asyncGenerator(out -> {
                assertSame(me, currentTask());
                out.emit(var.get());
                sleep(0.5);
                var.set("generator");
                out.emit(var.get());
            });
            assertEquals("consumer", anext(g));
            assertEquals("generator", anext(g));
            assertEquals("generator", var.get());
            return null;
        });
        assertEquals(0.5, loop.time(), 1e-9);
    }

    @Test
    void misuseIsAClearError() {
        runMain(() -> {
            AsyncGenerator<Integer> ignoring = asyncGenerator(out -> {
                try {
                    out.emit(1);
                } catch (AsyncGenerator.GeneratorExit e) {
                    out.emit(2);
                }
            });
            anext(ignoring);
            IllegalStateException e = assertThrows(IllegalStateException.class, ignoring::aclose);
            assertTrue(e.getMessage().contains("ignored GeneratorExit"));
            AsyncGenerator<Integer>[] self = new AsyncGenerator[1];
            self[0] = asyncGenerator(out -> out.emit(anext(self[0])));
            IllegalStateException running = assertThrows(IllegalStateException.class, () -> anext(self[0]));
            assertTrue(running.getMessage().contains("already running"), running.getMessage());
            AsyncGenerator<Integer> leaking = asyncGenerator(out -> {
                throw new StopAsyncIteration();
            });
            IllegalStateException pep479 = assertThrows(IllegalStateException.class, () -> anext(leaking));
            assertTrue(pep479.getMessage().contains("raised StopAsyncIteration"));
            return null;
        });
        assertThrows(IllegalStateException.class, () -> asyncGenerator(out -> out.emit(1)).anext());
    }

    @Test
    void anyAsyncIterableWorksWithForEach() {
        AsyncIterable<Integer> countdown = () -> new AsyncIterator<>() {
            private int n = 3;

            @Override
            public Integer anext() {
                if (n == 0) {
                    throw new StopAsyncIteration();
                }
                sleep(1);
                return n--;
            }
        };
        List<Integer> got = runMain(() -> {
            List<Integer> out = new ArrayList<>();
            for (int x : countdown) {
                out.add(x);
            }
            return out;
        });
        assertEquals(List.of(3, 2, 1), got);
        assertEquals(3.0, loop.time(), 1e-9);
    }
}
