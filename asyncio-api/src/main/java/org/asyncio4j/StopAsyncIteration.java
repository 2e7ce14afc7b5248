package org.asyncio4j;

/**
 * Thrown by {@link AsyncIterator#anext()} when there are no more elements: Python's {@code StopAsyncIteration}.
 */
public class StopAsyncIteration extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception. */
    public StopAsyncIteration() {
        super("the asynchronous iterator is exhausted");
    }
}
