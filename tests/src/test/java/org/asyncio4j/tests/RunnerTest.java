package org.asyncio4j.tests;

import static org.asyncio4j.Asyncio.await;
import static org.asyncio4j.Asyncio.createTask;
import static org.asyncio4j.Asyncio.getRunningLoop;
import static org.asyncio4j.Asyncio.run;
import static org.asyncio4j.Asyncio.sleep;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.asyncio4j.CancelledError;
import org.asyncio4j.EventLoop;
import org.asyncio4j.Runner;
import org.asyncio4j.Task;
import org.junit.jupiter.api.Test;

/** asyncio.run() and Runner: result, errors, shutdown of leftover tasks, loop ownership. */
class RunnerTest extends LoopTest {
    private final Trace trace = new Trace();

    @Test
    void runReturnsTheResultOfTheMainCoroutine() {
        String greeting = run(() -> {
            Task<String> t = createTask(() -> sleep(0.01, "world"));
            return "hello " + await(t);
        });
        assertEquals("hello world", greeting);
    }

    @Test
    void runPropagatesTheExactExceptionOfTheMainCoroutine() {
        IOException error = new IOException("main failed");
        assertSame(error, assertThrows(IOException.class, () -> run(() -> {
            sleep(0);
            throw error;
        })));
    }

    @Test
    void eachRunHasItsOwnNewLoopClosedAtTheEnd() {
        EventLoop first = run(() -> getRunningLoop());
        EventLoop second = run(() -> getRunningLoop());
        assertNotSame(first, second);
        assertTrue(first.isClosed());
        assertTrue(second.isClosed());
    }

    @Test
    void runWithDebugSetsTheLoopsDebugMode() {
        assertTrue(run(() -> getRunningLoop().getDebug(), true));
        assertFalse(run(() -> getRunningLoop().getDebug(), false));
    }

    @Test
    void getRunningLoopIsTheLoopRunningTheBodyAndAnErrorOutsideOne() {
        assertSame(loop, runMain(() -> getRunningLoop()));
        assertEquals("no running event loop", assertThrows(IllegalStateException.class, () -> getRunningLoop()).getMessage());
    }

    @Test
    void runInsideARunningLoopIsAnError() {
        runMain(() -> {
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> run(() -> "nested"));
            assertTrue(e.getMessage().contains("cannot be called from a running event loop"), e.getMessage());
            try (Runner other = new Runner()) {
                assertThrows(IllegalStateException.class, () -> other.run(() -> "nested"));
            }
            return null;
        });
    }

    @Test
    void leftoverTasksAreCancelledAndAwaitedBeforeRunReturns() {
        String result = run(() -> {
            createTask(() -> {
                try {
                    trace.add("started");
                    sleep(100);
                } catch (CancelledError e) {
                    trace.add("cancelled");
                    sleep(0);
                    trace.add("cleaned up");
                    throw e;
                } finally {
                    trace.add("finally");
                }
                return null;
            });
            sleep(0);
            return "main";
        });
        assertEquals("main", result);
        assertEquals("started | cancelled | cleaned up | finally", trace.toString());
    }

    @Test
    void leftoverTasksAreCancelledAlsoWhenMainFailed() {
        assertThrows(IOException.class, () -> run(() -> {
            createTask(() -> {
                try {
                    return sleep(100, null);
                } finally {
                    trace.add("finally");
                }
            });
            sleep(0);
            throw new IOException("main failed");
        }));
        assertEquals("finally", trace.toString());
    }

    @Test
    void aLeftoverTaskFailingDuringShutdownIsReported() {
        IOException cleanupFailure = new IOException("cleanup failed");
        Task<?>[] leftover = new Task<?>[1];
        try (Runner runner = new Runner(() -> loop)) {
            runner.run(() -> {
                leftover[0] = createTask(() -> {
                    try {
                        return sleep(100, null);
                    } catch (CancelledError e) {
                        throw cleanupFailure;
                    }
                });
                return sleep(0, null);
            });
        }
        Map<String, Object> ctx = assertOneHandlerCall("unhandled exception during asyncio.run() shutdown");
        assertSame(cleanupFailure, ctx.get("exception"));
        assertSame(leftover[0], ctx.get("task"));
        assertTrue(loop.isClosed());
    }

    @Test
    void aLeftoverTaskThatSwallowsTheCancellationIsNotReported() {
        try (Runner runner = new Runner(() -> loop)) {
            runner.run(() -> {
                createTask(() -> {
                    try {
                        return sleep(100, "late");
                    } catch (CancelledError e) {
                        return "swallowed";
                    }
                });
                return sleep(0, null);
            });
        }
        assertTrue(loop.isClosed());
    }

    @Test
    void aRunnerRunsSeveralCoroutinesOnOneLoop() {
        try (Runner runner = new Runner(() -> loop)) {
            assertSame(loop, runner.getLoop());
            Task<String> background = runner.run(() -> createTask(() -> sleep(5, "background")));
            assertEquals(1, runner.run(() -> sleep(1, 1)));
            assertFalse(background.done(), "still running at t=1");
            assertEquals("background done", runner.run(() -> await(background) + " done"));
            assertEquals(5.0, loop.time());
            assertSame(loop, runner.getLoop());
        }
    }

    @Test
    void closeIsIdempotentClosesTheLoopAndForbidsFurtherRuns() {
        Runner runner = new Runner(() -> loop);
        assertEquals("x", runner.run(() -> "x"));
        runner.close();
        assertTrue(loop.isClosed());
        runner.close();
        assertEquals("Runner is closed", assertThrows(IllegalStateException.class, () -> runner.run(() -> "y")).getMessage());
        assertEquals("Runner is closed", assertThrows(IllegalStateException.class, runner::getLoop).getMessage());
    }

    @Test
    void theLoopFactoryIsCalledOnceOnFirstUse() {
        AtomicInteger calls = new AtomicInteger();
        try (Runner runner = new Runner(() -> {
            calls.incrementAndGet();
            return loop;
        })) {
            assertEquals(0, calls.get());
            assertEquals(3, runner.run(() -> sleep(1, 3)));
            assertEquals(4, runner.run(() -> sleep(1, 4)));
            assertEquals(1, calls.get());
        }
        Runner unused = new Runner(() -> {
            calls.incrementAndGet();
            return loop;
        });
        unused.close();
        assertEquals(1, calls.get(), "closing an unused runner creates no loop");
    }

    @Test
    void aRunnerWithDebugSetsItOnTheLoop() {
        try (Runner runner = new Runner(true, () -> loop)) {
            assertTrue(runner.getLoop().getDebug());
        }
        try (Runner runner = new Runner(true)) {
            assertTrue(runner.run(() -> getRunningLoop().getDebug()));
        }
    }
}
