package org.asyncio4j.examples.seeds;

import java.time.LocalTime;
import java.time.format.DateTimeFormatter;

/**
 * The two functions of Python's {@code time} module that the seed examples use, for blocking code (code that runs
 * in a thread, or that blocks the loop on purpose).
 */
final class Time {
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");

    private Time() {
    }

    /**
     * Python's {@code time.sleep(seconds)}: blocks the calling thread. Inside a coroutine body it blocks the whole
     * event loop, exactly as in Python; use {@code Asyncio.sleep} there, or run this in a thread with
     * {@code toThread}.
     *
     * @param seconds how long to block
     */
    static void sleep(double seconds) {
        try {
            Thread.sleep((long) (seconds * 1000));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while blocking", e);
        }
    }

    /** @return the wall-clock time as Python's {@code time.strftime('%X')} prints it (HH:MM:SS) */
    static String strftime() {
        return LocalTime.now().format(CLOCK);
    }
}
