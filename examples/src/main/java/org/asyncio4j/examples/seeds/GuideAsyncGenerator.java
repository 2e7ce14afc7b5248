package org.asyncio4j.examples.seeds;

import static org.asyncio4j.Asyncio.anext;
import static org.asyncio4j.Asyncio.asyncGenerator;
import static org.asyncio4j.Asyncio.run;
import static org.asyncio4j.Asyncio.sleep;

import java.util.ArrayList;
import java.util.List;
import org.asyncio4j.AsyncGenerator;

/**
 * Seed 001 (the guide), "Asynchronous Generators": an {@code async def} with {@code yield}, which awaits between
 * values; traversed with {@code async for} ("example of asynchronous generator with async for loop"), stepped with
 * {@code await anext(gen)}, and collected with an async list comprehension.
 *
 * <p>In Java an async generator is {@code asyncGenerator(out -> ...)} whose body calls {@code out.emit(x)} for
 * {@code yield x}. A generator left before its end is closed with try-with-resources (Python's {@code
 * contextlib.aclosing}), which runs its {@code finally} blocks. The seed sleeps 1 s per value; here 0.01 s.
 *
 * <pre>
 * 0
 * 1
 * ...
 * 9
 * anext: 0, then 1
 * comprehension: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]
 * </pre>
 */
public final class GuideAsyncGenerator {
    private GuideAsyncGenerator() {
    }

    /** {@code async def async_generator()}: yields 0 to 9, sleeping before each value. */
    static AsyncGenerator<Integer> asyncGeneratorOfTen() {
        return asyncGenerator(out -> {
            for (int i = 0; i < 10; i++) {          // normal loop
                sleep(0.01);                        // block to simulate doing work
                out.emit(i);                        // yield the result
            }
        });
    }

    public static void main(String[] args) {
        run(() -> {
            for (int item : asyncGeneratorOfTen()) {    // async for item in async_generator():
                System.out.println(item);
            }

            try (AsyncGenerator<Integer> gen = asyncGeneratorOfTen()) {   // gen = async_generator(), closed at the end
                int first = anext(gen);                 // result = await anext(gen)
                int second = anext(gen);
                System.out.println("anext: " + first + ", then " + second);
            }

            List<Integer> results = new ArrayList<>();  // results = [item async for item in async_generator()]
            for (int item : asyncGeneratorOfTen()) {
                results.add(item);
            }
            System.out.println("comprehension: " + results);
            return null;
        });
    }
}
