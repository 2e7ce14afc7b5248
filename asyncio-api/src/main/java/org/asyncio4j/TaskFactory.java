package org.asyncio4j;

/**
 * Creates the tasks of a loop ({@link EventLoop#setTaskFactory}): Python's task factory. The factory
 * builds the task with {@link EventLoop#newTask}, e.g. to start it eagerly.
 */
public interface TaskFactory {
    /**
     * @param loop the loop the task is for
     * @param coro the body
     * @param name the task name, or null
     * @param <T> the result type
     * @return the new task
     */
    <T> Task<T> createTask(EventLoop loop, Coroutine<T> coro, String name);

    /**
     * Python's {@code asyncio.eager_task_factory}: every task starts eagerly (see {@link EventLoop#newTask}).
     */
    TaskFactory EAGER = new TaskFactory() {
        @Override
        public <T> Task<T> createTask(EventLoop loop, Coroutine<T> coro, String name) {
            return loop.newTask(coro, name, true);
        }
    };
}
