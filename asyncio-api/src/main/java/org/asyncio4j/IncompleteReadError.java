package org.asyncio4j;

/**
 * The stream ended before the requested data could be read: Python's {@code asyncio.IncompleteReadError}
 * (an {@code EOFError}). Raised by {@link StreamReader#readexactly} and {@link StreamReader#readuntil}.
 */
public class IncompleteReadError extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final byte[] partial;
    private final Integer expected;

    /**
     * @param partial the bytes read before the end of the stream
     * @param expected the number of bytes that were expected, or null when a separator was expected
     */
    public IncompleteReadError(byte[] partial, Integer expected) {
        super(partial.length + " bytes read on a total of " + (expected == null ? "undefined" : expected.toString())
                + " expected bytes");
        this.partial = partial.clone();
        this.expected = expected;
    }

    /** @return a copy of the bytes read before the end of the stream (Python's {@code partial}) */
    public byte[] partial() {
        return partial.clone();
    }

    /** @return the number of bytes expected, or null when a separator was expected (Python's {@code expected}) */
    public Integer expected() {
        return expected;
    }
}
