package org.asyncio4j;

/**
 * An asynchronous iterator: Python's {@code __anext__}. Called inside a coroutine body, {@link #anext()}
 * awaits the next element.
 *
 * @param <T> the element type
 */
@FunctionalInterface
public interface AsyncIterator<T> {
    /**
     * Awaits the next element: Python's {@code await it.__anext__()}.
     *
     * @return the next element
     * @throws StopAsyncIteration when there are no more elements
     * @throws CancelledError if the awaiting task is cancelled meanwhile
     */
    T anext();
}
