package org.asyncio4j;

import java.io.IOException;

/** A {@link ConnectionError}: the connection was aborted on this side (for example a TLS handshake that took too long): Python's {@code ConnectionAbortedError}. */
public class ConnectionAbortedError extends ConnectionError {
    private static final long serialVersionUID = 1L;

    /** @param message what happened */
    public ConnectionAbortedError(String message) {
        super(message);
    }

    /** @param message what happened @param cause the I/O exception behind it */
    public ConnectionAbortedError(String message, IOException cause) {
        super(message, cause);
    }
}
