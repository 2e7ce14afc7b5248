package org.asyncio4j;

/**
 * A callback scheduled on the loop ({@link EventLoop#callSoon}): Python's {@code asyncio.Handle}.
 */
public interface Handle {
    /** Cancels the callback; a cancelled callback is not run. Cancelling twice has no effect. */
    void cancel();

    /** @return true if the callback was cancelled */
    boolean cancelled();
}
