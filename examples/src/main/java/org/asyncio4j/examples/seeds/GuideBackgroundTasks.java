package org.asyncio4j.examples.seeds;

import static org.asyncio4j.Asyncio.await;
import static org.asyncio4j.Asyncio.createTask;
import static org.asyncio4j.Asyncio.run;
import static org.asyncio4j.Asyncio.sleep;

import org.asyncio4j.Task;

/**
 * Seed 001 (the guide), "Python Asyncio Common Questions", "How to Run a Task in the Background?": {@code
 * create_task} schedules the coroutine, which does not start until the caller suspends; {@code await
 * asyncio.sleep(0)} suspends just long enough to let it start; the caller awaits it once it has run out of things to
 * do. (Waiting for all background tasks at the end of main: see {@link GuideErrorExitingEarly}.)
 *
 * <pre>
 * task scheduled
 * main: sleep(0)
 * background task started
 * main: going on with other work
 * background task done
 * main: the task returned 7
 * </pre>
 */
public final class GuideBackgroundTasks {
    private GuideBackgroundTasks() {
    }

    /** {@code async def other_coroutine()}. */
    static int otherCoroutine() {
        System.out.println("background task started");
        sleep(0.02);
        System.out.println("background task done");
        return 7;
    }

    public static void main(String[] args) {
        run(() -> {
            Task<Integer> task = createTask(GuideBackgroundTasks::otherCoroutine);
            System.out.println("task scheduled");
            System.out.println("main: sleep(0)");
            sleep(0);                                  // await asyncio.sleep(0): the task starts
            System.out.println("main: going on with other work");
            int result = await(task);                  // await task
            System.out.println("main: the task returned " + result);
            return null;
        });
    }
}
