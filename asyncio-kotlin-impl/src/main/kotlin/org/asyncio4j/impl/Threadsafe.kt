package org.asyncio4j.impl

import java.util.concurrent.CompletableFuture

/**
 * Python's `asyncio.run_coroutine_threadsafe(coro, loop)`, from any thread: [start] makes the task on [loop]'s
 * thread in its next iteration (in `callSoonThreadsafe` order); the returned future gets the task's outcome, and
 * cancelling it cancels the task. If the task cannot be made, the future gets that exception.
 */
internal fun <T> runThreadsafe(loop: EventLoopImpl, start: () -> FutureImpl<T>): CompletableFuture<T> {
    val result = CompletableFuture<T>()
    loop.callSoonThreadsafe {
        val task = try {
            start()
        } catch (e: Throwable) {
            result.completeExceptionally(e)
            throw e
        }
        chainToCompletable(task, result)
    }
    return result
}
