package org.asyncio4j.examples.seeds;

import static org.asyncio4j.Asyncio.await;
import static org.asyncio4j.Asyncio.createTask;
import static org.asyncio4j.Asyncio.run;
import static org.asyncio4j.Asyncio.shield;
import static org.asyncio4j.Asyncio.sleep;

import org.asyncio4j.CancelledError;
import org.asyncio4j.Task;

/**
 * Seed 004 (function index), {@code asyncio.shield(aw)}: {@code res = await shield(task)} in a coroutine that gets
 * cancelled (the seed's "user presses Ctrl+C") raises {@code CancelledError} there, and {@code res = None}; the inner
 * task is not cancelled and completes. "If the task cancels itself, shield() can't stop that": cancelling the task
 * itself cancels the shield too.
 *
 * <pre>
 * outer coroutine cancelled: res = null
 * the shielded task kept running: something done
 * a task cancelled itself, the shield too: true
 * </pre>
 */
public final class IndexShield {
    private IndexShield() {
    }

    /** {@code async def something()}. */
    static String something() {
        return sleep(0.05, "something done");
    }

    public static void main(String[] args) {
        run(() -> {
            Task<String> task = createTask(IndexShield::something);   // task = asyncio.create_task(something())
            Task<Void> outer = createTask(() -> {
                String res;
                try {
                    res = await(shield(task));                         // res = await shield(task)
                } catch (CancelledError e) {
                    res = null;                                        // except CancelledError: res = None
                }
                System.out.println("outer coroutine cancelled: res = " + res);
                return null;
            });
            sleep(0.01);
            outer.cancel();                                            // e.g. Ctrl+C cancels the outer coroutine
            await(outer);
            System.out.println("the shielded task kept running: " + await(task));

            Task<String> selfCancelling = createTask(() -> {
                sleep(0.01);
                throw new CancelledError("the task cancels itself");
            });
            try {
                await(shield(selfCancelling));
            } catch (CancelledError e) {
                System.out.println("a task cancelled itself, the shield too: " + selfCancelling.cancelled());
            }
            return null;
        });
    }
}
