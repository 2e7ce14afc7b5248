package org.asyncio4j.examples.seeds;

import static org.asyncio4j.Asyncio.asCompleted;
import static org.asyncio4j.Asyncio.await;
import static org.asyncio4j.Asyncio.run;
import static org.asyncio4j.Asyncio.sleep;

import org.asyncio4j.Future;

/**
 * Seed 002 (course notes), "8.6.5. Run as Completed": {@code asyncio.as_completed} runs the coroutines
 * concurrently and hands them back in the order they finish.
 *
 * <p>Java has Python 3.13's form, {@code async for} over {@code as_completed}: each step of the for-each waits for
 * the next task to finish and yields that task. The seed's output starts the coroutines in an arbitrary order
 * ({@code as_completed} put them in a set); here they start in argument order:
 *
 * <pre>
 * a: started
 * b: started
 * c: started
 * b: finished
 * b
 * a: finished
 * a
 * c: finished
 * c
 * </pre>
 */
public final class CourseAsCompleted {
    private CourseAsCompleted() {
    }

    static String a() {
        System.out.println("a: started");
        sleep(0.2);
        System.out.println("a: finished");
        return "a";
    }

    static String b() {
        System.out.println("b: started");
        sleep(0.1);
        System.out.println("b: finished");
        return "b";
    }

    static String c() {
        System.out.println("c: started");
        sleep(0.3);
        System.out.println("c: finished");
        return "c";
    }

    public static void main(String[] args) {
        run(() -> {
            // for coro in asyncio.as_completed([a(), b(), c()]): result = await coro; print(result)
            for (Future<String> next : asCompleted(CourseAsCompleted::a, CourseAsCompleted::b, CourseAsCompleted::c)) {
                String result = await(next);    // done already: await returns at once
                System.out.println(result);
            }
            return null;
        });
    }
}
