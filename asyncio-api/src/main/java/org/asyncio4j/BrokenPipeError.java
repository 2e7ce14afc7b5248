package org.asyncio4j;

import java.io.IOException;

/** A {@link ConnectionError}: writing to a connection or pipe whose other end is closed: Python's {@code BrokenPipeError}. */
public class BrokenPipeError extends ConnectionError {
    private static final long serialVersionUID = 1L;

    /** @param message what happened */
    public BrokenPipeError(String message) {
        super(message);
    }

    /** @param message what happened @param cause the I/O exception behind it */
    public BrokenPipeError(String message, IOException cause) {
        super(message, cause);
    }
}
