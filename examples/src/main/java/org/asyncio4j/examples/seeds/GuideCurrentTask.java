package org.asyncio4j.examples.seeds;

import static org.asyncio4j.Asyncio.currentTask;
import static org.asyncio4j.Asyncio.run;

import org.asyncio4j.Task;

/**
 * Seed 001 (the guide), "How to Get the Current Task": {@code asyncio.current_task()} inside the main coroutine is
 * the task that {@code asyncio.run()} made for it. Python prints
 * {@code <Task pending name='Task-1' coro=<main() running at ...> cb=[...]>}; Java has no coroutine object to show,
 * and the task number depends on how many tasks the process made before (as in Python, the counter is global):
 *
 * <pre>
 * main coroutine started
 * &lt;Task name='Task-1' pending&gt;
 * </pre>
 */
public final class GuideCurrentTask {
    private GuideCurrentTask() {
    }

    public static void main(String[] args) {
        run(() -> {
            System.out.println("main coroutine started");
            Task<?> task = currentTask();              // task = asyncio.current_task()
            System.out.println(task);
            return null;
        });
    }
}
