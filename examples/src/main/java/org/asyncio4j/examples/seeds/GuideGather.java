package org.asyncio4j.examples.seeds;

import static org.asyncio4j.Asyncio.await;
import static org.asyncio4j.Asyncio.createTask;
import static org.asyncio4j.Asyncio.gather;
import static org.asyncio4j.Asyncio.run;
import static org.asyncio4j.Asyncio.sleep;

import java.util.ArrayList;
import java.util.List;
import org.asyncio4j.Coroutine;
import org.asyncio4j.Future;

/**
 * Seed 001 (the guide), "Run Many Coroutines Concurrently": {@code asyncio.gather()}, with its full example "gather
 * for many coroutines in a list" and the snippets around it: gather of a coroutine and a task, gather returning a
 * future that runs while the caller does something else and is awaited later, and results in argument order.
 *
 * <p>Python needs {@code gather(*coros)} to unpack a list; Java's {@code gather} takes a collection as it is
 * ({@code gather(coros)}), or varargs. The seed's tasks sleep 1 s; here 0.1 s.
 *
 * <pre>
 * main starting
 * >task 0 executing
 * ...
 * >task 9 executing
 * main done
 * results: [coro1, coro2]
 * group done before it was awaited: true
 * results of the group: [0, 10, 20]
 * </pre>
 */
public final class GuideGather {
    private GuideGather() {
    }

    /** {@code async def task_coro(value)}. */
    static Void taskCoro(int value) {
        System.out.println(">task " + value + " executing");
        sleep(0.1);
        return null;
    }

    static String coro1() {
        return sleep(0.02, "coro1");
    }

    static String coro2() {
        return sleep(0.01, "coro2");
    }

    public static void main(String[] args) {
        run(() -> {
            System.out.println("main starting");
            List<Coroutine<Void>> coros = new ArrayList<>();          // coros = [task_coro(i) for i in range(10)]
            for (int i = 0; i < 10; i++) {
                int value = i;
                coros.add(() -> taskCoro(value));
            }
            await(gather(coros));                                     // await asyncio.gather(*coros)
            System.out.println("main done");

            // results = await asyncio.gather(coro1(), asyncio.create_task(coro2()))
            List<Object> results = await(gather(List.of((Coroutine<String>) GuideGather::coro1, createTask(GuideGather::coro2))));
            System.out.println("results: " + results);

            // group = asyncio.gather(...); await asyncio.sleep(...); results = await group
            Future<List<Integer>> group = gather(() -> sleep(0.01, 0), () -> sleep(0.02, 10), () -> sleep(0.03, 20));
            sleep(0.05);                                              // the group runs meanwhile
            System.out.println("group done before it was awaited: " + group.done());
            System.out.println("results of the group: " + await(group));
            return null;
        });
    }
}
