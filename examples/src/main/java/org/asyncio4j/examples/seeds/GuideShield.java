package org.asyncio4j.examples.seeds;

import static org.asyncio4j.Asyncio.await;
import static org.asyncio4j.Asyncio.createTask;
import static org.asyncio4j.Asyncio.run;
import static org.asyncio4j.Asyncio.shield;
import static org.asyncio4j.Asyncio.sleep;

import org.asyncio4j.CancelledError;
import org.asyncio4j.Future;
import org.asyncio4j.Task;

/**
 * Seed 001 (the guide), "Shield Tasks from Cancellation": {@code asyncio.shield(task)} returns a future that can be
 * cancelled without cancelling the task. Another task cancels the shield; the coroutine awaiting it gets {@code
 * CancelledError} while the task runs on and finishes with its result. Then the snippet "cancel the task (also
 * cancels the shield)". The seed's sleeps are 1 s and 0.2 s; here 0.2 s and 0.05 s.
 *
 * <pre>
 * cancelled: true
 * shielded was cancelled
 * shielded: &lt;Future cancelled&gt;
 * task: &lt;Task name='Task-2' finished result=1&gt;
 * shield of a cancelled task cancelled: true
 * </pre>
 */
public final class GuideShield {
    private GuideShield() {
    }

    /** {@code async def simple_task(number)}. */
    static int simpleTask(int number) {
        sleep(0.2);
        return number;
    }

    /** {@code async def cancel_task(task)}: cancels the given future after a moment. */
    static Void cancelTask(Future<?> task) {
        sleep(0.05);
        boolean wasCancelled = task.cancel();
        System.out.println("cancelled: " + wasCancelled);
        return null;
    }

    public static void main(String[] args) {
        run(() -> {
            Task<Integer> task = createTask(() -> simpleTask(1));     // task = asyncio.create_task(simple_task(1))
            Future<Integer> shielded = shield(task);                  // shielded = asyncio.shield(task)
            createTask(() -> cancelTask(shielded));                   // asyncio.create_task(cancel_task(shielded))
            try {
                int result = await(shielded);
                System.out.println(">got: " + result);
            } catch (CancelledError e) {
                System.out.println("shielded was cancelled");
            }
            sleep(0.2);                                               // wait a moment
            System.out.println("shielded: " + shielded);
            System.out.println("task: " + task);

            Task<Integer> other = createTask(() -> simpleTask(2));
            Future<Integer> shield = shield(other);
            other.cancel();                                           // cancel the task (also cancels the shield)
            sleep(0.01);
            System.out.println("shield of a cancelled task cancelled: " + shield.cancelled());
            return null;
        });
    }
}
