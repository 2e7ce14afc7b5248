package org.asyncio4j;

/**
 * The body of an {@link AsyncGenerator}: Python's {@code async def gen(): ... yield x ...}. It may await,
 * and calls {@code out.emit(x)} where Python writes {@code yield x}.
 *
 * @param <T> the element type
 */
@FunctionalInterface
public interface AsyncGeneratorBody<T> {
    /**
     * Runs the generator.
     *
     * @param out where to emit elements
     * @throws Exception any exception, which the consumer's {@code anext()} throws
     */
    void run(Emitter<T> out) throws Exception;

    /**
     * Emits elements of an async generator.
     *
     * @param <T> the element type
     */
    @FunctionalInterface
    interface Emitter<T> {
        /**
         * Python's {@code yield value}: hands {@code value} to the consumer and suspends the generator until the
         * next {@code anext()}.
         *
         * @param value the element
         * @throws AsyncGenerator.GeneratorExit when the generator is being closed
         */
        void emit(T value);
    }
}
