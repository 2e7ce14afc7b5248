package org.asyncio4j;

/**
 * A separator was not found within the stream's limit: Python's {@code asyncio.LimitOverrunError}.
 * Raised by {@link StreamReader#readuntil}; the data stays in the reader's buffer.
 */
public class LimitOverrunError extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int consumed;

    /**
     * @param message what went wrong
     * @param consumed how many bytes to consume to go past the data that overran the limit
     */
    public LimitOverrunError(String message, int consumed) {
        super(message);
        this.consumed = consumed;
    }

    /** @return the number of bytes to be consumed (Python's {@code consumed}) */
    public int consumed() {
        return consumed;
    }
}
