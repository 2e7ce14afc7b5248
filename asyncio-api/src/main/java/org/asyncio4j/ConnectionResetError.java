package org.asyncio4j;

import java.io.IOException;

/** A {@link ConnectionError}: the peer reset the connection, or it was lost: Python's {@code ConnectionResetError}. */
public class ConnectionResetError extends ConnectionError {
    private static final long serialVersionUID = 1L;

    /** @param message what happened */
    public ConnectionResetError(String message) {
        super(message);
    }

    /** @param message what happened @param cause the I/O exception behind it */
    public ConnectionResetError(String message, IOException cause) {
        super(message, cause);
    }
}
