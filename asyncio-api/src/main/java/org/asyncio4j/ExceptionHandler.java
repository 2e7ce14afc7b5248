package org.asyncio4j;

import java.util.Map;

/**
 * Receives errors that have no caller to go to: an exception thrown by a callback, an exception of a
 * future or task that was never retrieved, a task still pending when its loop closes. Python's loop
 * exception handler, {@code handler(loop, context)}.
 *
 * <p>The context holds {@code "message"} (always) and, where they apply, {@code "exception"},
 * {@code "future"}, {@code "task"} and {@code "handle"}.
 */
@FunctionalInterface
public interface ExceptionHandler {
    /**
     * Handles one error; an exception thrown here goes to the loop's default handler.
     *
     * @param loop the loop the error happened on
     * @param context what happened
     */
    void handle(EventLoop loop, Map<String, Object> context);
}
