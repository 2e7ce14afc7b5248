package org.asyncio4j.impl

import org.asyncio4j.TimeoutError
import java.util.concurrent.CancellationException
import java.util.function.Consumer

/*
 * Python 3.13's `asyncio.wait_for` (tasks.py): a timeout scope around the await, so that a result, an
 * exception and a cancellation are never lost to a race with the timeout (python/cpython#86296).
 */

/**
 * `await wait_for(fut, timeout)` for a future or task: its outcome, or [TimeoutError] after the deadline, once
 * [inner] has been cancelled and is done. If [inner] ignores the cancellation and returns, that result is
 * returned. A null timeout waits as long as it takes; a timeout of 0 or less cancels [inner] at once unless it is
 * done. Cancelling the waiting task cancels [inner] (and waits for it).
 */
internal suspend fun <T> waitForFuture(inner: FutureImpl<T>, timeout: Double?): T {
    checkTimeout(timeout)
    if (timeout != null && timeout <= 0) {
        if (inner.isDone) return inner.result()
        cancelAndWait(inner)
        try {
            return inner.result()
        } catch (e: CancellationException) {
            throw TimeoutError().apply { initCause(e) }
        }
    }
    @Suppress("UNCHECKED_CAST")
    return TimeoutImpl(deadline(inner.loop, timeout)).runScoped { awaitThrough(inner) } as T
}

/**
 * `await wait_for(coro, timeout)` for a coroutine: the coroutine runs in the waiting task itself, under a timeout
 * (Python awaits it directly). With a timeout of 0 or less it is wrapped in a task by [asTask] that is cancelled
 * before it starts, as in Python, so it never runs.
 */
internal suspend fun <T> waitForBlock(loop: EventLoopImpl, timeout: Double?, asTask: () -> FutureImpl<T>, block: suspend () -> T): T {
    checkTimeout(timeout)
    if (timeout != null && timeout <= 0) return waitForFuture(asTask(), timeout)
    @Suppress("UNCHECKED_CAST")
    return TimeoutImpl(deadline(loop, timeout)).runScoped(block) as T
}

private fun checkTimeout(timeout: Double?) {
    require(timeout == null || !timeout.isNaN()) { "waitFor: timeout must be a number, got NaN" }
}

private fun deadline(loop: EventLoopImpl, timeout: Double?): Double? = timeout?.let { loop.time() + it }

/** Cancels [fut] and waits until it is done, without awaiting it directly: cancelling this wait cancels only the wait. */
private suspend fun cancelAndWait(fut: FutureImpl<*>) {
    val waiter = FutureImpl<Unit>(fut.loop)
    val release = Consumer<Any?> { if (!waiter.isDone) waiter.completeWithResult(Unit) }
    fut.addDoneCallback(release)
    try {
        fut.cancel(null)
        awaitCancelOnce(waiter)
    } finally {
        fut.removeDoneCallback(release)
    }
}
