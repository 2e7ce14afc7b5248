package org.asyncio4j.examples.seeds;

import static org.asyncio4j.Asyncio.createTask;
import static org.asyncio4j.Asyncio.newEventLoop;
import static org.asyncio4j.Asyncio.sleep;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.asyncio4j.Asyncio;
import org.asyncio4j.DoneAndPending;
import org.asyncio4j.LoopConfig;
import org.asyncio4j.ReturnWhen;
import org.asyncio4j.Runner;
import org.asyncio4j.Task;
import org.asyncio4j.VirtualClock;

/**
 * Seed 001 (the guide), "Wait for A Collection of Tasks": {@code asyncio.wait()} with its full example "waiting for
 * all tasks to complete" (ten tasks sleeping a random time), then the snippets with {@code return_when} ({@code
 * FIRST_COMPLETED}, {@code FIRST_EXCEPTION}) and {@code timeout}. {@code wait} cancels nothing and a timeout is not
 * an error: it returns the tasks split into done and pending.
 *
 * <p>The random delays (up to 1 s, as in the seed) run on a loop with a {@link VirtualClock}, Python's {@code
 * asyncio.run(main(), loop_factory=...)}: the loop jumps to its next timer instead of waiting, so the program is
 * instant, and the order of the timers is exact. The random generator has a fixed seed, so the output is stable.
 * {@code Asyncio.wait} is called qualified: in a class, {@code Object.wait} hides a static import of {@code wait}.
 *
 * <pre>
 * >task 6 done with 8.135150397167168E-4
 * ... (ten lines, by increasing value)
 * All done
 * FIRST_COMPLETED: 1 done, 2 pending
 * FIRST_EXCEPTION: 1 done, 1 pending, exception: IllegalStateException: failed early
 * timeout: 1 done, 1 pending
 * </pre>
 */
public final class GuideWait {
    private GuideWait() {
    }

    /** {@code async def task_coro(arg)}: sleeps a random time, then reports it. */
    static Void taskCoro(int arg, Random random) {
        double value = random.nextDouble();            // value = random()
        sleep(value);
        System.out.println(">task " + arg + " done with " + value);
        return null;
    }

    static Void waitExamples(Random random) {
        List<Task<Void>> tasks = new ArrayList<>();    // tasks = [asyncio.create_task(task_coro(i)) for i in range(10)]
        for (int i = 0; i < 10; i++) {
            int arg = i;
            tasks.add(createTask(() -> taskCoro(arg, random)));
        }
        DoneAndPending<Task<Void>> all = Asyncio.wait(tasks);   // done, pending = await asyncio.wait(tasks)
        System.out.println("All done");

        List<Task<Integer>> three = List.of(createTask(() -> sleep(0.1, 1)), createTask(() -> sleep(0.2, 2)),
                createTask(() -> sleep(0.3, 3)));
        DoneAndPending<Task<Integer>> first = Asyncio.wait(three, ReturnWhen.FIRST_COMPLETED);
        System.out.println("FIRST_COMPLETED: " + first.done().size() + " done, " + first.pending().size() + " pending");

        List<Task<Integer>> two = List.of(createTask(() -> {
            sleep(0.1);
            throw new IllegalStateException("failed early");
        }), createTask(() -> sleep(0.5, 5)));
        DoneAndPending<Task<Integer>> failed = Asyncio.wait(two, ReturnWhen.FIRST_EXCEPTION);
        Throwable e = failed.done().iterator().next().exception();
        System.out.println("FIRST_EXCEPTION: " + failed.done().size() + " done, " + failed.pending().size()
                + " pending, exception: " + e.getClass().getSimpleName() + ": " + e.getMessage());

        // done, pending = await asyncio.wait(tasks, timeout=3)
        List<Task<Integer>> slowAndFast = List.of(createTask(() -> sleep(1, 1)), createTask(() -> sleep(5, 5)));
        DoneAndPending<Task<Integer>> timed = Asyncio.wait(slowAndFast, 3.0, ReturnWhen.ALL_COMPLETED);
        System.out.println("timeout: " + timed.done().size() + " done, " + timed.pending().size() + " pending");
        return null;
    }

    public static void main(String[] args) {
        Random random = new Random(2024);
        try (Runner runner = new Runner(() -> newEventLoop(LoopConfig.defaults().withClock(new VirtualClock())))) {
            runner.run(() -> waitExamples(random));
        }
    }
}
