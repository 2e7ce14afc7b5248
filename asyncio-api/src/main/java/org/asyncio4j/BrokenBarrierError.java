package org.asyncio4j;

/**
 * The {@link Barrier} was aborted, or reset while this task waited: Python's {@code asyncio.BrokenBarrierError}
 * (a {@code RuntimeError} there, so an {@link IllegalStateException} here).
 */
public class BrokenBarrierError extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    /** @param message why the barrier is broken */
    public BrokenBarrierError(String message) {
        super(message);
    }
}
