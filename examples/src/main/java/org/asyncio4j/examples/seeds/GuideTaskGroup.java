package org.asyncio4j.examples.seeds;

import static org.asyncio4j.Asyncio.run;
import static org.asyncio4j.Asyncio.sleep;
import static org.asyncio4j.Asyncio.taskGroup;

import org.asyncio4j.CancelledError;
import org.asyncio4j.ExceptionGroup;
import org.asyncio4j.Task;

/**
 * Seed 001 (the guide), "Manage Multiple Coroutines in a Group": {@code async with asyncio.TaskGroup() as group:}
 * waits for every task created in the group when the block ends ("Example of Waiting on Multiple Tasks with a
 * TaskGroup"), and "handle the failure of any tasks in the group": when one task fails, the tasks not done are
 * cancelled and the failures come out as one {@link ExceptionGroup}.
 *
 * <p>Java's {@code async with} for a task group takes the block as a lambda: {@code taskGroup(group -> ...)} (or
 * {@code asyncWith(newTaskGroup(), group -> ...)}). The seed's tasks sleep 1 s; here 0.1 s.
 *
 * <pre>
 * Hello from coroutine 1
 * Hello from coroutine 2
 * Hello from coroutine 3
 * Done
 * task 2 was cancelled
 * the group failed: [IllegalStateException: coroutine 1 failed]
 * task 3 cancelled: true
 * </pre>
 */
public final class GuideTaskGroup {
    private GuideTaskGroup() {
    }

    static Void task(int n) {
        System.out.println("Hello from coroutine " + n);
        sleep(0.1);                                      // sleep to simulate waiting
        return null;
    }

    public static void main(String[] args) {
        run(() -> {
            taskGroup(group -> {                         // async with asyncio.TaskGroup() as group:
                group.createTask(() -> task(1));         // group.create_task(task1())
                group.createTask(() -> task(2));
                group.createTask(() -> task(3));
                return null;
            });                                          // wait for all tasks to complete...
            System.out.println("Done");

            Task<?>[] third = new Task<?>[1];
            try {
                taskGroup(group -> {
                    group.createTask(() -> {
                        sleep(0.05);
                        throw new IllegalStateException("coroutine 1 failed");
                    });
                    group.createTask(() -> {
                        try {
                            return sleep(1, null);
                        } catch (CancelledError e) {
                            System.out.println("task 2 was cancelled");
                            throw e;
                        }
                    });
                    third[0] = group.createTask(() -> sleep(1, null));
                    return null;
                });
            } catch (ExceptionGroup eg) {                // except: all non-done tasks are cancelled
                System.out.println("the group failed: " + eg.exceptions().stream()
                        .map(e -> e.getClass().getSimpleName() + ": " + e.getMessage()).toList());
                System.out.println("task 3 cancelled: " + third[0].cancelled());
            }
            return null;
        });
    }
}
