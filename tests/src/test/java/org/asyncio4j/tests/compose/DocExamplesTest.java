package org.asyncio4j.tests.compose;

import static org.asyncio4j.Asyncio.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.asyncio4j.Asyncio;
import org.asyncio4j.Coroutine;
import org.asyncio4j.DoneAndPending;
import org.asyncio4j.Task;
import org.asyncio4j.Timeout;
import org.asyncio4j.TimeoutError;
import org.asyncio4j.tests.LoopTest;
import org.junit.jupiter.api.Test;

/**
 * The examples of the Python documentation (asyncio-task.html) and of the seed documents (000, 001, 004) for
 * gather, wait, TaskGroup, wait_for and timeout, ported; the expected output is CPython 3.13's.
 */
class DocExamplesTest extends LoopTest {
    private final List<String> out = new ArrayList<>();

    private Coroutine<Integer> factorial(String name, int number) {
        return () -> {
            int f = 1;
            for (int i = 2; i <= number; i++) {
                out.add("Task " + name + ": Compute factorial(" + number + "), currently i=" + i + "...");
                sleep(1);
                f *= i;
            }
            out.add("Task " + name + ": factorial(" + number + ") = " + f);
            return f;
        };
    }

    @Test
    void gatherFactorials() {
        runMain(() -> {
            List<Integer> l = await(gather(factorial("A", 2), factorial("B", 3), factorial("C", 4)));
            out.add(l.toString());
            return null;
        });
        assertEquals(List.of(
                "Task A: Compute factorial(2), currently i=2...",
                "Task B: Compute factorial(3), currently i=2...",
                "Task C: Compute factorial(4), currently i=2...",
                "Task A: factorial(2) = 2",
                "Task B: Compute factorial(3), currently i=3...",
                "Task C: Compute factorial(4), currently i=3...",
                "Task B: factorial(3) = 6",
                "Task C: Compute factorial(4), currently i=4...",
                "Task C: factorial(4) = 24",
                "[2, 6, 24]"), out);
    }

