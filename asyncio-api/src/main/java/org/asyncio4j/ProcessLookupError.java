package org.asyncio4j;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The process is gone: Python's {@code ProcessLookupError}, raised by {@link AsyncProcess#sendSignal} and
 * friends once the process has been waited for.
 */
public class ProcessLookupError extends UncheckedIOException {
    private static final long serialVersionUID = 1L;

    /** @param message what happened */
    public ProcessLookupError(String message) {
        super(message, new IOException(message));
    }
}
