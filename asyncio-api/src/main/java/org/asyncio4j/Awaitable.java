package org.asyncio4j;

/**
 * Something a coroutine can await: Python's awaitable.
 *
 * <p>{@link #await()} suspends the calling coroutine body until this object is done, letting other
 * tasks and callbacks of the loop run meanwhile, then returns its result or throws its exception.
 * If it is already done, {@code await()} returns at once without giving up control, as in CPython.
 *
 * <p>Cancellation: if the awaiting task is cancelled while suspended here, {@link CancelledError}
 * is thrown from this call (once per {@code cancel()} request); the body may catch it.
 *
 * @param <T> the result type
 */
public interface Awaitable<T> {
    /**
     * Suspends the current coroutine until this awaitable is done; Python's {@code await x}.
     *
     * @return the result
     * @throws CancelledError if this awaitable was cancelled, or the awaiting task was cancelled
     * @throws IllegalStateException if called outside a coroutine body
     */
    T await();
}
