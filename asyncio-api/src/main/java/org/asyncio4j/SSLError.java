package org.asyncio4j;

import java.io.UncheckedIOException;
import javax.net.ssl.SSLException;

/**
 * A TLS error (failed handshake, bad certificate, protocol error): Python's {@code ssl.SSLError}, an
 * {@code OSError}. The JDK's {@link SSLException} is the cause.
 */
public class SSLError extends UncheckedIOException {
    private static final long serialVersionUID = 1L;

    /** @param message what happened @param cause the JDK's TLS exception */
    public SSLError(String message, SSLException cause) {
        super(message, cause);
    }
}
