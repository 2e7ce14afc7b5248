package org.asyncio4j;

import java.util.function.Consumer;

/**
 * The result of an operation that completes later: Python's {@code asyncio.Future}.
 *
 * <p>A future is bound to one event loop and is not thread-safe: its methods must be called on its
 * loop's thread (or while that loop is not running). Use {@link EventLoop#callSoonThreadsafe} to
 * reach it from another thread. Done callbacks are always scheduled with {@link EventLoop#callSoon}
 * in registration order, also when added to an already done future; they never run synchronously.
 *
 * <p>An exception set on a future and never retrieved (by {@link #result()}, {@link #exception()} or
 * an await) is reported to the loop's exception handler: when the future is garbage-collected, and
 * at the latest when the loop is closed.
 *
 * @param <T> the result type
 */
public interface Future<T> extends Awaitable<T> {

    /** @return true if the future has a result, an exception, or was cancelled */
    boolean done();

    /** @return true if the future was cancelled */
    boolean cancelled();

    /**
     * Returns the result.
     *
     * @return the result set by {@link #setResult}
     * @throws CancelledError if the future was cancelled
     * @throws InvalidStateError if the future is not done yet
     * @throws Throwable the future's exception itself, if it has one (a checked exception is rethrown
     *         as it is, undeclared, like Python raises the stored exception object)
     */
    T result();

    /**
     * Returns the exception set on the future, or {@code null} if it has a result.
     *
     * @return the exception, or null
     * @throws CancelledError if the future was cancelled
     * @throws InvalidStateError if the future is not done yet
     */
    Throwable exception();

    /**
     * Marks the future done with a result and schedules its callbacks.
     *
     * @param result the result, may be null
     * @throws InvalidStateError if the future is already done
     */
    void setResult(T result);

    /**
     * Marks the future done with an exception and schedules its callbacks.
     *
     * @param exception the exception, not null
     * @throws InvalidStateError if the future is already done
     */
    void setException(Throwable exception);

    /**
     * Cancels the future and schedules its callbacks.
     *
     * @return false if the future was already done, true otherwise
     */
    default boolean cancel() {
        return cancel(null);
    }

    /**
     * Cancels the future; {@code msg} becomes the message of the {@link CancelledError} that awaiters get.
     *
     * @param msg the cancellation message, may be null
     * @return false if the future was already done, true otherwise
     */
    boolean cancel(String msg);

    /**
     * Adds a callback run (through {@link EventLoop#callSoon}) with this future once it is done.
     *
     * @param callback the callback; the same callback may be added several times
     */
    void addDoneCallback(Consumer<? super Future<T>> callback);

    /**
     * Removes every registration of {@code callback} (compared by identity).
     *
     * @param callback the callback to remove
     * @return the number of registrations removed
     */
    int removeDoneCallback(Consumer<? super Future<T>> callback);

    /** @return the loop this future is bound to */
    EventLoop getLoop();
}
