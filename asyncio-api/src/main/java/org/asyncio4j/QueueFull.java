package org.asyncio4j;

/** {@link Queue#putNowait} found the queue full: Python's {@code asyncio.QueueFull}. */
public class QueueFull extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** @param message what was attempted */
    public QueueFull(String message) {
        super(message);
    }
}
