package org.asyncio4j;

/**
 * A {@link Semaphore} that cannot be released above its initial value: Python's
 * {@code asyncio.BoundedSemaphore}. Create one with {@code Asyncio.newBoundedSemaphore(value)}.
 *
 * <p>Releasing it too many times throws {@link IllegalStateException} (Python raises {@code ValueError}; here
 * it is a state error, since no argument is wrong).
 */
public interface BoundedSemaphore extends Semaphore {

    /**
     * Returns a permit, as {@link Semaphore#release()}.
     *
     * @throws IllegalStateException if that would raise the count above the initial value
     */
    @Override
    void release();
}
