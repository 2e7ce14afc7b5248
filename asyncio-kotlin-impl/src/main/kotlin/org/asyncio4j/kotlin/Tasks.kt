@file:JvmName("KotlinTasks")

package org.asyncio4j.kotlin

import kotlinx.coroutines.CoroutineDispatcher
import kotlinx.coroutines.CoroutineScope
import org.asyncio4j.EventLoop
import org.asyncio4j.Future
import org.asyncio4j.Runner
import org.asyncio4j.Task
import org.asyncio4j.impl.EventLoopImpl
import org.asyncio4j.impl.FutureImpl
import org.asyncio4j.impl.SuspendTask
import org.asyncio4j.impl.awaitFuture
import org.asyncio4j.impl.runningLoop
import org.asyncio4j.impl.sleepSuspend

/*
 * The Kotlin API of the core: suspend lambdas as asyncio tasks on the same loop as Java bodies.
 */

/**
 * Python's `asyncio.create_task` for Kotlin: runs [block] as a task of the running loop, a kotlinx coroutine
 * on the loop's dispatcher that starts on the loop's next iteration. Cancelling the task cancels the
 * coroutine (Kotlin semantics: terminal).
 */
fun <T> createTask(name: String? = null, block: suspend CoroutineScope.() -> T): Task<T> =
    runningLoop().createSuspendTask(name, block)

/** As [createTask], on this loop. Must be called on the loop's thread (or while it is not running). */
fun <T> EventLoop.createSuspendTask(name: String? = null, block: suspend CoroutineScope.() -> T): Task<T> {
    val loop = impl()
    loop.checkClosed()
    loop.checkThread("createTask")
    return SuspendTask(loop, block, name)
}

/**
 * Python's `await fut` for Kotlin suspend code: suspends until the future is done and returns its result or
 * throws its exception. Cancelling the awaiting coroutine cancels the future, as in Python; the future must
 * belong to the loop the coroutine runs on, or be awaited from its thread.
 */
suspend fun <T> Future<T>.coAwait(): T = awaitFuture(this as? FutureImpl<T> ?: error("not an asyncio4j future: $this"))

/** Python's `asyncio.sleep(delay)`: a non-positive delay yields exactly once. Cancellable. */
suspend fun sleep(delay: Double) {
    sleepSuspend(delay, Unit)
}

/** Python's `asyncio.sleep(delay, result)`. */
suspend fun <T> sleep(delay: Double, result: T): T = sleepSuspend(delay, result)

/** This loop as a kotlinx dispatcher: `launch`/`async`/`withContext` on it run as callbacks of the loop. */
val EventLoop.dispatcher: CoroutineDispatcher get() = impl().dispatcher

/**
 * Python's `asyncio.run` for a suspend [block]: a new loop (see [Runner]) runs it as a task, then the tasks
 * left over are cancelled and awaited and the loop is closed.
 */
fun <T> runAsyncio(block: suspend CoroutineScope.() -> T): T = Runner().use { runner ->
    val loop = runner.loop
    loop.runUntilComplete(loop.createSuspendTask(null, block))
}

private fun EventLoop.impl(): EventLoopImpl = this as? EventLoopImpl ?: error("not an asyncio4j event loop: $this")
