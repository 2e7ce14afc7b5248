package org.asyncio4j.examples.seeds;

import static org.asyncio4j.Asyncio.allTasks;
import static org.asyncio4j.Asyncio.await;
import static org.asyncio4j.Asyncio.createTask;
import static org.asyncio4j.Asyncio.run;
import static org.asyncio4j.Asyncio.sleep;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.asyncio4j.Task;

/**
 * Seed 001 (the guide), "How to Get All Tasks": ten tasks are started, and {@code asyncio.all_tasks()} lists every
 * task not done yet: the ten and the main task. As in Python, the set has no particular order and the task numbers
 * come from a process-wide counter (Python also prints each task's coroutine object, which Java has not). The
 * seed's tasks sleep 1 s; here 0.1 s.
 *
 * <pre>
 * main coroutine started
 * task 0 is running
 * ...
 * task 9 is running
 * > Task-5
 * ... (11 lines, one per task, in no particular order)
 * </pre>
 */
public final class GuideAllTasks {
    private GuideAllTasks() {
    }

    /** {@code async def task_coroutine(value)}. */
    static Void taskCoroutine(int value) {
        System.out.println("task " + value + " is running");
        sleep(0.1);
        return null;
    }

    public static void main(String[] args) {
        run(() -> {
            System.out.println("main coroutine started");
            List<Task<Void>> startedTasks = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                int value = i;
                startedTasks.add(createTask(() -> taskCoroutine(value)));
            }
            sleep(0.01);                                 // allow some of the tasks time to start
            Set<Task<?>> tasks = allTasks();             // tasks = asyncio.all_tasks()
            for (Task<?> task : tasks) {
                System.out.println("> " + task.getName());
            }
            for (Task<Void> task : startedTasks) {       // wait for all tasks to complete
                await(task);
            }
            return null;
        });
    }
}
