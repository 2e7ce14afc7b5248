package org.asyncio4j;

/**
 * A counter of permits for tasks: Python's {@code asyncio.Semaphore}. Create one with
 * {@code Asyncio.newSemaphore(value)}. {@link #acquire()} takes a permit, waiting while there is none;
 * {@link #release()} returns one. Use {@link #hold()} for Python's {@code async with sem:}.
 *
 * <p>Fairness: waiters get permits in the order they asked (FIFO); a task arriving while others wait queues
 * behind them even if a permit is free.
 *
 * <p>Cancellation: a task cancelled while waiting takes no permit; a permit that had already been handed to
 * it goes back and on to the next waiter. Permits are never lost nor created by cancellation.
 *
 * <p>Binding and threads: see {@link Acquirable}; no method is thread-safe.
 */
public interface Semaphore extends Acquirable {

    /**
     * Takes a permit, waiting (FIFO) while none is free or others wait: Python's {@code await sem.acquire()}.
     *
     * @throws CancelledError if the waiting task was cancelled; no permit is taken then
     */
    @Override
    void acquire();

    /**
     * Returns a permit and wakes the first waiter, which takes it when it runs. A plain semaphore may be
     * released more often than acquired (its count grows); a {@link BoundedSemaphore} may not.
     *
     * @throws IllegalStateException for a {@link BoundedSemaphore} released above its initial value
     */
    @Override
    void release();

    /** @return true if {@link #acquire()} would wait now: no permit is free, or tasks are waiting */
    @Override
    boolean locked();
}
