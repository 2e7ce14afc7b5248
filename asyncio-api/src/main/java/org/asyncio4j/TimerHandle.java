package org.asyncio4j;

/**
 * A callback scheduled at a time ({@link EventLoop#callLater}, {@link EventLoop#callAt}):
 * Python's {@code asyncio.TimerHandle}.
 */
public interface TimerHandle extends Handle {
    /** @return the loop time, in seconds, at which the callback is scheduled */
    double when();
}
