package org.asyncio4j.examples.seeds;

import static org.asyncio4j.Asyncio.await;
import static org.asyncio4j.Asyncio.gather;
import static org.asyncio4j.Asyncio.run;
import static org.asyncio4j.Asyncio.sleep;

import java.util.List;

/**
 * Seed 002 (course notes), "8.6.4. Run Concurrently": {@code asyncio.gather(a(), b(), c())} runs the three
 * coroutines concurrently (each becomes a task) and returns their results in argument order, whatever the order in
 * which they finish. The whole takes 0.3 s, the longest of the three, not 0.6 s.
 *
 * <pre>
 * a: started
 * b: started
 * c: started
 * b: finished
 * a: finished
 * c: finished
 * Result: [a, b, c]
 * </pre>
 */
public final class CourseGather {
    private CourseGather() {
    }

    static String a() {
        System.out.println("a: started");
        sleep(0.2);                             // await asyncio.sleep(0.2)
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
            // result = await asyncio.gather(a(), b(), c())
            List<String> result = await(gather(CourseGather::a, CourseGather::b, CourseGather::c));
            System.out.println("Result: " + result);
            return null;
        });
    }
}
