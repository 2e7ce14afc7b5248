package org.asyncio4j.examples.seeds;

import static org.asyncio4j.Asyncio.asyncGenerator;
import static org.asyncio4j.Asyncio.await;
import static org.asyncio4j.Asyncio.createTask;
import static org.asyncio4j.Asyncio.run;
import static org.asyncio4j.Asyncio.sleep;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.asyncio4j.AsyncGenerator;
import org.asyncio4j.AsyncIterable;
import org.asyncio4j.StopAsyncIteration;
import org.asyncio4j.Task;

/**
 * Seed 001 (the guide), "Asynchronous Comprehensions": list, dict and set comprehensions, the async list
 * comprehension over an async iterator or generator ({@code [a async for a in agenerator]}), and the await
 * comprehension over a collection of awaitables ({@code [await a for a in awaitables]}).
 *
 * <p>Java has no comprehensions: plain ones become streams, and async ones, whose every step awaits, become for-each
 * loops in a coroutine body.
 *
 * <pre>
 * list: [0, 2, 4, ..., 198] (100 items)
 * dict: {a=0, b=1, c=2}
 * set: [1, 2, 3, 4, 5]
 * async list comprehension (iterator): [0, 1, 2]
 * async list comprehension (generator): [0, 10, 20]
 * await comprehension: [1, 2, 3]
 * </pre>
 */
public final class GuideAsyncComprehensions {
    private GuideAsyncComprehensions() {
    }

    static AsyncGenerator<Integer> tens() {
        return asyncGenerator(out -> {
            for (int i = 0; i < 3; i++) {
                sleep(0.01);
                out.emit(i * 10);
            }
        });
    }

    public static void main(String[] args) {
        run(() -> {
            List<Integer> doubled = IntStream.range(0, 100).map(a -> a * 2).boxed().toList();   // [a*2 for a in range(100)]
            System.out.println("list: [0, 2, 4, ..., " + doubled.get(99) + "] (" + doubled.size() + " items)");
            List<String> keys = List.of("a", "b", "c");                  // {a:i for a,i in zip(['a','b','c'],range(3))}
            Map<String, Integer> dict = IntStream.range(0, 3).boxed()
                    .collect(Collectors.toMap(keys::get, i -> i, (x, y) -> y, LinkedHashMap::new));
            System.out.println("dict: " + dict);
            Set<Integer> set = new TreeSet<>(List.of(1, 2, 3, 2, 3, 1, 5, 4));   // {a for a in [1, 2, 3, 2, 3, 1, 5, 4]}
            System.out.println("set: " + set);

            AsyncIterable<Integer> aiterable = () -> {                    // an async iterable: aiter() gives an iterator
                int[] next = {0};
                return () -> {                                            // its anext()
                    if (next[0] == 3) {
                        throw new StopAsyncIteration();
                    }
                    sleep(0.01);
                    return next[0]++;
                };
            };
            List<Integer> fromIterator = new ArrayList<>();
            for (int a : aiterable) {                                     // [a async for a in aiterable]
                fromIterator.add(a);
            }
            System.out.println("async list comprehension (iterator): " + fromIterator);

            List<Integer> result = new ArrayList<>();
            for (int a : tens()) {                                        // [a async for a in agenerator]
                result.add(a);
            }
            System.out.println("async list comprehension (generator): " + result);

            List<Task<Integer>> awaitables = List.of(createTask(() -> sleep(0.03, 1)), createTask(() -> sleep(0.01, 2)),
                    createTask(() -> sleep(0.02, 3)));
            List<Integer> results = new ArrayList<>();
            for (Task<Integer> a : awaitables) {                          // [await a for a in awaitables]
                results.add(await(a));
            }
            System.out.println("await comprehension: " + results);
            return null;
        });
    }
}
