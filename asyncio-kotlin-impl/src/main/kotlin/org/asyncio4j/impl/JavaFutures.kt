package org.asyncio4j.impl

import java.util.concurrent.CancellationException
import java.util.concurrent.CompletableFuture
import java.util.concurrent.CompletionException
import java.util.concurrent.CompletionStage
import java.util.concurrent.ExecutionException

/*
 * Bridges between asyncio4j futures and java.util.concurrent ones (Python's `wrap_future` and `_chain_future`):
 * the outcome is copied across, on the receiving side's terms (the loop's thread for an asyncio4j future), and a
 * cancellation of either side cancels the other.
 */

/** An asyncio4j future of [loop] completed with [stage]'s outcome; cancelling it cancels [stage] (if it can be). */
internal fun <T> wrapCompletionStage(stage: CompletionStage<T>, loop: EventLoopImpl): FutureImpl<T> {
    val dest = FutureImpl<T>(loop)
    val source: java.util.concurrent.Future<*>? = stage as? java.util.concurrent.Future<*>
        ?: runCatching { stage.toCompletableFuture() }.getOrNull()
    if (source != null) dest.addDoneCallback { if (dest.cancelled()) source.cancel(false) }
    stage.whenComplete { value, error -> postToLoop(loop) { copyOutcome(dest, value, error) } }
    return dest
}

/**
 * As [wrapCompletionStage] for a plain [java.util.concurrent.Future], which offers no completion callback: a
 * virtual thread waits for it (and ends when it completes or is cancelled).
 */
internal fun <T> wrapJavaFuture(source: java.util.concurrent.Future<T>, loop: EventLoopImpl): FutureImpl<T> {
    if (source is CompletionStage<*>) {
        @Suppress("UNCHECKED_CAST")
        return wrapCompletionStage(source as CompletionStage<T>, loop)
    }
    val dest = FutureImpl<T>(loop)
    dest.addDoneCallback { if (dest.cancelled()) source.cancel(false) }
    Thread.ofVirtual().name("asyncio4j-wrap-future").start {
        var value: T? = null
        var error: Throwable? = null
        try {
            value = source.get()
        } catch (e: Throwable) {
            error = e
        }
        postToLoop(loop) { copyOutcome(dest, value, error) }
    }
    return dest
}

/** Python's `_copy_future_state` from a Java future's outcome; a cancelled [dest] ignores it. */
private fun <T> copyOutcome(dest: FutureImpl<T>, value: T?, error: Throwable?) {
    if (dest.isDone) return
    val cause = unwrap(error)
    @Suppress("UNCHECKED_CAST")
    when (cause) {
        null -> dest.completeWithResult(value as T)
        is CancellationException -> dest.cancelFuture(cause.message)
        else -> dest.completeWithException(cause)
    }
}

private fun unwrap(error: Throwable?): Throwable? {
    if ((error is CompletionException || error is ExecutionException) && error.cause != null) return error.cause
    return error
}

/**
 * A [CompletableFuture] completed with [source]'s outcome (cancelled if [source] is); cancelling it, from any
 * thread, cancels [source] on its loop.
 */
internal fun <T> toCompletable(source: FutureImpl<T>): CompletableFuture<T> =
    CompletableFuture<T>().also { chainToCompletable(source, it) }

/** Python's `_chain_future(source, dest)` towards a [CompletableFuture] (see [toCompletable]). Loop thread. */
internal fun <T> chainToCompletable(source: FutureImpl<T>, dest: CompletableFuture<T>) {
    dest.whenComplete { _, _ ->
        if (dest.isCancelled) postToLoop(source.loop) { source.cancel(null) }
    }
    source.addDoneCallback { copyToCompletable(source, dest) }
}

private fun <T> copyToCompletable(source: FutureImpl<T>, dest: CompletableFuture<T>) {
    if (source.cancelled()) {
        dest.completeExceptionally(source.makeCancelledError())
        return
    }
    val exc = source.exception()
    if (exc != null) dest.completeExceptionally(exc) else dest.complete(source.result())
}
