package org.asyncio4j;

import java.io.IOException;

/** A {@link ConnectionError}: nothing listens at the address connected to: Python's {@code ConnectionRefusedError}. */
public class ConnectionRefusedError extends ConnectionError {
    private static final long serialVersionUID = 1L;

    /** @param message what happened */
    public ConnectionRefusedError(String message) {
        super(message);
    }

    /** @param message what happened @param cause the I/O exception behind it */
    public ConnectionRefusedError(String message, IOException cause) {
        super(message, cause);
    }
}
