package org.asyncio4j;

/**
 * A coroutine body written in blocking style: Python's {@code async def}. Inside it, {@code await(x)}
 * suspends the body until {@code x} is done while other work runs on the loop. Exactly one body or
 * callback runs at a time per loop, switching only at awaits.
 *
 * <p>A plain Java method that awaits is the analogue of an {@code async def}: call it directly from a
 * body ({@code await f()} in Python), or run it as a task with {@code createTask(() -> f())}.
 *
 * @param <T> the result type; return {@code null} for Python's {@code None}
 */
@FunctionalInterface
public interface Coroutine<T> {
    /**
     * Runs the body; it may await.
     *
     * @return the result of the coroutine
     * @throws Exception any exception, which becomes the exception of the task running it
     */
    T call() throws Exception;
}
