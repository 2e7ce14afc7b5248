package org.asyncio4j.examples.seeds;

import static org.asyncio4j.Asyncio.createTask;
import static org.asyncio4j.Asyncio.run;
import static org.asyncio4j.Asyncio.sleep;

import java.util.List;
import org.asyncio4j.Asyncio;
import org.asyncio4j.DoneAndPending;
import org.asyncio4j.ReturnWhen;
import org.asyncio4j.Task;

/**
 * Seed 004 (function index), {@code asyncio.wait(aws, *, timeout=None, return_when=ALL_COMPLETED)}: {@code done,
 * pending = await asyncio.wait(aws, timeout=5)}; it does not raise {@code TimeoutError}, and the pending tasks are
 * not cancelled: they keep running. The seed's timeout is 5 s; here 0.05 s. ({@code Asyncio.wait} is called
 * qualified: in a class, {@code Object.wait} hides a static import of {@code wait}.)
 *
 * <pre>
 * done: 1, pending: 1
 * the pending task is still running: true
 * FIRST_COMPLETED: done 1, pending 1
 * </pre>
 */
public final class IndexWait {
    private IndexWait() {
    }

    public static void main(String[] args) {
        run(() -> {
            List<Task<String>> aws = List.of(createTask(() -> sleep(0.01, "quick")), createTask(() -> sleep(10, "slow")));
            DoneAndPending<Task<String>> r = Asyncio.wait(aws, 0.05, ReturnWhen.ALL_COMPLETED);   // timeout=5
            System.out.println("done: " + r.done().size() + ", pending: " + r.pending().size());
            Task<String> slow = r.pending().iterator().next();
            System.out.println("the pending task is still running: " + !slow.done());
            Task<String> another = createTask(() -> sleep(0.01, "another"));
            DoneAndPending<Task<String>> first = Asyncio.wait(List.of(slow, another), ReturnWhen.FIRST_COMPLETED);
            System.out.println("FIRST_COMPLETED: done " + first.done().size() + ", pending " + first.pending().size());
            slow.cancel();                                   // wait does not cancel it: we do
            return null;
        });
    }
}
