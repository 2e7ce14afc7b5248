package org.asyncio4j;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.SocketException;

/**
 * A connection failed or was lost: Python's {@code ConnectionError}. Python's {@code OSError} is
 * {@link UncheckedIOException} in asyncio4j (the I/O exception is its cause), so {@code catch
 * (UncheckedIOException e)} is {@code except OSError}. Subclasses mirror Python's names.
 */
public class ConnectionError extends UncheckedIOException {
    private static final long serialVersionUID = 1L;

    /** @param message what happened (the cause is a {@link SocketException} with the same message) */
    public ConnectionError(String message) {
        super(message, new SocketException(message));
    }

    /** @param message what happened @param cause the I/O exception behind it */
    public ConnectionError(String message, IOException cause) {
        super(message, cause);
    }
}
