package org.asyncio4j;

/**
 * A group of tasks that live no longer than a block of code: Python's {@code asyncio.TaskGroup}, used as
 * {@code taskGroup(tg -> { tg.createTask(...); ... })} or {@code asyncWith(newTaskGroup(), tg -> ...)}; a group
 * can be entered once.
 *
 * <p>The block creates tasks with {@link #createTask}; when the block ends, the group waits for all of them.
 * The first child failing (with an exception other than {@link CancelledError}) cancels the other children and
 * the block itself; when everything is done, the failures (children's in the order they happened, then the
 * block's own) are raised together as one {@link ExceptionGroup}. A failure of the block cancels the children
 * the same way. Cancelling the task running the block cancels the children too, and the group then raises
 * CancelledError once all children are done; a cancellation from outside is never swallowed, also by nested
 * groups. {@link #cancel()} stops the group without an error.
 *
 * <p>Methods must be called on the loop's thread.
 */
public interface TaskGroup extends AsyncContextManager<TaskGroup> {

    /**
     * Creates a task of this group: Python's {@code tg.create_task(coro)}.
     *
     * @param coro the body of the task
     * @param <T> its result type
     * @return the task, started on the next loop iteration
     * @throws IllegalStateException if the group has not been entered, if it has finished, or if it is shutting
     *         down after a failure or {@link #cancel()}
     */
    <T> Task<T> createTask(Coroutine<T> coro);

    /**
     * As {@link #createTask(Coroutine)}, with a name.
     *
     * @param coro the body of the task
     * @param name the task's name, or null for {@code Task-N}
     * @param <T> its result type
     * @return the task
     */
    <T> Task<T> createTask(Coroutine<T> coro, String name);

    /**
     * Stops the group (Python 3.15's {@code TaskGroup.cancel()}): cancels every child not yet done and the group's
     * block, which then ends without raising CancelledError (the group waits for the children as usual, and the
     * failures of children are still raised). Called before the block starts, the group is cancelled as it starts;
     * called after the group finished, it does nothing. Idempotent.
     */
    void cancel();

    /**
     * Starts the group's block in the current task (its parent task): Python's {@code __aenter__}.
     *
     * @return this group
     * @throws IllegalStateException if it was entered before, or this is not a coroutine body
     */
    @Override
    TaskGroup aenter();

    /**
     * Ends the block: Python's {@code __aexit__}. Waits for the children (cancelling them if {@code error} is not
     * null), then throws the {@link ExceptionGroup} of the failures, or the CancelledError to propagate; returns
     * true when the group's {@link #cancel()} caused {@code error} (which is then suppressed).
     *
     * @param error the exception leaving the block, or null
     * @return true to suppress {@code error}
     */
    @Override
    boolean aexit(Throwable error);

    /**
     * The block of a task group.
     *
     * @param <T> the result type
     */
    @FunctionalInterface
    interface Body<T> {
        /**
         * Runs the block.
         *
         * @param group the group, to create tasks in
         * @return the block's result
         * @throws Exception anything; it cancels the children and joins the {@link ExceptionGroup}
         */
        T run(TaskGroup group) throws Exception;
    }
}
