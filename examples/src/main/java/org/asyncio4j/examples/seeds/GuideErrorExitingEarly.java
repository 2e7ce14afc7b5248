package org.asyncio4j.examples.seeds;

import static org.asyncio4j.Asyncio.allTasks;
import static org.asyncio4j.Asyncio.createTask;
import static org.asyncio4j.Asyncio.currentTask;
import static org.asyncio4j.Asyncio.run;
import static org.asyncio4j.Asyncio.sleep;

import java.util.HashSet;
import java.util.Set;
import org.asyncio4j.Asyncio;
import org.asyncio4j.CancelledError;
import org.asyncio4j.Task;

/**
 * Seed 001 (the guide), "Python Asyncio Common Errors", "Error 4: Exiting the Main Coroutine Too Early" (and the
 * common questions "How to Wait for All Background Tasks?" and "Does a Running Task Stop the Event Loop from
 * Exiting?").
 *
 * <p>When the main coroutine returns, {@code asyncio.run()} cancels the tasks still running and waits for them: the
 * background tasks below see {@code CancelledError} and never finish their work. The fix: get all tasks, remove the
 * current one, and wait for the others with {@code asyncio.wait}.
 *
 * <pre>
 * main returns
 * background task 1 cancelled: main returned too early
 * background task 2 cancelled: main returned too early
 * main waits for 2 background tasks
 * background task 1 done
 * background task 2 done
 * main returns
 * </pre>
 */
public final class GuideErrorExitingEarly {
    private GuideErrorExitingEarly() {
    }

    static Void background(int n) {
        try {
            sleep(0.02 * n);
            System.out.println("background task " + n + " done");
            return null;
        } catch (CancelledError e) {
            System.out.println("background task " + n + " cancelled: main returned too early");
            throw e;
        }
    }

    public static void main(String[] args) {
        run(() -> {
            createTask(() -> background(1));
            createTask(() -> background(2));
            sleep(0);                                     // the tasks start
            System.out.println("main returns");
            return null;
        });

        run(() -> {
            createTask(() -> background(1));
            createTask(() -> background(2));
            Set<Task<?>> all = new HashSet<>(allTasks()); // all_tasks = asyncio.all_tasks()
            all.remove(currentTask());                    // all_tasks.remove(asyncio.current_task())
            System.out.println("main waits for " + all.size() + " background tasks");
            Asyncio.wait(all);                            // await asyncio.wait(all_tasks)
            System.out.println("main returns");
            return null;
        });
    }
}
