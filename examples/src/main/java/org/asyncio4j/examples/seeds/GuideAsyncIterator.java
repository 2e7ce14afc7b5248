package org.asyncio4j.examples.seeds;

import static org.asyncio4j.Asyncio.anext;
import static org.asyncio4j.Asyncio.run;
import static org.asyncio4j.Asyncio.sleep;

import java.util.ArrayList;
import java.util.List;
import org.asyncio4j.AsyncIterable;
import org.asyncio4j.AsyncIterator;
import org.asyncio4j.StopAsyncIteration;

/**
 * Seed 001 (the guide), "Asynchronous Iterators": a class with {@code __aiter__} and {@code __anext__}, which
 * awaits in each step and raises {@code StopAsyncIteration} at the end; traversed with {@code async for} ("example of
 * an asynchronous iterator with async for loop"), stepped with {@code await anext(it)}, and collected with an async
 * list comprehension.
 *
 * <p>In Java the class implements {@link AsyncIterator} ({@code anext}) and {@link AsyncIterable} ({@code aiter});
 * inside a coroutine body, a for-each over an {@code AsyncIterable} is {@code async for}. The seed sleeps 1 s per
 * step; here 0.01 s.
 *
 * <pre>
 * 1
 * 2
 * ...
 * 10
 * anext: 1, then 2
 * comprehension: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]
 * </pre>
 */
public final class GuideAsyncIterator {
    private GuideAsyncIterator() {
    }

    /** {@code class AsyncIterator}: counts from 1 to 10, awaiting before each value. */
    static final class Counter implements AsyncIterator<Integer>, AsyncIterable<Integer> {
        private int counter = 0;

        /** {@code def __aiter__(self): return self}. */
        @Override
        public AsyncIterator<Integer> aiter() {
            return this;
        }

        /** {@code async def __anext__(self)}. */
        @Override
        public Integer anext() {
            if (counter >= 10) {
                throw new StopAsyncIteration();     // check for no further items
            }
            counter += 1;
            sleep(0.01);                            // simulate work
            return counter;
        }
    }

    public static void main(String[] args) {
        run(() -> {
            for (int item : new Counter()) {        // async for item in AsyncIterator():
                System.out.println(item);
            }

            Counter it = new Counter();             // it = AsyncIterator()
            int first = anext(it);                  // result = await anext(it)
            int second = anext(it);
            System.out.println("anext: " + first + ", then " + second);

            List<Integer> results = new ArrayList<>();   // results = [item async for item in AsyncIterator()]
            for (int item : new Counter()) {
                results.add(item);
            }
            System.out.println("comprehension: " + results);
            return null;
        });
    }
}
