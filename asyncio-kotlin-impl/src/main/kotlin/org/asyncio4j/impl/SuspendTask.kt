package org.asyncio4j.impl

import kotlinx.coroutines.CoroutineScope
import kotlinx.coroutines.CoroutineStart
import kotlinx.coroutines.Deferred
import kotlinx.coroutines.ThreadContextElement
import kotlinx.coroutines.async
import org.asyncio4j.CancelledError
import org.asyncio4j.Context
import java.util.concurrent.CancellationException
import kotlin.coroutines.CoroutineContext

/**
 * A task whose body is a Kotlin `suspend` lambda, running directly as a kotlinx coroutine on the loop's
 * dispatcher; its [Deferred] ([job]) is its Kotlin view, and the task completes when the coroutine does
 * (after its finally blocks). While the coroutine runs, it is the loop's current task.
 *
 * Cancellation follows Kotlin: [cancel] cancels the coroutine, which is terminal (every later suspension
 * throws), and the task ends cancelled; see docs/differences.md.
 */
internal class SuspendTask<T>(
    loop: EventLoopImpl,
    block: suspend CoroutineScope.() -> T,
    name: String?,
    eagerStart: Boolean = false,
) : TaskImpl<T>(loop, name) {
    /** An eager task's coroutine starts undispatched: it runs in the creator until its first suspension. */
    val job: Deferred<T> = CoroutineScope(loop.dispatcher + CurrentTaskElement(this))
        .async(start = if (eagerStart) CoroutineStart.UNDISPATCHED else CoroutineStart.DEFAULT, block = block)

    init {
        job.invokeOnCompletion { cause -> finish(cause) }
    }

    private fun finish(cause: Throwable?) {
        when (cause) {
            null -> completeWithResult(job.getCompleted())
            is CancellationException -> {
                cancelledExc = cause as? CancelledError ?: CancelledError(cause.message).apply { initCause(cause) }
                cancelFuture(null)
            }
            else -> completeWithException(cause)
        }
    }

    override fun cancel(msg: String?): Boolean {
        loop.checkThread("Task.cancel")
        markRetrieved()
        if (isDone) return false
        numCancelsRequested++
        job.cancel(CancelledError(msg))
        return true
    }

    override fun uncancel(): Int {
        if (numCancelsRequested > 0) numCancelsRequested--
        return numCancelsRequested
    }

    override fun closeBody() {
        job.cancel(CancelledError("the event loop was closed"))
    }
}

/** Makes a Kotlin task the loop's current task, running in its [Context], while its coroutine runs. */
private class CurrentTaskElement(private val task: TaskImpl<*>) : ThreadContextElement<CurrentTaskElement.Saved> {
    companion object Key : CoroutineContext.Key<CurrentTaskElement>

    /** What to restore; [nested] when the task's context was entered already (an undispatched `withContext`). */
    class Saved(val task: TaskImpl<*>?, val context: Context?, val nested: Boolean)

    override val key: CoroutineContext.Key<*> get() = Key

    override fun updateThreadContext(context: CoroutineContext): Saved {
        val previous = task.loop.currentTask
        task.loop.currentTask = task
        val slot = task.loop.engine.contextSlot()
        if (slot.currentContext() === task.context) return Saved(previous, null, true)
        return Saved(previous, Context.enter(task.context, slot), false)
    }

    override fun restoreThreadContext(context: CoroutineContext, oldState: Saved) {
        if (!oldState.nested) Context.exit(oldState.context, task.loop.engine.contextSlot())
        task.loop.currentTask = oldState.task
    }
}
