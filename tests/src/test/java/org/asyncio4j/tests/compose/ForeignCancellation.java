package org.asyncio4j.tests.compose;

import static org.asyncio4j.Asyncio.await;
import static org.asyncio4j.Asyncio.createTask;
import static org.asyncio4j.Asyncio.sleep;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.asyncio4j.CancelledError;
import org.asyncio4j.Coroutine;
import org.asyncio4j.EventLoop;
import org.asyncio4j.Task;
import org.asyncio4j.TimeoutError;

/**
 * The race of a deadline (timeout, waitFor) with a foreign cancellation that comes in the very loop iteration in which
 * the deadline expires: in CPython 3.13 the cancellation wins and no TimeoutError is raised.
 */
final class ForeignCancellation {
    private ForeignCancellation() {
    }

    /**
     * In a coroutine body: runs {@code timed}, a wait whose deadline is 1 s from now, in a new task that records
     * "TimeoutError" or "CancelledError" for what {@code timed} raised; cancels that task from a callback at the
     * deadline, recording {@code cancelEvent} first.
     *
     * @return the task, once it has ended with CancelledError
     */
    static Task<Object> atTheDeadline(EventLoop loop, List<String> trace, String cancelEvent, Coroutine<?> timed) {
        Task<Object> t = createTask(() -> {
            try {
                timed.call();
            } catch (TimeoutError e) {
                trace.add("TimeoutError");
            } catch (CancelledError e) {
                trace.add("CancelledError");
                throw e;
            }
            return null;
        });
        sleep(0);
        loop.callAt(loop.time() + 1, () -> {
            trace.add(cancelEvent);
            t.cancel();
        });
        assertThrows(CancelledError.class, () -> await(t));
        return t;
    }
}
