package org.asyncio4j;

/**
 * A primitive used with Python's {@code async with}: {@link Lock}, {@link Semaphore} and {@link Condition}.
 * {@link #acquire()} on entry, {@link #release()} on exit. In Java, {@code async with lock:} is
 * try-with-resources over {@link #hold()}:
 *
 * <pre>{@code
 * try (var held = lock.hold()) {   // awaits the lock (may throw CancelledError: then nothing is held)
 *     ...                          // the lock is held; the body may await
 * }                                // released here, also on an exception or a cancellation
 * }</pre>
 *
 * <p>javac's {@code -Xlint:try} warns that {@code held} is not referenced in the block; suppress it with
 * {@code @SuppressWarnings("try")} (with Java 22 or newer, name the variable {@code _}).
 *
 * <p>It is also an {@link AsyncContextManager}, so {@code Asyncio.asyncWith(lock, none -> ...)} does the same
 * ({@link #aenter()} acquires and binds null, as Python's {@code __aenter__} returns None; {@link #aexit} releases
 * and never suppresses the exception).
 *
 * <p>Binding and threads: the object belongs to the event loop on which it first has to wait (Python's
 * {@code _LoopBoundMixin}); awaiting it on another loop throws {@link IllegalStateException}, and so does
 * any method called from another thread while that loop runs. None of the methods is thread-safe: from
 * another thread, use {@link EventLoop#callSoonThreadsafe}.
 */
public interface Acquirable extends AsyncContextManager<Void> {

    /**
     * Waits until the primitive can be acquired, then acquires it: Python's {@code await x.acquire()}. Returns
     * at once, without giving up control, when it can be acquired right away. Must be called inside a
     * coroutine body when it has to wait.
     *
     * <p>Cancellation: if the waiting task is cancelled, {@link CancelledError} is thrown from here and nothing
     * is acquired; what was already handed to this waiter goes on to the next one.
     *
     * @throws CancelledError if the waiting task was cancelled
     * @throws IllegalStateException if it has to wait outside a coroutine body, or on another loop than the
     *         one the object is bound to
     */
    void acquire();

    /**
     * Releases the primitive and wakes the next waiter, if any. Never waits.
     *
     * @throws IllegalStateException if the primitive is not held (see the implementing type)
     */
    void release();

    /** @return true if {@link #acquire()} would have to wait now */
    boolean locked();

    /**
     * Acquires the primitive (as {@link #acquire()}) and returns a handle whose {@link Held#close()} releases it:
     * Python's {@code async with x:} as a try-with-resources.
     *
     * @return a handle that releases the primitive once when closed
     * @throws CancelledError if the waiting task was cancelled (nothing is held then)
     */
    default Held hold() {
        acquire();
        return new ReleaseOnce(this);
    }

    /**
     * Python's {@code __aenter__}: {@link #acquire()}.
     *
     * @return null (Python's {@code async with lock as x} binds None)
     * @throws CancelledError if the waiting task was cancelled (nothing is held then)
     */
    @Override
    default Void aenter() {
        acquire();
        return null;
    }

    /**
     * Python's {@code __aexit__}: {@link #release()}.
     *
     * @param error the exception leaving the block, or null
     * @return false: the exception is never suppressed
     */
    @Override
    default boolean aexit(Throwable error) {
        release();
        return false;
    }

    /**
     * The acquired state of an {@link Acquirable}, returned by {@link #hold()}: closing it releases the
     * primitive. Closing it again does nothing.
     */
    interface Held extends AutoCloseable {
        /** Releases the primitive the first time it is called; later calls do nothing. */
        @Override
        void close();
    }
}
