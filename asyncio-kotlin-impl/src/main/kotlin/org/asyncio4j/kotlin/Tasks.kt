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
fun <T> createTask(name: String? = null, eagerStart: Boolean = false, block: suspend CoroutineScope.() -> T): Task<T> =
    runningLoop().createSuspendTask(name, eagerStart, block)

/**
 * As [createTask], on this loop. Must be called on the loop's thread (or while it is not running). With
 * [eagerStart] (Python 3.14's `eager_start`), a task created while the loop runs starts at once and runs until
 * its first suspension inside this call.
 */
fun <T> EventLoop.createSuspendTask(
    name: String? = null,
    eagerStart: Boolean = false,
    block: suspend CoroutineScope.() -> T,
): Task<T> {
    val loop = impl()
    loop.checkClosed()
    loop.checkThread("createTask")
    return SuspendTask(loop, block, name, eagerStart && loop.isRunning())
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

/**
 * This loop as a kotlinx dispatcher: `launch`/`async`/`withContext` on it run as callbacks of the loop, in its FIFO
 * order with Java bodies and other callbacks; kotlinx `delay` and `withTimeout` use the loop's timers (and clock).
 * From another thread, a dispatch goes through `callSoonThreadsafe`. A dispatcher carries no lifetime: for
 * coroutines that should end with the loop, use [scope].
 */
val EventLoop.dispatcher: CoroutineDispatcher get() = impl().dispatcher

/**
 * This loop's [CoroutineScope], for kotlinx coroutines that are not asyncio tasks: `loop.scope.launch { }` and
 * `loop.scope.async { }` run on the loop ([dispatcher]) and may use the whole suspend API (`sleep`, `gather`,
 * `coAwait`, ...). Such a coroutine is not a task: [org.asyncio4j.Asyncio.allTasks] does not list it, `currentTask()`
 * is null inside it, and its cancellation is Kotlin's (terminal). For a task, use [createTask].
 *
 * Lifetime and cancellation: one scope per loop, whose job is a [kotlinx.coroutines.SupervisorJob]: a failing child
 * cancels neither its siblings nor the scope, and an exception that a `launch`ed child does not handle goes to the
 * loop's exception handler (as a failing callback's does). When `run`, [runAsyncio] or [Runner.close] shut the loop
 * down, the children still running are cancelled together with the tasks left over, and the loop runs until they
 * have all completed, so their `finally` blocks run. Closing the loop cancels the scope itself: coroutines still
 * suspended in it are cancelled and unwind at once on the closing thread (their `finally` blocks run but can no
 * longer suspend), and a coroutine launched afterwards is cancelled before it starts.
 * Cancelling the scope by hand (`loop.scope.cancel()`) cancels every child and leaves the scope unusable for the
 * rest of the loop's life; cancel a child's [kotlinx.coroutines.Job] instead.
 *
 * Safe to use from any thread: launching from another thread dispatches through `callSoonThreadsafe`.
 */
val EventLoop.scope: CoroutineScope get() = impl().kotlinScope

/**
 * Python's `asyncio.run` for a suspend [block]: a new loop (see [Runner]) runs it as a task, then the tasks
 * left over are cancelled and awaited and the loop is closed.
 */
fun <T> runAsyncio(block: suspend CoroutineScope.() -> T): T = Runner().use { runner ->
    val loop = runner.loop
    loop.runUntilComplete(loop.createSuspendTask(block = block))
}

private fun EventLoop.impl(): EventLoopImpl = this as? EventLoopImpl ?: error("not an asyncio4j event loop: $this")
