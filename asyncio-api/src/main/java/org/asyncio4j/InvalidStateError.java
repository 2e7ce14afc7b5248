package org.asyncio4j;

/**
 * An operation is not allowed in the current state, such as setting the result of a done future:
 * Python's {@code asyncio.InvalidStateError}.
 */
public class InvalidStateError extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    /** @param message what is wrong */
    public InvalidStateError(String message) {
        super(message);
    }
}
