package org.asyncio4j.tests;

import static org.asyncio4j.Asyncio.await;
import static org.asyncio4j.Asyncio.createTask;
import static org.asyncio4j.Asyncio.sleep;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.Map;
import org.asyncio4j.EventLoop;
import org.asyncio4j.Future;
import org.asyncio4j.Task;
import org.junit.jupiter.api.Test;

/**
 * Errors nobody looked at: an exception set on a future or task and never retrieved, and tasks still
 * pending when the loop closes, are reported to the loop's exception handler.
 */
class UnretrievedExceptionTest extends LoopTest {
    private static final long GC_WAIT_NANOS = 10_000_000_000L;
    private final Trace trace = new Trace();

    @Test
    void aFutureExceptionNeverRetrievedIsReportedWhenTheLoopCloses() {
        Future<String> f = loop.createFuture();
        IOException error = new IOException("lost");
        f.setException(error);
        loop.close();
        Map<String, Object> ctx = assertOneHandlerCall("Future exception was never retrieved");
        assertEquals("Future exception was never retrieved", ctx.get("message"));
        assertSame(error, ctx.get("exception"));
        assertSame(f, ctx.get("future"));
    }

    @Test
    void aTaskExceptionNeverRetrievedIsReportedWhenTheLoopCloses() {
        IllegalStateException error = new IllegalStateException("task failed");
        Task<Void> failed = runMain(() -> {
            Task<Void> t = createTask(() -> {
                throw error;
            });
            sleep(0);
            return t;
        });
        assertTrue(failed.done());
        loop.close();
        Map<String, Object> ctx = assertOneHandlerCall("Task exception was never retrieved");
        assertEquals("Task exception was never retrieved", ctx.get("message"));
        assertSame(error, ctx.get("exception"));
        assertSame(failed, ctx.get("future"));
    }

    @Test
    void anExceptionRetrievedInAnyWayIsNotReported() {
        Future<String> byResult = failedFuture();
        Future<String> byException = failedFuture();
        Future<String> byCancel = failedFuture();
        Future<String> byAwait = failedFuture();
        Future<String> byRunUntilComplete = failedFuture();
        assertThrows(IOException.class, byResult::result);
        assertTrue(byException.exception() instanceof IOException);
        assertFalse(byCancel.cancel());
        runMain(() -> {
            assertThrows(IOException.class, byAwait::await);
            Task<Void> t = createTask(() -> {
                throw new IOException("awaited task");
            });
            assertThrows(IOException.class, t::await);
            return null;
        });
        assertThrows(IOException.class, () -> loop.runUntilComplete(byRunUntilComplete));
        loop.close();
        assertEquals(0, handled.size(), "nothing reported: " + handled);
    }

    private Future<String> failedFuture() {
        Future<String> f = loop.createFuture();
        f.setException(new IOException("retrieved"));
        return f;
    }

    @Test
    void aDroppedFutureWithAnUnretrievedExceptionIsReportedAfterGarbageCollection() {
        runMain(() -> {
            failAndDropFuture(loop);
            return awaitReport();
        });
        Map<String, Object> ctx = assertOneHandlerCall("Future exception was never retrieved");
        assertEquals("dropped", ((Throwable) ctx.get("exception")).getMessage());
        assertTrue(String.valueOf(ctx.get("future")).contains("Future"), "the future's description: " + ctx);
    }

    private static void failAndDropFuture(EventLoop loop) {
        loop.createFuture().setException(new IOException("dropped"));
    }

    @Test
    void aDroppedTaskWithAnUnretrievedExceptionIsReportedAfterGarbageCollection() {
        runMain(() -> {
            startFailingTask();
            sleep(0);
            sleep(0);
            return awaitReport();
        });
        Map<String, Object> ctx = assertOneHandlerCall("Task exception was never retrieved");
        assertEquals("dropped task", ((Throwable) ctx.get("exception")).getMessage());
    }

    private static void startFailingTask() {
        createTask(() -> {
            throw new IOException("dropped task");
        });
    }

    /** In a body: collects garbage until the exception handler was called, for at most 10 s of real time. */
    private Void awaitReport() throws InterruptedException {
        long deadline = System.nanoTime() + GC_WAIT_NANOS;
        while (handled.isEmpty() && System.nanoTime() < deadline) {
            System.gc();
            Thread.sleep(20);
            sleep(0);
        }
        assertFalse(handled.isEmpty(), "reported while the loop runs");
        return null;
    }

    @Test
    void aTaskStillPendingAtCloseIsReportedAndItsFinallyBlockRuns() {
        Task<Void> pending = runMain(() -> {
            Task<Void> t = createTask(() -> {
                try {
                    trace.add("started");
                    sleep(100);
                    trace.add("not reached");
                } finally {
                    trace.add("finally");
                }
                return null;
            });
            sleep(0);
            return t;
        });
        assertEquals("started", trace.toString());
        loop.close();
        Map<String, Object> ctx = assertOneHandlerCall("Task was destroyed but it is pending!");
        assertSame(pending, ctx.get("task"));
        assertEquals("started | finally", trace.toString());
    }

    @Test
    void aTaskNotYetStartedAtCloseIsReportedAndItsBodyNeverRuns() {
        Task<Void> pending = loop.createTask(() -> {
            trace.add("body");
            return null;
        });
        loop.close();
        assertSame(pending, assertOneHandlerCall("Task was destroyed but it is pending!").get("task"));
        assertEquals("", trace.toString());
    }

    @Test
    void anAwaitInTheFinallyBlockOfATaskClosedWithItsLoopFailsInsteadOfHanging() {
        runMain(() -> {
            createTask(() -> {
                Future<String> never = loop.createFuture();
                try {
                    return await(never);
                } finally {
                    try {
                        sleep(1);
                    } catch (IllegalStateException e) {
                        trace.add(e.getMessage());
                    }
                }
            });
            return sleep(0, null);
        });
        loop.close();
        assertOneHandlerCall("Task was destroyed but it is pending!");
        assertEquals("Event loop is closed", trace.toString());
    }

    @Test
    void pendingTasksOfSeveralKindsAreAllReportedAtClose() {
        Future<String> never = loop.createFuture();
        runMain(() -> {
            createTask(() -> await(never), "awaiting");
            createTask(() -> sleep(50, null), "sleeping");
            return null;
        });
        loop.createTask(() -> null, "not started");
        loop.close();
        expectHandlerCalls();
        assertEquals(3, handled.size(), String.valueOf(handled));
        for (Map<String, Object> ctx : handled) {
            assertEquals("Task was destroyed but it is pending!", ctx.get("message"));
        }
    }
}
