package org.asyncio4j;

/**
 * The time source of an event loop. The default reads {@link System#nanoTime()}; a {@link VirtualClock}
 * makes timers fire without waiting, for tests and simulations.
 */
public interface LoopClock {
    /** @return monotonic time in nanoseconds */
    long nanoTime();

    /**
     * Called by an idle loop instead of waiting when the next timer is due at {@code deadlineNanos}.
     *
     * @param deadlineNanos when the next timer is due
     * @return true if the clock moved to the deadline itself (virtual time), false to make the loop wait for real
     */
    default boolean advanceTo(long deadlineNanos) {
        return false;
    }

    /** The system's monotonic clock. */
    LoopClock SYSTEM = System::nanoTime;
}
