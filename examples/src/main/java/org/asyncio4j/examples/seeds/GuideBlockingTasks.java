package org.asyncio4j.examples.seeds;

import static org.asyncio4j.Asyncio.await;
import static org.asyncio4j.Asyncio.createTask;
import static org.asyncio4j.Asyncio.getRunningLoop;
import static org.asyncio4j.Asyncio.run;
import static org.asyncio4j.Asyncio.sleep;
import static org.asyncio4j.Asyncio.toThread;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.asyncio4j.EventLoop;
import org.asyncio4j.Task;

/**
 * Seed 001 (the guide), "Run a Blocking Task in Asyncio" (and the common question "How to Execute a Blocking I/O or
 * CPU-bound Function in Asyncio?"): {@code asyncio.to_thread(blocking_task)} made into a task, which starts once
 * main suspends; then {@code loop.run_in_executor(None, task)} (the default executor) and with an executor of our
 * own, shut down by its {@code with} block (Java: try-with-resources on the {@code ExecutorService}).
 *
 * <p>The seed uses a {@code ProcessPoolExecutor} for CPU-bound work; Java has no GIL, so a thread pool runs
 * CPU-bound calls in parallel. The seed blocks 2 s; here 0.1 s.
 *
 * <pre>
 * Main running the blocking task
 * Main doing other things
 * Task starting
 * Task done
 * run_in_executor(None): 42
 * run_in_executor(exe): 43
 * </pre>
 */
public final class GuideBlockingTasks {
    private GuideBlockingTasks() {
    }

    /** {@code def blocking_task()}: a blocking, IO-bound function. */
    static void blockingTask() {
        System.out.println("Task starting");
        Time.sleep(0.1);                                    // time.sleep(2)
        System.out.println("Task done");
    }

    public static void main(String[] args) {
        run(() -> {
            System.out.println("Main running the blocking task");
            // coro = asyncio.to_thread(blocking_task); task = asyncio.create_task(coro)
            Task<Void> task = createTask(() -> {
                toThread(GuideBlockingTasks::blockingTask);
                return null;
            });
            System.out.println("Main doing other things");
            sleep(0);                                       // allow the scheduled task to start
            await(task);

            EventLoop loop = getRunningLoop();
            // await loop.run_in_executor(None, task)
            int r = await(loop.runInExecutor(null, () -> 42));
            System.out.println("run_in_executor(None): " + r);
            try (ExecutorService exe = Executors.newFixedThreadPool(2)) {   // with ProcessPoolExecutor() as exe:
                int r2 = await(loop.runInExecutor(exe, () -> 43));
                System.out.println("run_in_executor(exe): " + r2);
            }                                               // the pool is shut down here
            return null;
        });
    }
}
