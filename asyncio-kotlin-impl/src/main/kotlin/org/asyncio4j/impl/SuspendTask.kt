package org.asyncio4j.impl

import kotlinx.coroutines.CoroutineScope
import kotlinx.coroutines.CoroutineStart
import kotlinx.coroutines.Deferred
import kotlinx.coroutines.ThreadContextElement
import kotlinx.coroutines.async
import org.asyncio4j.CancelledError
import org.asyncio4j.Context
import org.asyncio4j.ContextSlot
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

/**
 * Makes a Kotlin task the loop's current task, running in its [Context], while its coroutine runs. Off the
 * loop's thread (a `withContext(Dispatchers.IO) { }` inside the task) the coroutine runs in a copy of the task's
 * Context, as `asyncio.to_thread` does (what it sets there stays there; the loop thread may not have left the
 * task's own Context yet), and the loop's current task is left to the loop's thread.
 */
private class CurrentTaskElement(private val task: TaskImpl<*>) : ThreadContextElement<CurrentTaskElement.Saved> {
    companion object Key : CoroutineContext.Key<CurrentTaskElement>

    /**
     * What to restore: the loop's previous current task (when [onLoop]), and the context to leave [slot] in,
     * unless the task's context was entered there already ([nested]: an undispatched `withContext`).
     */
    class Saved(val onLoop: Boolean, val task: TaskImpl<*>?, val slot: ContextSlot, val context: Context?, val nested: Boolean)

    override val key: CoroutineContext.Key<*> get() = Key

    override fun updateThreadContext(context: CoroutineContext): Saved {
        val loop = task.loop
        if (!loop.onLoopThread()) {
            val slot = Context.currentThreadSlot()
            return Saved(false, null, slot, Context.enter(task.context.copy(), slot), false)
        }
        val previous = loop.currentTask
        loop.currentTask = task
        val slot = loop.engine.contextSlot()
        if (slot.currentContext() === task.context) return Saved(true, previous, slot, null, true)
        return Saved(true, previous, slot, Context.enter(task.context, slot), false)
    }

    override fun restoreThreadContext(context: CoroutineContext, oldState: Saved) {
        if (!oldState.nested) Context.exit(oldState.context, oldState.slot)
        if (oldState.onLoop) task.loop.currentTask = oldState.task
    }
}
