@file:JvmName("KotlinComposition")

package org.asyncio4j.kotlin

import kotlinx.coroutines.CoroutineScope
import org.asyncio4j.DoneAndPending
import org.asyncio4j.Future
import org.asyncio4j.ReturnWhen
import org.asyncio4j.impl.AsCompletedImpl
import org.asyncio4j.impl.asImpl
import org.asyncio4j.impl.EventLoopImpl
import org.asyncio4j.impl.FutureImpl
import org.asyncio4j.impl.SuspendTask
import org.asyncio4j.impl.awaitFuture
import org.asyncio4j.impl.awaitThrough
import org.asyncio4j.impl.distinct
import org.asyncio4j.impl.ensureFutureImpl
import org.asyncio4j.impl.gather
import org.asyncio4j.impl.loopOf
import org.asyncio4j.impl.runningLoop
import org.asyncio4j.impl.shieldFuture
import org.asyncio4j.impl.waitForBlock
import org.asyncio4j.impl.waitForFuture
import org.asyncio4j.impl.waitFutures

/*
 * The composition functions for Kotlin suspend code: the same algorithms as the Java facade's (CPython 3.13's),
 * called directly. Cancelling the calling coroutine cancels what it waits for, as Python's await does.
 */

/**
 * Python's `await asyncio.gather(*aws)`: the results of [aws] in argument order (a future given twice is awaited
 * once). The first exception is thrown here while the other futures go on running; a cancelled future counts as
 * a CancelledError. Cancelling the caller cancels every future not done yet and waits until they are.
 */
suspend fun <T> gather(vararg aws: Future<out T>): List<T> = gatherAndAwait(aws.asList(), false, ::futureOf)

/** As [gather], for a collection of futures. */
suspend fun <T> gather(aws: Collection<Future<out T>>): List<T> = gatherAndAwait(aws, false, ::futureOf)

/**
 * Python's `await asyncio.gather(*aws, return_exceptions=...)`: with [returnExceptions], an exception (or a
 * CancelledError for a cancelled future) takes the place of its future's result in the list instead of being thrown.
 */
suspend fun gather(vararg aws: Future<*>, returnExceptions: Boolean): List<Any?> =
    gatherAndAwait(aws.asList(), returnExceptions, ::futureOf)

/** As `gather(vararg aws, returnExceptions)`, for a collection of futures. */
suspend fun gather(aws: Collection<Future<*>>, returnExceptions: Boolean): List<Any?> =
    gatherAndAwait(aws, returnExceptions, ::futureOf)

/** Python's `await asyncio.gather(coro1(), coro2(), ...)`: each block runs as a task of the running loop. */
suspend fun <T> gather(vararg blocks: suspend CoroutineScope.() -> T): List<T> =
    gatherAndAwait(blocks.asList(), false) { block, loop ->
        @Suppress("UNCHECKED_CAST")
        SuspendTask(loop, block as suspend CoroutineScope.() -> T, null)
    }

private suspend fun <T> gatherAndAwait(
    aws: Collection<*>,
    returnExceptions: Boolean,
    toFuture: (Any?, EventLoopImpl) -> FutureImpl<*>,
): List<T> {
    val loop = loopOf(aws)
    return awaitThrough(gather(aws, returnExceptions, loop) { toFuture(it, loop) })
}

private fun futureOf(aw: Any?, loop: EventLoopImpl): FutureImpl<*> = ensureFutureImpl(aw, loop)

/**
 * Python's `await asyncio.wait(fs, timeout=..., return_when=...)`: waits until [returnWhen] holds or [timeout]
 * seconds passed, and returns the futures split into done and pending. Nothing is cancelled and a timeout is not
 * an error. [fs] must not be empty.
 */
suspend fun <F : Future<*>> wait(
    fs: Collection<F>,
    timeout: Double? = null,
    returnWhen: ReturnWhen = ReturnWhen.ALL_COMPLETED,
): DoneAndPending<F> = waitFutures(fs, timeout, returnWhen)

/**
 * Python's `await asyncio.wait_for(aw, timeout)`: [aw]'s outcome, or [org.asyncio4j.TimeoutError] after
 * [timeout] seconds once [aw] was cancelled and is done (if [aw] ignores the cancellation and returns, its result is
 * returned). Null waits forever; 0 or less cancels [aw] at once unless it is done. Cancelling the caller cancels [aw].
 */
suspend fun <T> waitFor(aw: Future<T>, timeout: Double?): T =
    waitForFuture(aw.asImpl(), timeout)

/**
 * Python's `await asyncio.wait_for(coro(), timeout)`: runs [block] in the calling coroutine under a timeout, and
 * throws [org.asyncio4j.TimeoutError] if it does not finish in time. With a timeout of 0 or less, [block] never runs.
 */
suspend fun <T> waitFor(timeout: Double?, block: suspend () -> T): T {
    val loop = runningLoop()
    return waitForBlock(loop, timeout, { SuspendTask(loop, { block() }, null) }, block)
}

/**
 * Python's `await asyncio.shield(aw)`: cancelling the caller does not cancel [aw], which goes on running (the caller
 * gets the cancellation at once). A cancellation of [aw] itself is thrown here.
 */
suspend fun <T> shield(aw: Future<T>): T =
    awaitFuture(shieldFuture(aw.asImpl()))

/** Python's `await asyncio.shield(coro())`: [block] runs as a task that cancelling the caller does not cancel. */
suspend fun <T> shield(block: suspend CoroutineScope.() -> T): T = awaitFuture(shieldFuture(SuspendTask(runningLoop(), block, null)))

/**
 * Python 3.13's `async for f in asyncio.as_completed(aws, timeout=...)`: iterates over [aws] in completion order,
 * yielding each future (the very object given) once it is done:
 * `for (f in asCompleted(tasks)) println(f.result())`. After [timeout] seconds, the iteration throws
 * [org.asyncio4j.TimeoutError]; the futures are not cancelled.
 */
fun <T> asCompleted(aws: Collection<Future<out T>>, timeout: Double? = null): AsCompleted<T> {
    val loop = loopOf(aws)
    @Suppress("UNCHECKED_CAST")
    val futures = distinct(aws).map { ensureFutureImpl(it, loop) as FutureImpl<T> }
    return AsCompleted(AsCompletedImpl(futures, timeout))
}

/** The asynchronous iterator of [asCompleted]: [hasNext] waits for the next future to be done. */
class AsCompleted<T> internal constructor(private val impl: AsCompletedImpl<T>) {
    private var next: Future<T>? = null

    /** @return this iterator, for `for (f in asCompleted(...))` */
    operator fun iterator(): AsCompleted<T> = this

    /** Waits for the next future to be done; false when all were yielded. Throws TimeoutError after the timeout. */
    suspend operator fun hasNext(): Boolean {
        if (next != null) return true
        if (!impl.hasNext()) return false
        next = impl.next()
        return true
    }

    /** @return the future [hasNext] waited for */
    operator fun next(): Future<T> {
        val f = next ?: throw NoSuchElementException("call hasNext() first")
        next = null
        return f
    }
}
