package org.asyncio4j;

/**
 * The operation exceeded its deadline: Python's {@code TimeoutError} (raised by {@code waitFor},
 * {@code timeout} and friends).
 */
public class TimeoutError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Creates an error without message. */
    public TimeoutError() {
        super();
    }

    /** @param message what timed out */
    public TimeoutError(String message) {
        super(message);
    }
}
