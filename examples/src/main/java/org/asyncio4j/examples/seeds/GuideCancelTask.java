package org.asyncio4j.examples.seeds;

import static org.asyncio4j.Asyncio.createTask;
import static org.asyncio4j.Asyncio.run;
import static org.asyncio4j.Asyncio.sleep;

import org.asyncio4j.Task;

/**
 * Seed 001 (the guide), "Python Asyncio Common Questions", "How to Stop a Task?" ("example of canceling a running
 * task"): {@code task.cancel()} requests the cancellation, the task gets {@code CancelledError} at its await, does
 * not handle it, and ends cancelled. The seed's main sleeps 0.1 s twice; here 0.05 s.
 *
 * <pre>
 * main coroutine started
 * executing the task
 * was canceled: true
 * canceled: true
 * main coroutine done
 * </pre>
 */
public final class GuideCancelTask {
    private GuideCancelTask() {
    }

    /** {@code async def task_coroutine()}. */
    static Void taskCoroutine() {
        System.out.println("executing the task");
        sleep(1);                                          // block for a moment
        return null;
    }

    public static void main(String[] args) {
        run(() -> {
            System.out.println("main coroutine started");
            Task<Void> task = createTask(GuideCancelTask::taskCoroutine);
            sleep(0.05);                                   // wait a moment
            boolean wasCancelled = task.cancel();          // was_cancelled = task.cancel()
            System.out.println("was canceled: " + wasCancelled);
            sleep(0.05);
            System.out.println("canceled: " + task.cancelled());
            System.out.println("main coroutine done");
            return null;
        });
    }
}
