package org.asyncio4j.examples.seeds;

import static org.asyncio4j.Asyncio.await;
import static org.asyncio4j.Asyncio.createTask;
import static org.asyncio4j.Asyncio.getRunningLoop;
import static org.asyncio4j.Asyncio.run;
import static org.asyncio4j.Asyncio.sleep;

import org.asyncio4j.Task;

/**
 * Seed 001 (the guide), "Python Asyncio Common Errors": a task that fails while nobody awaits it. Python logs "Task
 * exception was never retrieved" when the task is garbage-collected. asyncio4j reports it through the loop's
 * exception handler ({@code loop.set_exception_handler}) with the same message, when the task is collected or at the
 * latest when the loop closes (here: at the end of {@code run()}); the default handler logs it on the {@code
 * org.asyncio4j} logger. This program installs a handler that prints the report. A task whose exception was
 * retrieved ({@code await task}, {@code task.exception()} or {@code task.result()}) is not reported.
 *
 * <pre>
 * the forgotten task failed: done=true
 * the awaited task failed: IllegalStateException: handled
 * exception handler: Task exception was never retrieved: java.lang.IllegalStateException: nobody retrieves me
 * run() returned
 * </pre>
 */
public final class GuideErrorUnretrievedException {
    private GuideErrorUnretrievedException() {
    }

    public static void main(String[] args) {
        run(() -> {
            getRunningLoop().setExceptionHandler((loop, context) ->      // loop.set_exception_handler(handler)
                    System.out.println("exception handler: " + context.get("message") + ": " + context.get("exception")));

            Task<Void> forgotten = createTask(() -> {
                throw new IllegalStateException("nobody retrieves me");
            });
            Task<Void> awaited = createTask(() -> {
                throw new IllegalStateException("handled");
            });
            sleep(0.01);
            System.out.println("the forgotten task failed: done=" + forgotten.done());
            try {
                await(awaited);
            } catch (IllegalStateException e) {
                System.out.println("the awaited task failed: " + e.getClass().getSimpleName() + ": " + e.getMessage());
            }
            return null;
        });
        System.out.println("run() returned");
    }
}
