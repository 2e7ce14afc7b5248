package org.asyncio4j;

/**
 * The block of an {@code async with}: see {@code Asyncio.asyncWith}.
 *
 * @param <R> the value bound by {@code as}
 * @param <T> the block's result type
 */
@FunctionalInterface
public interface AsyncWithBody<R, T> {
    /**
     * Runs the block; it may await.
     *
     * @param resource what the context manager's {@code aenter} returned
     * @return the result of the block
     * @throws Exception any exception, which the context manager's {@code aexit} sees
     */
    T run(R resource) throws Exception;
}
