package org.asyncio4j.examples.seeds;

import static org.asyncio4j.Asyncio.await;
import static org.asyncio4j.Asyncio.createTask;
import static org.asyncio4j.Asyncio.run;
import static org.asyncio4j.Asyncio.sleep;

import java.util.function.Consumer;
import org.asyncio4j.CancelledError;
import org.asyncio4j.Future;
import org.asyncio4j.InvalidStateError;
import org.asyncio4j.Task;

/**
 * Seed 001 (the guide), "Work With and Query Tasks": the task life-cycle, {@code done()}, {@code cancelled()},
 * {@code result()} and {@code exception()} with their errors ({@code InvalidStateError} while not done, {@code
 * CancelledError} once cancelled, the task's own exception once failed), {@code cancel()}, done callbacks ("How to
 * Use Callback With a Task") and names ("How to Set the Task Name").
 *
 * <pre>
 * created: done=false
 * result() too early: InvalidStateError: Result is not ready.
 * done callback: MyTask is done
 * after await: done=true cancelled=false result=42 exception=null
 * failed: result() throws IllegalArgumentException: bad input
 * failed: exception() returns IllegalArgumentException: bad input
 * cancel() of a running task: true
 * cancelled: cancelled=true done=true
 * cancelled: result() throws CancelledError
 * cancelled: exception() throws CancelledError
 * cancel() of a done task: false
 * callbacks removed: 1
 * name: MyTask -> RenamedTask
 * </pre>
 */
public final class GuideTaskStatus {
    private GuideTaskStatus() {
    }

    public static void main(String[] args) {
        run(() -> {
            // task = asyncio.create_task(task_coroutine(), name='MyTask')
            Task<Integer> task = createTask(() -> sleep(0.01, 42), "MyTask");
            System.out.println("created: done=" + task.done());
            try {
                task.result();                                   // value = task.result()
            } catch (InvalidStateError e) {                      // except asyncio.InvalidStateError: not done yet
                System.out.println("result() too early: InvalidStateError: " + e.getMessage());
            }
            // def handle(task): print(task); task.add_done_callback(handle)
            task.addDoneCallback(t -> System.out.println("done callback: " + ((Task<?>) t).getName() + " is done"));
            if (!task.done()) {
                await(task);                                     // if not task.done(): await task
            }
            sleep(0);                                            // let the done callback run (it is scheduled)
            System.out.println("after await: done=" + task.done() + " cancelled=" + task.cancelled()
                    + " result=" + task.result() + " exception=" + task.exception());

            Task<Integer> failing = createTask(() -> {
                throw new IllegalArgumentException("bad input");
            });
            sleep(0);                                            // it runs and fails
            try {
                failing.result();
            } catch (IllegalArgumentException e) {               // except Exception: the task failed, no result
                System.out.println("failed: result() throws IllegalArgumentException: " + e.getMessage());
            }
            System.out.println("failed: exception() returns " + failing.exception().getClass().getSimpleName()
                    + ": " + failing.exception().getMessage());

            Task<Object> sleeper = createTask(() -> sleep(10, null));
            sleep(0);
            System.out.println("cancel() of a running task: " + sleeper.cancel());   // was_cancelled = task.cancel()
            sleep(0);                                            // the CancelledError is thrown into its body
            System.out.println("cancelled: cancelled=" + sleeper.cancelled() + " done=" + sleeper.done());
            try {
                sleeper.result();
            } catch (CancelledError e) {                         // except asyncio.CancelledError
                System.out.println("cancelled: result() throws CancelledError");
            }
            try {
                sleeper.exception();
            } catch (CancelledError e) {
                System.out.println("cancelled: exception() throws CancelledError");
            }
            System.out.println("cancel() of a done task: " + sleeper.cancel());

            // task.remove_done_callback(handle)
            Consumer<Future<Integer>> handle = t -> System.out.println("never printed");
            Task<Integer> other = createTask(() -> sleep(0.01, 1));
            other.addDoneCallback(handle);
            System.out.println("callbacks removed: " + other.removeDoneCallback(handle));
            await(other);

            String before = task.getName();                      // name = task.get_name()
            task.setName("RenamedTask");                         // task.set_name('MyTask')
            System.out.println("name: " + before + " -> " + task.getName());
            return null;
        });
    }
}
