package org.asyncio4j;

/**
 * A future that runs a coroutine: Python's {@code asyncio.Task}.
 *
 * <p>The task's body starts on the next loop iteration (or at once for an eager task) and runs until
 * its first await that must wait; other tasks run meanwhile. The loop keeps a strong reference to every
 * pending task, so a task never vanishes while it runs.
 *
 * <p>Cancellation is a request, as in Python: {@link #cancel(String)} throws {@link CancelledError}
 * into the body at its current (or next) await. The body may catch it, clean up in {@code finally}, and
 * even return normally, in which case the task completes normally. {@link #cancelling()} counts the
 * pending requests and {@link #uncancel()} takes one back. {@link #setResult} and {@link #setException}
 * are not allowed on a task.
 *
 * @param <T> the result type
 */
public interface Task<T> extends Future<T> {

    /** @return the name of the task ({@code Task-N} unless set) */
    String getName();

    /** @param name the new name of the task */
    void setName(String name);

    /**
     * Requests cancellation of the task: Python's {@code Task.cancel(msg)}.
     *
     * @param msg the message of the {@link CancelledError} thrown into the body, may be null
     * @return false if the task is already done, true otherwise
     */
    @Override
    boolean cancel(String msg);

    /** @return the number of pending cancellation requests (requests minus {@link #uncancel()} calls) */
    int cancelling();

    /**
     * Decrements the count of cancellation requests; when it reaches zero, a request not yet delivered
     * to the body is dropped.
     *
     * @return the remaining number of cancellation requests
     */
    int uncancel();
}
