package org.asyncio4j;

import java.util.concurrent.CancellationException;

/**
 * The operation was cancelled: Python's {@code asyncio.CancelledError}.
 *
 * <p>It extends {@link CancellationException}, so Kotlin coroutines and {@link java.util.concurrent.CompletableFuture}
 * treat it as cancellation. A body may catch it to clean up; it should normally rethrow it.
 */
public class CancelledError extends CancellationException {
    private static final long serialVersionUID = 1L;

    /** Creates an error without message. */
    public CancelledError() {
        super();
    }

    /** @param message the cancellation message given to {@code cancel(msg)}, may be null */
    public CancelledError(String message) {
        super(message);
    }
}
