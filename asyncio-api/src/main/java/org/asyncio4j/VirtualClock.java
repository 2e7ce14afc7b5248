package org.asyncio4j;

import java.util.concurrent.atomic.AtomicLong;

/**
 * A clock that only moves when the loop is idle: when nothing is ready, the loop jumps straight to the
 * next timer's deadline instead of waiting. {@code sleep(3600)} then takes no real time, and the loop's
 * {@code time()} reads exactly the deadlines, which makes time-dependent tests exact and fast.
 *
 * <p>Work arriving from other threads ({@code callSoonThreadsafe}, executors) still takes real time;
 * an idle loop with no timers waits for it for real.
 */
public final class VirtualClock implements LoopClock {
    private final AtomicLong nanos = new AtomicLong();

    /** A clock starting at 0. */
    public VirtualClock() {
    }

    @Override
    public long nanoTime() {
        return nanos.get();
    }

    @Override
    public boolean advanceTo(long deadlineNanos) {
        nanos.accumulateAndGet(deadlineNanos, Math::max);
        return true;
    }

    /**
     * Moves the clock forward.
     *
     * @param seconds how far, not negative
     */
    public void advance(double seconds) {
        if (!(seconds >= 0)) {
            throw new IllegalArgumentException("cannot move a clock backwards: " + seconds);
        }
        nanos.addAndGet((long) (seconds * 1e9));
    }
}
