package org.asyncio4j.impl

import kotlinx.coroutines.CoroutineExceptionHandler
import kotlinx.coroutines.CoroutineName
import kotlinx.coroutines.CoroutineScope
import kotlinx.coroutines.SupervisorJob
import kotlinx.coroutines.cancel
import org.asyncio4j.CancelledError
import kotlin.coroutines.CoroutineContext

/**
 * The loop's [CoroutineScope] for Kotlin code that is not a task (`loop.scope.launch { }`): a [SupervisorJob] on the
 * loop's dispatcher. A failing child cancels neither its siblings nor the scope; its exception goes to the loop's
 * exception handler, as the exception of a failing callback does. The scope lives as long as the loop: the
 * shutdown of `run`/`Runner` cancels its children and runs the loop until they complete ([cancelChildren]), and
 * closing the loop cancels the scope itself ([close]).
 */
internal class LoopScope(private val loop: EventLoopImpl) : CoroutineScope {
    private val job = SupervisorJob()

    override val coroutineContext: CoroutineContext = job + loop.dispatcher + CoroutineName("asyncio4j-loop-scope") +
        CoroutineExceptionHandler { _, e ->
            loop.callExceptionHandler(
                linkedMapOf("message" to "Unhandled exception in a coroutine of the loop's scope", "exception" to e),
            )
        }

    /**
     * Cancels the children still running; returns a future of the loop done once they have all completed (their
     * finally blocks ran), or null if there were none. Loop thread.
     */
    fun cancelChildren(): FutureImpl<Unit>? {
        val children = job.children.toList()
        if (children.isEmpty()) return null
        val done = FutureImpl<Unit>(loop)
        var remaining = children.size
        val countDown = Runnable { if (--remaining == 0) done.completeWithResult(Unit) }
        for (child in children) {
            child.invokeOnCompletion { if (loop.onLoopThread()) countDown.run() else loop.callSoonThreadsafe(countDown) }
            child.cancel(CancelledError("the event loop is shutting down"))
        }
        return done
    }

    /**
     * The loop closes: the scope is cancelled; its children unwind at once (see [LoopDispatcher.dispatch]), and a
     * child launched afterwards is cancelled before it starts.
     */
    fun close() {
        cancel(CancelledError("the event loop was closed"))
    }
}