    @Test
    void gatherOfAListOfCoroutines() {
        // seed 001 "Example of gather() For Many Coroutines in a List"
        runMain(() -> {
            out.add("main starting");
            List<Coroutine<Object>> coros = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                int value = i;
                coros.add(() -> {
                    out.add(">task " + value + " executing");
                    return sleep(1, null);
                });
            }
            await(gather(coros));
            out.add("main done");
            return null;
        });
        List<String> expected = new ArrayList<>(List.of("main starting"));
        for (int i = 0; i < 10; i++) {
            expected.add(">task " + i + " executing");
        }
        expected.add("main done");
        assertEquals(expected, out);
        assertEquals(1.0, loop.time(), 1e-9);
    }

    @Test
    void waitForAllTasks() {
        // seed 001 "Example of Waiting for All Tasks" (random delays, printed in completion order)
        Random random = new Random(42);
        double[] values = new double[10];
        runMain(() -> {
            List<Task<Object>> tasks = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                int arg = i;
                values[i] = random.nextDouble();
                tasks.add(createTask(() -> {
                    sleep(values[arg]);
                    out.add(">task " + arg + " done with " + values[arg]);
                    return null;
                }));
            }
            DoneAndPending<Task<Object>> r = Asyncio.wait(tasks);
            assertEquals(10, r.done().size());
            out.add("All done");
            return null;
        });
        List<String> expected = new ArrayList<>();
        java.util.stream.IntStream.range(0, 10).boxed().sorted((a, b) -> Double.compare(values[a], values[b]))
                .forEach(i -> expected.add(">task " + i + " done with " + values[i]));
        expected.add("All done");
        assertEquals(expected, out);
    }

    @Test
    void taskGroupOfThreeCoroutines() {
        // seed 001 "Example of Waiting on Multiple Tasks with a TaskGroup"; Python docs: "Both tasks have completed now"
        runMain(() -> {
            taskGroup(group -> {
                for (int n = 1; n <= 3; n++) {
                    int k = n;
                    group.createTask(() -> {
                        out.add("Hello from coroutine " + k);
                        return sleep(1, null);
                    });
                }
                return null;
            });
            out.add("Done");
            Task<?>[] t = new Task<?>[2];
            taskGroup(tg -> {
                t[0] = tg.createTask(() -> sleep(1, 1));
                t[1] = tg.createTask(() -> sleep(2, 2));
                return null;
            });
            out.add("Both tasks have completed now: " + t[0].result() + ", " + t[1].result());
            return null;
        });
        assertEquals(List.of("Hello from coroutine 1", "Hello from coroutine 2", "Hello from coroutine 3", "Done",
                "Both tasks have completed now: 1, 2"), out);
    }

    @Test
    void waitForWithATimeout() {
        // seed 001 "Example of Asyncio wait_for() With a Timeout"; Python docs: eternity() -> timeout!
        runMain(() -> {
            try {
                waitFor(() -> {
                    double value = 1 + new Random(7).nextDouble();
                    out.add(">task got " + (value > 1));
                    sleep(value);
                    out.add(">task done");
                    return null;
                }, 0.2);
            } catch (TimeoutError e) {
                out.add("Gave up waiting, task canceled");
            }
            try {
                waitFor(() -> {
                    sleep(3600);
                    out.add("yay!");
                    return null;
                }, 1.0);
            } catch (TimeoutError e) {
                out.add("timeout!");
            }
            return null;
        });
        assertEquals(List.of(">task got true", "Gave up waiting, task canceled", "timeout!"), out);
    }

    @Test
    void timeoutRescheduleAndTimeoutAt() {
        // Python docs (asyncio.timeout, asyncio.Timeout.reschedule, asyncio.timeout_at); seed 004 (Timeout, timeout_at)
        runMain(() -> {
            Timeout[] cm = new Timeout[1];
            try {
                timeout(null, t -> {
                    cm[0] = t;
                    double newDeadline = loop.time() + 10;
                    t.reschedule(newDeadline);
                    return sleep(3600, null);
                });
            } catch (TimeoutError e) {
                // handled below
            }
            if (cm[0].expired()) {
                out.add("Looks like we haven't finished on time.");
            }
            try {
                timeoutAt(loop.time() + 10, () -> sleep(3600, null));
            } catch (TimeoutError e) {
                out.add("The long operation timed out, but we've handled it.");
            }
            out.add("This statement will run regardless.");
            return null;
        });
        assertEquals(List.of("Looks like we haven't finished on time.", "The long operation timed out, but we've handled it.",
                "This statement will run regardless."), out);
        assertEquals(20.0, loop.time(), 1e-9);
    }

    @Test
    void runCoroutineThreadsafeExampleFromAnotherThread() throws Exception {
        // Python docs: try: result = future.result(timeout) except TimeoutError: ... future.cancel()
        try (org.asyncio4j.EventLoop realLoop = newEventLoop()) {
            Thread loopThread = Thread.ofPlatform().start(realLoop::runForever);
            try {
                java.util.concurrent.CompletableFuture<Object> future = runCoroutineThreadsafe(() -> sleep(3600, null), realLoop);
                try {
                    future.get(50, java.util.concurrent.TimeUnit.MILLISECONDS);
                } catch (java.util.concurrent.TimeoutException e) {
                    out.add("The coroutine took too long, cancelling the task...");
                    assertTrue(future.cancel(true));
                }
                java.util.concurrent.CompletableFuture<Integer> quick = runCoroutineThreadsafe(() -> sleep(0.01, 3), realLoop);
                out.add("The coroutine returned: " + quick.get(10, java.util.concurrent.TimeUnit.SECONDS));
            } finally {
                realLoop.callSoonThreadsafe(realLoop::stop);
                loopThread.join();
            }
        }
        assertEquals(List.of("The coroutine took too long, cancelling the task...", "The coroutine returned: 3"), out);
    }
}
