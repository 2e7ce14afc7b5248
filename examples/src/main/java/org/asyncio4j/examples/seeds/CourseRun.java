package org.asyncio4j.examples.seeds;

import static org.asyncio4j.Asyncio.run;

/**
 * Seed 002 (course notes), "8.6.2. Run Coroutine" and "8.6.3. Run Sequentially": {@code asyncio.run} runs a main
 * coroutine on a new event loop, and a coroutine that awaits others runs them one after the other.
 *
 * <p>Prints {@code hello} once, then three times.
 */
public final class CourseRun {
    private CourseRun() {
    }

    /** {@code async def hello(): print('hello')}: a method called inside a coroutine body is a coroutine function. */
    static void hello() {
        System.out.println("hello");
    }

    /** {@code async def main(): await hello(); await hello(); await hello()}: calling it inline is {@code await}. */
    static void sequentially() {
        hello();
        hello();
        hello();
    }

    public static void main(String[] args) {
        run(() -> {                 // asyncio.run(hello())
            hello();
            return null;
        });
        run(() -> {                 // asyncio.run(main())
            sequentially();
            return null;
        });
    }
}
