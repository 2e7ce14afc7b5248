package org.asyncio4j.impl

import kotlinx.coroutines.CoroutineScope
import org.asyncio4j.Coroutine
import org.asyncio4j.ExceptionGroup
import org.asyncio4j.Future
import org.asyncio4j.Task
import org.asyncio4j.TaskGroup
import java.util.concurrent.CancellationException
import java.util.function.Consumer

/**
 * Python's `asyncio.TaskGroup` (taskgroups.py, with the fixes and the `cancel()` of CPython's main branch): the
 * group waits for its children at the end of its block; the first child failure cancels the other children and
 * the block (through the [CancelTarget], a cancellation the group takes back at its exit), and all failures are
 * raised together as an [ExceptionGroup]. A cancellation from outside is counted, so that nested groups never
 * swallow it (python/cpython#116720). Its loop is the running loop where it is entered.
 */
internal class TaskGroupImpl : TaskGroup, AsyncScope {
    private lateinit var loop: EventLoopImpl
    private var entered = false
    private var cancelOnEnter = false
    private var exiting = false
    private var aborting = false
    private var parent: CancelTarget? = null
    private var parentCancelRequested = false
    private val tasks = LinkedHashSet<TaskImpl<*>>()
    private val errors = ArrayList<Throwable>()
    private var onCompleted: FutureImpl<Unit>? = null
    private val onTaskDone = Consumer<Future<*>> { taskDone(it as TaskImpl<*>) }

    override fun <T> createTask(coro: Coroutine<T>): Task<T> = createTask(coro, null)

    override fun <T> createTask(coro: Coroutine<T>, name: String?): Task<T> {
        checkCanCreate()
        @Suppress("UNCHECKED_CAST")
        return adopt(loop.createTask(coro, name) as TaskImpl<T>)
    }

    /** The Kotlin counterpart of [createTask]: the child is a suspend lambda. */
    fun <T> createSuspendTask(name: String?, block: suspend CoroutineScope.() -> T): Task<T> {
        checkCanCreate()
        return adopt(SuspendTask(loop, block, name))
    }

    private fun checkCanCreate() {
        check(entered) { "TaskGroup $this has not been entered" }
        loop.checkClosed()
        loop.checkThread("TaskGroup.createTask")
        check(!(exiting && tasks.isEmpty())) { "TaskGroup $this is finished" }
        check(!aborting) { "TaskGroup $this is shutting down" }
    }

    /**
     * Joins [task] to the group. The done callback is added even if the task is done already (an eager task), so
     * that a failure is handled when the callback runs, not inside createTask (gh-128550); an eager task that
     * cancelled the group before joining it is cancelled like its siblings (gh-155418).
     */
    private fun <T> adopt(task: TaskImpl<T>): Task<T> {
        tasks.add(task)
        task.addDoneCallback(onTaskDone)
        if (aborting && !task.isDone) task.cancel(null)
        return task
    }

    override fun cancel() {
        if (!entered) {
            cancelOnEnter = true
            return
        }
        loop.checkThread("TaskGroup.cancel")
        if (exiting && tasks.isEmpty()) return
        if (!aborting) {
            abort()
            val p = parent
            if (p != null && !parentCancelRequested) {
                parentCancelRequested = true
                p.cancel()
            }
        }
    }

    override fun enter(target: CancelTarget) {
        check(!entered) { "TaskGroup $this has already been entered" }
        loop = runningLoop()
        parent = target
        entered = true
        if (cancelOnEnter) cancel()
    }

    override fun aenter(): TaskGroup {
        enterJavaBody()
        return this
    }

    override fun aexit(error: Throwable?): Boolean {
        check(entered) { "TaskGroup $this has not been entered" }
        return exitJavaBody(error)
    }

    override suspend fun exit(error: Throwable?): Throwable? {
        val p = checkNotNull(parent) { "TaskGroup $this has already exited" }
        exiting = true
        var propagate: Throwable? = error as? CancellationException
        if (error != null && !aborting) abort()
        // Cancellations of the waiting task while children still run are absorbed here (they cancel the
        // children); the last one is remembered in case it must be raised.
        var pending: Throwable? = null
        while (tasks.isNotEmpty()) {
            val fut = onCompleted ?: FutureImpl<Unit>(loop).also { onCompleted = it }
            try {
                awaitCancelOnce(fut)
            } catch (ex: CancellationException) {
                pending = ex
                if (!aborting) {
                    propagate = ex
                    abort()
                }
            }
            onCompleted = null
        }
        parent = null
        if (parentCancelRequested) {
            if (p.uncancel() == 0) {
                propagate = null
            } else if (propagate == null) {
                propagate = pending
            }
        }
        if (propagate != null && errors.isEmpty()) return propagate
        if (error != null && error !is CancellationException) errors.add(error)
        if (errors.isEmpty()) return null
        if (p.cancelling() > 0) {
            // A cancellation from outside is pending: take it back and request it again, so that the count stays
            // the same and the request is delivered at the task's next await (python/cpython#116720).
            p.uncancel()
            p.cancel()
        }
        val group = ExceptionGroup("unhandled errors in a TaskGroup", errors)
        errors.clear()
        return group
    }

    private fun abort() {
        aborting = true
        for (t in tasks) if (!t.isDone) t.cancel(null)
    }

    private fun taskDone(task: TaskImpl<*>) {
        tasks.remove(task)
        val fut = onCompleted
        if (fut != null && tasks.isEmpty() && !fut.isDone) fut.completeWithResult(Unit)
        if (task.cancelled()) return
        val exc = task.exception() ?: return
        errors.add(exc)
        val p = parent ?: return
        if (p.ownerDone()) {
            loop.callExceptionHandler(
                linkedMapOf(
                    "message" to "Task $task has errored out but its parent task $p is already completed",
                    "exception" to exc,
                    "task" to task,
                ),
            )
            return
        }
        if (!aborting && !parentCancelRequested) {
            abort()
            parentCancelRequested = true
            p.cancel()
        }
    }

    override fun toString(): String {
        val info = StringBuilder("<TaskGroup")
        if (tasks.isNotEmpty()) info.append(" tasks=").append(tasks.size)
        if (errors.isNotEmpty()) info.append(" errors=").append(errors.size)
        if (aborting) info.append(" cancelling") else if (entered) info.append(" entered")
        return info.append('>').toString()
    }
}
