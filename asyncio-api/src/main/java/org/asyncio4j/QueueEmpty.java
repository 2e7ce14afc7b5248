package org.asyncio4j;

/** {@link Queue#getNowait()} found the queue empty: Python's {@code asyncio.QueueEmpty}. */
public class QueueEmpty extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** @param message what was attempted */
    public QueueEmpty(String message) {
        super(message);
    }
}
