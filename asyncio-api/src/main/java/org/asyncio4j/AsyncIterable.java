package org.asyncio4j;

import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * Something a body can iterate with {@code async for}: Python's {@code __aiter__}. It is also a plain
 * {@link Iterable}, so inside a coroutine body {@code for (T x : asyncIterable) { ... }} is Python's
 * {@code async for x in it}: each step of the loop awaits the next element.
 *
 * @param <T> the element type
 */
@FunctionalInterface
public interface AsyncIterable<T> extends Iterable<T> {
    /** @return a new asynchronous iterator over the elements: Python's {@code aiter(x)} */
    AsyncIterator<T> aiter();

    /**
     * An iterator whose {@code hasNext()} awaits the next element (so it must run inside a coroutine body)
     * and returns false once {@link AsyncIterator#anext()} throws {@link StopAsyncIteration}.
     */
    @Override
    default Iterator<T> iterator() {
        AsyncIterator<T> it = aiter();
        return new Iterator<>() {
            private boolean fetched;
            private boolean exhausted;
            private T next;

            @Override
            public boolean hasNext() {
                if (!fetched && !exhausted) {
                    try {
                        next = it.anext();
                        fetched = true;
                    } catch (StopAsyncIteration end) {
                        exhausted = true;
                    }
                }
                return fetched;
            }

            @Override
            public T next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                fetched = false;
                T v = next;
                next = null;
                return v;
            }
        };
    }
}
