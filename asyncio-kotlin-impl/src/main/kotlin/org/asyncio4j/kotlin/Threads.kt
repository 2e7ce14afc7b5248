@file:JvmName("KotlinThreads")

package org.asyncio4j.kotlin

import kotlinx.coroutines.CoroutineScope
import org.asyncio4j.EventLoop
import org.asyncio4j.impl.asImpl
import org.asyncio4j.impl.SuspendTask
import org.asyncio4j.impl.awaitFuture
import org.asyncio4j.impl.runThreadsafe
import org.asyncio4j.impl.runningLoop
import java.util.concurrent.Callable
import java.util.concurrent.CompletableFuture

/**
 * Python's `await asyncio.to_thread(fn)`: runs the blocking [fn] in the loop's default executor (a new virtual
 * thread) and returns its result or throws its exception. Cancelling the caller stops waiting; [fn] is not
 * interrupted.
 */
suspend fun <T> toThread(fn: () -> T): T {
    val loop = runningLoop()
    return awaitFuture(loop.executors.toThread(Callable(fn)))
}

/**
 * Python's `asyncio.run_coroutine_threadsafe(coro, loop)` for a suspend lambda, from any thread: [block] runs as a
 * task of [loop]; the returned future gets its outcome, and cancelling the future cancels the task.
 */
fun <T> runCoroutineThreadsafe(loop: EventLoop, block: suspend CoroutineScope.() -> T): CompletableFuture<T> {
    val l = loop.asImpl()
    return runThreadsafe(l) { SuspendTask(l, block, null) }
}

/** Python's `await loop.shutdown_default_executor(timeout)` for suspend code (see [EventLoop.shutdownDefaultExecutor]). */
suspend fun EventLoop.coShutdownDefaultExecutor(timeout: Double? = null) {
    asImpl().executors.shutdownDefault(timeout)
}
