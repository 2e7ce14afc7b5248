package org.asyncio4j.examples.seeds;

import static org.asyncio4j.Asyncio.allTasks;
import static org.asyncio4j.Asyncio.await;
import static org.asyncio4j.Asyncio.createTask;
import static org.asyncio4j.Asyncio.currentTask;
import static org.asyncio4j.Asyncio.run;
import static org.asyncio4j.Asyncio.sleep;

import java.util.Set;
import org.asyncio4j.Task;

/**
 * Seed 004 (function index), {@code asyncio.run(main, *, debug=None, loop_factory=None)}, {@code
 * asyncio.create_task(coro, *, name=None, context=None)}, {@code asyncio.current_task()}, {@code
 * asyncio.all_tasks()}: {@code run} is the entry point; {@code create_task} starts {@code do_work()} in the
 * background; {@code current_task} is the task running the caller; {@code all_tasks} the tasks not done. ({@code
 * debug=True} is {@code run(main, true)}; {@code loop_factory} is {@code new Runner(loopFactory)}, see {@link
 * IndexRunner}; {@code context=} is {@code context.run(() -> createTask(...))}.)
 *
 * <pre>
 * current task is main: true
 * all tasks: main and do_work
 * some_work done
 * all tasks: main only
 * </pre>
 */
public final class IndexRunAndTasks {
    private IndexRunAndTasks() {
    }

    static void someWork() {
        sleep(0.01);
        System.out.println("some_work done");
    }

    /** {@code async def do_work(): await some_work()}. */
    static Void doWork() {
        someWork();
        return null;
    }

    static Void mainCoroutine() {
        Task<?> main = currentTask();                           // task = asyncio.current_task()
        System.out.println("current task is main: " + main.getName().equals("main"));
        Task<Void> task = createTask(IndexRunAndTasks::doWork, "do_work");   // runs in background
        Set<Task<?>> tasks = allTasks();                        // tasks = asyncio.all_tasks()
        System.out.println("all tasks: " + (tasks.equals(Set.of(main, task)) ? "main and do_work" : tasks));
        await(task);
        System.out.println("all tasks: " + (allTasks().equals(Set.of(main)) ? "main only" : allTasks()));
        return null;
    }

    public static void main(String[] args) {
        run(() -> {                                             // asyncio.run(main())
            currentTask().setName("main");
            return mainCoroutine();
        });
    }
}
