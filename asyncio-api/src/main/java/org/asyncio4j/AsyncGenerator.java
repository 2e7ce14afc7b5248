package org.asyncio4j;

/**
 * An asynchronous generator: Python's {@code async def} with {@code yield}. Its body
 * ({@link AsyncGeneratorBody}) runs inside the task that consumes it, from one {@code emit} to the next:
 * its awaits suspend that task, and its {@link ContextVar} values are the consumer's.
 *
 * <p>{@link #aclose()} (also {@link #close()}, for try-with-resources, Python's {@code contextlib.aclosing})
 * throws {@link GeneratorExit} into the body at its current {@code emit}, so its {@code finally} blocks run;
 * a body that emits again then is an error. Iterating with for-each and leaving the loop early does not close
 * the generator (as in Python); the loop's runner closes the generators still open when it shuts down.
 *
 * <p>All methods must be called inside a coroutine body on the generator's loop; a generator cannot be
 * resumed while it is already running.
 *
 * @param <T> the element type
 */
public interface AsyncGenerator<T> extends AsyncIterator<T>, AsyncIterable<T>, AutoCloseable {
    /** @return this generator: it is its own iterator, as in Python */
    @Override
    default AsyncIterator<T> aiter() {
        return this;
    }

    /**
     * Throws {@code error} into the body at its current {@code emit}: Python's {@code athrow}.
     *
     * @param error what to throw
     * @return the next element the body emits while handling it
     * @throws StopAsyncIteration if the body ends
     */
    T athrow(Throwable error);

    /** Closes the generator, running its finally blocks: Python's {@code aclose}. Closing twice does nothing. */
    void aclose();

    /** Same as {@link #aclose()}. */
    @Override
    default void close() {
        aclose();
    }

    /** Thrown into a generator's body by {@link #aclose()}: Python's {@code GeneratorExit}. Do not swallow it. */
    final class GeneratorExit extends RuntimeException {
        private static final long serialVersionUID = 1L;

        /** Creates the exception. */
        public GeneratorExit() {
            super("the asynchronous generator is being closed");
        }
    }
}
