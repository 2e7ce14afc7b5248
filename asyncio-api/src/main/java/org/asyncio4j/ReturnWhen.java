package org.asyncio4j;

/**
 * When {@code wait} returns: Python's {@code asyncio.FIRST_COMPLETED}, {@code FIRST_EXCEPTION} and
 * {@code ALL_COMPLETED}. A timeout ends the wait earlier in every case.
 */
public enum ReturnWhen {
    /** As soon as any future is done or cancelled. */
    FIRST_COMPLETED,
    /** As soon as any future finishes with an exception (cancellation does not count); else as {@link #ALL_COMPLETED}. */
    FIRST_EXCEPTION,
    /** When every future is done or cancelled. */
    ALL_COMPLETED
}
