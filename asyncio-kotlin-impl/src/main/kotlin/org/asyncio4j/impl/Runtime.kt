package org.asyncio4j.impl

import org.asyncio4j.AsyncGenerator
import org.asyncio4j.AsyncGeneratorBody
import org.asyncio4j.EventLoop
import org.asyncio4j.Future
import org.asyncio4j.LoopConfig
import org.asyncio4j.Task

/** The implementation behind the `Asyncio` facade's functions that need loop internals. */
object Runtime {
    /** A new event loop, not running. */
    @JvmStatic
    fun newEventLoop(config: LoopConfig): EventLoop = EventLoopImpl(config)

    /** The loop running in the current thread, or null. */
    @JvmStatic
    fun runningLoopOrNull(): EventLoop? = EventLoopImpl.runningLoop()

    /** The loop running in the current thread. */
    @JvmStatic
    fun getRunningLoop(): EventLoop =
        EventLoopImpl.runningLoop() ?: throw IllegalStateException("no running event loop")

    /** The task running now on [loop] (or on the running loop if null), or null. */
    @JvmStatic
    fun currentTask(loop: EventLoop?): Task<*>? = impl(loop ?: getRunningLoop()).currentTask()

    /** The pending tasks of [loop] (or of the running loop if null). */
    @JvmStatic
    fun allTasks(loop: EventLoop?): Set<Task<*>> = impl(loop ?: getRunningLoop()).allTasks()

    /**
     * Python's `asyncio.sleep(delay, result)`: a non-positive delay yields exactly once (`sleep(0)`),
     * otherwise the body waits [delay] seconds. Cancellation: [org.asyncio4j.CancelledError] at this call; the timer is dropped.
     */
    @JvmStatic
    fun <T> sleep(delay: Double, result: T): T {
        require(!delay.isNaN()) { "sleep: delay must be a number, got NaN" }
        val loop = EventLoopImpl.runningLoop()
            ?: throw IllegalStateException("sleep() called outside a coroutine: no event loop is running in this thread")
        if (delay <= 0) {
            loop.awaitingTask().yieldNow()
            return result
        }
        return runInBody { sleepOnTimer(loop, delay, result) }
    }

    /**
     * Runner's shutdown step: cancels every pending task of [loop] and the coroutines of its Kotlin scope
     * ([LoopScope]), runs the loop until they are all done,
     * and reports those that ended with an exception other than cancellation.
     */
    @JvmStatic
    fun cancelAllTasks(loop: EventLoop) {
        val l = impl(loop)
        val scopeDone = l.kotlinScopeIfCreated()?.cancelChildren()
        val toCancel = l.allTasks()
        if (toCancel.isEmpty() && scopeDone == null) return
        for (t in toCancel) t.cancel()
        val all = FutureImpl<Unit>(l)
        val waited: List<Future<*>> = toCancel.toList() + listOfNotNull(scopeDone)
        var remaining = waited.size
        for (f in waited) {
            f.addDoneCallback {
                if (--remaining == 0) all.completeWithResult(Unit)
            }
        }
        l.runUntilComplete(all as Future<Unit>)
        for (t in toCancel) {
            if (t.cancelled()) continue
            val e = t.exception() ?: continue
            l.callExceptionHandler(
                linkedMapOf("message" to "unhandled exception during asyncio.run() shutdown", "exception" to e, "task" to t),
            )
        }
    }

    /** Python's async generator: see [AsyncGenerator]. */
    @JvmStatic
    fun <T> asyncGenerator(body: AsyncGeneratorBody<T>): AsyncGenerator<T> = AsyncGeneratorImpl(body)

    private fun impl(loop: EventLoop): EventLoopImpl =
        loop as? EventLoopImpl ?: throw IllegalArgumentException("not an asyncio4j event loop: $loop")
}
