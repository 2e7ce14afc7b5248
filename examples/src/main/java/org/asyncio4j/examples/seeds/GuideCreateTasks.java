package org.asyncio4j.examples.seeds;

import static org.asyncio4j.Asyncio.await;
import static org.asyncio4j.Asyncio.createTask;
import static org.asyncio4j.Asyncio.ensureFuture;
import static org.asyncio4j.Asyncio.getRunningLoop;
import static org.asyncio4j.Asyncio.run;

import org.asyncio4j.Coroutine;
import org.asyncio4j.EventLoop;
import org.asyncio4j.Future;
import org.asyncio4j.Task;

/**
 * Seed 001 (the guide), "Create and Run Asyncio Tasks": a task made with the high-level {@code
 * asyncio.create_task()}, with {@code asyncio.ensure_future()} and with the low-level {@code loop.create_task()}.
 * Creating a task only schedules it: it runs once the creating coroutine suspends ("When Does a Task Run?"), here
 * at {@code await task}.
 *
 * <pre>
 * three tasks created; none has run yet
 * task made by create_task is running
 * task made by ensure_future is running
 * task made by loop.create_task is running
 * results: create_task, ensure_future, loop.create_task
 * </pre>
 */
public final class GuideCreateTasks {
    private GuideCreateTasks() {
    }

    /** {@code async def task_coroutine()}. */
    static String taskCoroutine(String how) {
        System.out.println("task made by " + how + " is running");
        return how;
    }

    public static void main(String[] args) {
        run(() -> {
            Coroutine<String> coro = () -> taskCoroutine("create_task");    // coro = task_coroutine()
            Task<String> task = createTask(coro);                           // task = asyncio.create_task(coro)
            Future<String> ensured = ensureFuture(() -> taskCoroutine("ensure_future"));
            EventLoop loop = getRunningLoop();
            Task<String> lowLevel = loop.createTask(() -> taskCoroutine("loop.create_task"));
            System.out.println("three tasks created; none has run yet");
            String a = await(task);                                         // await task: main suspends, tasks run
            System.out.println("results: " + a + ", " + await(ensured) + ", " + await(lowLevel));
            return null;
        });
    }
}
