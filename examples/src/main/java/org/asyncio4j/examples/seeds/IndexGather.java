package org.asyncio4j.examples.seeds;

import static org.asyncio4j.Asyncio.await;
import static org.asyncio4j.Asyncio.createTask;
import static org.asyncio4j.Asyncio.gather;
import static org.asyncio4j.Asyncio.run;
import static org.asyncio4j.Asyncio.sleep;

import java.util.List;
import org.asyncio4j.CancelledError;
import org.asyncio4j.Coroutine;
import org.asyncio4j.Future;
import org.asyncio4j.Task;

/**
 * Seed 004 (function index), {@code asyncio.gather(*aws, return_exceptions=False)}: the example ({@code
 * ['Hi', 'Bye']}), then the rules listed with it: an exception propagates at once while the others keep running;
 * with {@code return_exceptions=True} it takes its place in the list; cancelling the gather cancels the awaitables.
 *
 * <pre>
 * [Hi, Bye]
 * raised: IllegalStateException: oops
 * the other one kept running and returned: Bye
 * return_exceptions: [Hi, java.lang.IllegalStateException: oops]
 * gather cancelled, its child too: true
 * </pre>
 */
public final class IndexGather {
    private IndexGather() {
    }

    static String sayHi() {
        return sleep(0.01, "Hi");
    }

    static String sayBye() {
        return sleep(0.02, "Bye");
    }

    static String fail() {
        sleep(0.01);
        throw new IllegalStateException("oops");
    }

    public static void main(String[] args) {
        run(() -> {
            List<String> results = await(gather(IndexGather::sayHi, IndexGather::sayBye));
            System.out.println(results);                                  // ['Hi', 'Bye']

            Task<String> bye = createTask(IndexGather::sayBye);
            try {
                await(gather(List.of((Coroutine<String>) IndexGather::fail, bye)));
            } catch (IllegalStateException e) {
                System.out.println("raised: IllegalStateException: " + e.getMessage());
            }
            System.out.println("the other one kept running and returned: " + await(bye));

            List<Object> withExceptions = await(gather(List.of((Coroutine<String>) IndexGather::sayHi,
                    (Coroutine<String>) IndexGather::fail), true));
            System.out.println("return_exceptions: " + withExceptions);

            Task<String> child = createTask(() -> sleep(10, "never"));
            Future<List<String>> group = gather(child);
            sleep(0);
            group.cancel();
            try {
                await(group);
            } catch (CancelledError e) {
                System.out.println("gather cancelled, its child too: " + child.cancelled());
            }
            return null;
        });
    }
}
