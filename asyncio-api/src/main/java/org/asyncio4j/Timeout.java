package org.asyncio4j;

/**
 * A deadline for a block of awaits: Python's {@code asyncio.Timeout}. Use it as {@code timeout(delay, t -> ...)}
 * or {@code timeoutAt(when, t -> ...)}, or with {@code asyncWith(timeout(delay), t -> ...)}; each timeout can be
 * entered once.
 *
 * <p>When the deadline passes while the block runs, the task running it is cancelled: the block sees a
 * {@link CancelledError} at its current await (so that its cleanup code and inner primitives react as to any
 * cancellation), and where the block ends that CancelledError becomes a {@link TimeoutError}. A cancellation
 * coming from elsewhere (another task's {@code cancel()}) is never turned into a TimeoutError, and the task's
 * {@link Task#cancelling()} count is the same after the block as before it. Of nested timeouts that expire,
 * the outermost one that expired raises the TimeoutError; the inner ones let the CancelledError through.
 *
 * <p>Methods must be called on the loop's thread.
 */
public interface Timeout extends AsyncContextManager<Timeout> {

    /** @return the deadline in loop time ({@link EventLoop#time()}), or null if the timeout never fires */
    Double when();

    /**
     * Moves the deadline: Python's {@code reschedule(when)}. A deadline not after the current loop time fires
     * on the next loop iteration.
     *
     * @param when the new deadline in loop time, or null to disable the timeout
     * @throws IllegalStateException if the block has not started, has ended, or the timeout already fired
     */
    void reschedule(Double when);

    /** @return true if the deadline passed while the block ran (the timeout fired) */
    boolean expired();

    /**
     * Starts the timeout for the block about to run in the current task: Python's {@code __aenter__}.
     *
     * @return this timeout
     * @throws IllegalStateException if it was entered before, or this is not a coroutine body
     */
    @Override
    Timeout aenter();

    /**
     * Ends the block: Python's {@code __aexit__}. If the timeout fired and {@code error} is the cancellation it
     * caused, a {@link TimeoutError} caused by it is thrown instead; never suppresses {@code error}.
     *
     * @param error the exception leaving the block, or null
     * @return false
     */
    @Override
    boolean aexit(Throwable error);

    /**
     * A block of code under a timeout; it may await and may use the {@link Timeout} (to reschedule it).
     *
     * @param <T> the result type
     */
    @FunctionalInterface
    interface Body<T> {
        /**
         * Runs the block.
         *
         * @param timeout the timeout guarding the block
         * @return the block's result
         * @throws Exception anything, which leaves the block unchanged (except a CancelledError the timeout caused)
         */
        T run(Timeout timeout) throws Exception;
    }
}
