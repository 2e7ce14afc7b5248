package org.asyncio4j.impl

import kotlinx.coroutines.CancellableContinuation
import kotlinx.coroutines.CoroutineDispatcher
import kotlinx.coroutines.Delay
import kotlinx.coroutines.DisposableHandle
import kotlinx.coroutines.ExperimentalCoroutinesApi
import kotlinx.coroutines.InternalCoroutinesApi
import kotlinx.coroutines.Job
import org.asyncio4j.CancelledError
import kotlin.coroutines.CoroutineContext

/**
 * The loop as a kotlinx [CoroutineDispatcher]: a dispatched block is one ready callback of the loop, so
 * Kotlin coroutines interleave with Java bodies and callbacks in the loop's FIFO order. From another
 * thread, dispatching goes through [EventLoopImpl.callSoonThreadsafe]. As a [Delay] it runs `delay` and
 * `withTimeout` on the loop's timers (and so on its clock, virtual or not). Once the loop is closing or closed,
 * a dispatched coroutine is cancelled and run on the dispatching thread, so that it ends (see [dispatch]).
 *
 * Overhead: one ready-queue entry per dispatch; no thread handoff on the loop's own thread.
 */
@OptIn(InternalCoroutinesApi::class, ExperimentalCoroutinesApi::class)
internal class LoopDispatcher(private val loop: EventLoopImpl) : CoroutineDispatcher(), Delay {
    override fun dispatch(context: CoroutineContext, block: Runnable) {
        if (loop.closing || loop.isClosed()) {
            // The loop runs no more (this is a Kotlin task or scope coroutine cancelled by close(), or a late
            // dispatch): as kotlinx's executor dispatchers do on rejection, cancel the coroutine, and let it unwind
            // right here, its finally blocks included, instead of leaving it suspended forever.
            context[Job]?.cancel(CancelledError("the event loop is closed"))
            block.run()
            return
        }
        if (loop.onLoopThread()) loop.readyAdd(block) else loop.callSoonThreadsafe(block)
    }

    override fun scheduleResumeAfterDelay(timeMillis: Long, continuation: CancellableContinuation<Unit>) {
        val h = loop.callLater(timeMillis / 1000.0) { with(continuation) { resumeUndispatched(Unit) } }
        continuation.invokeOnCancellation { h.cancel() }
    }

    override fun invokeOnTimeout(timeMillis: Long, block: Runnable, context: CoroutineContext): DisposableHandle {
        val h = loop.callLater(timeMillis / 1000.0, block)
        return DisposableHandle { h.cancel() }
    }

    override fun toString(): String = "LoopDispatcher($loop)"
}
