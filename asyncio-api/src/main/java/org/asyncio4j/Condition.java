package org.asyncio4j;

import java.util.function.BooleanSupplier;

/**
 * A condition variable for tasks: Python's {@code asyncio.Condition}. Create one with
 * {@code Asyncio.newCondition()} (own lock) or {@code Asyncio.newCondition(lock)} (a given {@link Lock}).
 * {@link #acquire()}, {@link #release()}, {@link #locked()} and {@link #hold()} are those of the lock.
 *
 * <pre>{@code
 * try (var held = cond.hold()) {
 *     cond.waitFor(() -> !items.isEmpty());
 *     ...
 * }
 * }</pre>
 *
 * <p>Names: Python's {@code wait()}, {@code notify(n)} and {@code notify_all()} are {@link #await()},
 * {@link #signal(int)} and {@link #signalAll()} here, as in {@link java.util.concurrent.locks.Condition}
 * ({@code wait}, {@code notify} and {@code notifyAll} are final methods of {@link Object}).
 *
 * <p>Waiting, notifying and their cancellation follow CPython 3.13: a task cancelled in {@link #await()}
 * re-acquires the lock before the {@link CancelledError} leaves {@code await()}, and if it had already been
 * signalled, the signal goes on to another waiter (which may then see a spurious wake-up, allowed by the
 * protocol). The lock is not owned by a task: "holding" it means it is locked.
 *
 * <p>Binding and threads: see {@link Acquirable}; no method is thread-safe.
 */
public interface Condition extends Acquirable {

    /**
     * Releases the lock, waits until signalled, then re-acquires the lock: Python's
     * {@code await cond.wait()}. Always gives up control. May return spuriously: re-check the state.
     *
     * <p>Cancellation: the lock is re-acquired before {@link CancelledError} is thrown (cancellations that
     * arrive while re-acquiring are held back until then); a signal this waiter had received goes to the
     * next waiter.
     *
     * @throws IllegalStateException if the lock is not held
     * @throws CancelledError if the waiting task was cancelled (the lock is held again)
     */
    void await();

    /**
     * Waits until {@code predicate} is true: Python's {@code await cond.wait_for(predicate)}. Checks the
     * predicate first, then calls {@link #await()} and re-checks it after each wake-up.
     *
     * @param predicate evaluated with the lock held
     * @throws IllegalStateException if it has to wait and the lock is not held
     * @throws CancelledError if the waiting task was cancelled (the lock is held again)
     */
    void waitFor(BooleanSupplier predicate);

    /**
     * Wakes one waiting task: Python's {@code cond.notify()}. The woken task returns from {@link #await()}
     * only once it has re-acquired the lock, so the caller should release it.
     *
     * @throws IllegalStateException if the lock is not held
     */
    default void signal() {
        signal(1);
    }

    /**
     * Wakes up to {@code n} waiting tasks, in the order they started waiting: Python's
     * {@code cond.notify(n)}.
     *
     * @param n the number of tasks to wake, 0 or more
     * @throws IllegalStateException if the lock is not held
     * @throws IllegalArgumentException if {@code n} is negative
     */
    void signal(int n);

    /**
     * Wakes every waiting task: Python's {@code cond.notify_all()}.
     *
     * @throws IllegalStateException if the lock is not held
     */
    void signalAll();
}
