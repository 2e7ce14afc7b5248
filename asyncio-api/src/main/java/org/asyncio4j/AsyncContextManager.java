package org.asyncio4j;

/**
 * An asynchronous context manager: Python's {@code __aenter__}/{@code __aexit__}, used with
 * {@code Asyncio.asyncWith(cm, r -> ...)} ({@code async with cm as r: ...}). Both methods may await.
 *
 * <p>Java's try-with-resources cannot show {@code close()} the exception leaving the block, so
 * {@code asyncWith} is the exact form: {@link #aexit} sees that exception and may suppress it. Types that also
 * implement {@link AutoCloseable} (locks, timeouts, task groups, streams) document what their {@code close()}
 * does without it.
 *
 * @param <R> what {@link #aenter()} returns (the {@code as} target)
 */
public interface AsyncContextManager<R> {
    /**
     * Enters the context: Python's {@code await cm.__aenter__()}.
     *
     * @return the value bound by {@code as}
     */
    R aenter();

    /**
     * Leaves the context: Python's {@code await cm.__aexit__(type, exc, tb)}.
     *
     * @param error the exception leaving the block, or null if it completed normally
     * @return true to suppress {@code error} (ignored when it is null)
     */
    boolean aexit(Throwable error);
}
