package org.asyncio4j;

/**
 * A put on a shut-down {@link Queue}, or a get on one that is shut down and empty (or was shut down
 * immediately): Python 3.13's {@code asyncio.QueueShutDown}.
 */
public class QueueShutDown extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** @param message what was attempted */
    public QueueShutDown(String message) {
        super(message);
    }
}
