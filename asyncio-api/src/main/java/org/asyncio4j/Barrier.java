package org.asyncio4j;

/**
 * A meeting point for a fixed number of tasks: Python's {@code asyncio.Barrier}. Create one with
 * {@code Asyncio.newBarrier(parties)}. Tasks wait in {@link #await()} until {@code parties} of them have
 * arrived; then all are released together and the barrier can be used again.
 *
 * <p>Python's {@code barrier.wait()} is {@link #await()} here ({@code wait()} is a final method of
 * {@link Object}), as in {@link java.util.concurrent.CyclicBarrier}.
 *
 * <p>{@link #abort()} breaks the barrier: waiting and later tasks get {@link BrokenBarrierError}.
 * {@link #reset()} returns it to the empty state; tasks waiting at that moment get {@link BrokenBarrierError}.
 * A task cancelled while waiting leaves the barrier (the others go on waiting for a full set of parties).
 *
 * <p>Binding and threads: the barrier belongs to the loop it is first awaited on; only {@link #parties()} is
 * thread-safe, every other method throws {@link IllegalStateException} when called from another thread while
 * that loop runs.
 */
public interface Barrier {

    /**
     * Waits until {@code parties} tasks are waiting, then returns: Python's {@code await barrier.wait()}.
     * While the barrier is releasing a set of tasks, tasks of the next round wait until it is empty.
     *
     * @return the arrival index of the task in its round, 0 to {@code parties - 1}, each once per round
     * @throws BrokenBarrierError if the barrier is broken ({@link #abort()}) or reset while waiting
     * @throws CancelledError if the waiting task was cancelled
     */
    int await();

    /**
     * Puts the barrier into the broken state: tasks waiting now and tasks calling {@link #await()} later
     * get {@link BrokenBarrierError}. Python's {@code await barrier.abort()}: briefly takes the barrier's
     * internal lock, so must be called inside a coroutine body.
     */
    void abort();

    /**
     * Returns the barrier to its empty state: Python's {@code await barrier.reset()}. Tasks waiting now get
     * {@link BrokenBarrierError}; a broken barrier becomes usable again. Must be called inside a coroutine body.
     */
    void reset();

    /** @return the number of tasks needed to pass the barrier (thread-safe) */
    int parties();

    /** @return the number of tasks waiting in the current round (0 while the barrier drains or resets) */
    int nWaiting();

    /** @return true if the barrier is broken */
    boolean broken();
}
