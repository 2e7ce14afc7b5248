package org.asyncio4j;

/**
 * A mutual-exclusion lock for tasks: Python's {@code asyncio.Lock}. Create one with {@code Asyncio.newLock()}.
 *
 * <pre>{@code
 * try (var held = lock.hold()) {
 *     ... // one task at a time here
 * }
 * }</pre>
 *
 * <p>Fairness: waiters acquire the lock in the order they asked for it (FIFO). The lock is not owned by a
 * task: any task may release it, as in Python.
 *
 * <p>Cancellation: a task cancelled while waiting in {@link #acquire()} does not get the lock, and if the lock
 * had already been passed to it, the next waiter is woken instead; a cancelled waiter never leaves the lock
 * held nor stalls the waiters behind it.
 *
 * <p>Binding and threads: see {@link Acquirable}; no method is thread-safe.
 */
public interface Lock extends Acquirable {

    /**
     * Acquires the lock, waiting (in FIFO order) while it is held: Python's {@code await lock.acquire()}. Takes
     * it at once, without giving up control, when it is free and nobody waits for it.
     *
     * @throws CancelledError if the waiting task was cancelled; the lock is then not held by this call
     */
    @Override
    void acquire();

    /**
     * Releases the lock and wakes the first waiter, which takes it when it runs.
     *
     * @throws IllegalStateException if the lock is not held (Python's {@code RuntimeError})
     */
    @Override
    void release();

    /** @return true if the lock is held */
    @Override
    boolean locked();
}
