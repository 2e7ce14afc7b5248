package org.asyncio4j.examples.seeds;

import static org.asyncio4j.Asyncio.await;
import static org.asyncio4j.Asyncio.createTask;
import static org.asyncio4j.Asyncio.run;
import static org.asyncio4j.Asyncio.sleep;

import org.asyncio4j.InvalidStateError;
import org.asyncio4j.Task;

/**
 * Seed 001 (the guide), "Python Asyncio Common Questions": "How to Wait for a Task To Finish?" and "How to Get a
 * Return Value from a Task?": await a coroutine for its return value, await a task (more than once: unlike a
 * coroutine, a task can be awaited again), or call {@code result()} on a task that is done ({@code
 * InvalidStateError} while it is not).
 *
 * <pre>
 * await other_coro(): 100
 * await asyncio.create_task(custom_coro()): done
 * await task: 100
 * await task again: 100
 * task.result() too early: InvalidStateError
 * task.result(): 100
 * </pre>
 */
public final class GuideTaskResults {
    private GuideTaskResults() {
    }

    /** {@code async def other_coro(): return 100}. */
    static int otherCoro() {
        sleep(0.01);
        return 100;
    }

    public static void main(String[] args) {
        run(() -> {
            int value = otherCoro();                                   // value = await other_coro()
            System.out.println("await other_coro(): " + value);
            // await asyncio.create_task(custom_coro())
            System.out.println("await asyncio.create_task(custom_coro()): " + await(createTask(() -> sleep(0.01, "done"))));

            Task<Integer> task = createTask(GuideTaskResults::otherCoro); // task = asyncio.create_task(other_coro())
            try {
                task.result();
            } catch (InvalidStateError e) {
                System.out.println("task.result() too early: InvalidStateError");
            }
            System.out.println("await task: " + await(task));           // value = await task
            System.out.println("await task again: " + await(task));
            System.out.println("task.result(): " + task.result());       // value = task.result()
            return null;
        });
    }
}
