package org.asyncio4j.impl

import kotlinx.coroutines.ExperimentalCoroutinesApi
import kotlinx.coroutines.suspendCancellableCoroutine
import kotlinx.coroutines.yield
import org.asyncio4j.Future
import java.util.function.Consumer
import kotlin.coroutines.Continuation
import kotlin.coroutines.CoroutineContext
import kotlin.coroutines.coroutineContext
import kotlin.coroutines.intrinsics.COROUTINE_SUSPENDED
import kotlin.coroutines.intrinsics.startCoroutineUninterceptedOrReturn

/**
 * Kotlin-side awaiting, written once for both kinds of callers. Library primitives are `suspend`
 * functions built on [awaitFuture]; a Kotlin task calls them directly, and a Java body calls them through
 * [runInBody], where every [awaitFuture] becomes the body's blocking-style await. So one implementation
 * (CPython's algorithm) serves the Java facade and the Kotlin API alike.
 */

/** Marks a suspend function run synchronously by a Java body ([runInBody]). */
internal object JavaBody : CoroutineContext.Element, CoroutineContext.Key<JavaBody> {
    override val key: CoroutineContext.Key<*> get() = this
}

/**
 * Runs [block] inside the current Java body: its asyncio awaits suspend the body (blocking style).
 * Suspending on anything else (kotlinx `delay`, a `Deferred`) is an error, since no Kotlin coroutine runs here.
 */
fun <T> runInBody(block: suspend () -> T): T {
    val completion = object : Continuation<T> {
        override val context: CoroutineContext get() = JavaBody
        override fun resumeWith(result: Result<T>) {
            throw IllegalStateException("a suspend function called from a Java body resumed after it suspended on a non-asyncio4j suspension point")
        }
    }
    val r = block.startCoroutineUninterceptedOrReturn(completion)
    if (r === COROUTINE_SUSPENDED) {
        throw IllegalStateException(
            "a suspend function called from a Java coroutine body suspended on something other than an asyncio4j " +
                "awaitable (kotlinx delay, Deferred.await...); run it as a Kotlin task and await that task instead",
        )
    }
    @Suppress("UNCHECKED_CAST")
    return r as T
}

/**
 * Awaits an asyncio4j future from suspend code. In a Kotlin task the coroutine suspends (cancelling it
 * cancels [f], as Python's `await` does); in a Java body ([runInBody]) the body awaits in blocking style.
 */
@OptIn(ExperimentalCoroutinesApi::class)
internal suspend fun <T> awaitFuture(f: FutureImpl<T>): T {
    if (f.isDone) return f.result()
    if (coroutineContext[JavaBody] != null) return f.await()
    return suspendCancellableCoroutine { cont ->
        val dispatcher = f.loop.dispatcher
        val sameLoop = cont.context[kotlin.coroutines.ContinuationInterceptor] === dispatcher
        val callback = Consumer<Future<T>> {
            val failure = f.exceptionForAwaiter()
            when {
                !cont.isActive -> {}
                failure != null && sameLoop -> with(cont) { dispatcher.resumeUndispatchedWithException(failure) }
                failure != null -> cont.resumeWith(Result.failure(failure))
                sameLoop -> with(cont) { dispatcher.resumeUndispatched(f.result()) }
                else -> cont.resumeWith(Result.success(f.result()))
            }
        }
        f.addDoneCallback(callback)
        cont.invokeOnCancellation {
            f.removeDoneCallback(callback)
            f.cancel(null)
        }
    }
}

/** `asyncio.sleep` for suspend code: a non-positive delay yields once. */
internal suspend fun <T> sleepSuspend(delay: Double, result: T): T {
    require(!delay.isNaN()) { "sleep: delay must be a number, got NaN" }
    if (coroutineContext[JavaBody] != null) return Runtime.sleep(delay, result)
    if (delay <= 0) {
        yield()
        return result
    }
    return sleepOnTimer(runningLoop(), delay, result)
}

/** Waits [delay] seconds on a timer of [loop]; the timer is dropped if the wait is cancelled. */
internal suspend fun <T> sleepOnTimer(loop: EventLoopImpl, delay: Double, result: T): T {
    val f = FutureImpl<T>(loop)
    val h = loop.callLater(delay) { if (!f.isDone) f.completeWithResult(result) }
    try {
        return awaitFuture(f)
    } finally {
        h.cancel()
    }
}

internal fun runningLoop(): EventLoopImpl =
    EventLoopImpl.runningLoop() ?: throw IllegalStateException("no running event loop in thread ${Thread.currentThread().name}")
