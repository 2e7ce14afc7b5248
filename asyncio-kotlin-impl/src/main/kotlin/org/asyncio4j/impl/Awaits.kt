package org.asyncio4j.impl

import kotlinx.coroutines.Job
import kotlinx.coroutines.NonCancellable
import kotlinx.coroutines.withContext
import java.util.concurrent.CancellationException
import kotlin.coroutines.coroutineContext

/*
 * Awaits with Python's cancellation semantics, for the library's algorithms (TaskGroup, waitFor, gather...).
 *
 * In a Java body, [awaitFuture] is already Python's `await`: each cancel() request throws one CancelledError at
 * the await, and the body may go on awaiting. A Kotlin coroutine is cancelled once and for good, and every later
 * suspension would throw again at once; an algorithm that must keep waiting after a cancellation (to let its
 * children finish) uses these functions so that, in Kotlin too, the cancellation is delivered once.
 */

/**
 * `await f` for an algorithm that may go on awaiting after a cancellation. Java body: [awaitFuture]. Kotlin
 * coroutine: the first await after its cancellation throws it, later awaits (of the already cancelled
 * coroutine) wait for [f] without being interrupted again.
 */
internal suspend fun <T> awaitCancelOnce(f: FutureImpl<T>): T {
    if (f.isDone) return f.result()
    val context = coroutineContext
    if (context[JavaBody] == null && context[Job]?.isCancelled == true) {
        return withContext(NonCancellable) { awaitFuture(f) }
    }
    return awaitFuture(f)
}

/**
 * Python's `await f` including what a cancellation of the awaiting task does: [f] is cancelled and still
 * awaited, and the await ends with f's outcome, which is a CancelledError unless [f] ignored the cancellation
 * (then its result or exception). A Java body's await does exactly this; in a Kotlin coroutine, whose own
 * cancellation interrupts the await at once, this keeps waiting for [f] before going on.
 */
internal suspend fun <T> awaitThrough(f: FutureImpl<T>): T {
    if (f.isDone || coroutineContext[JavaBody] != null) return awaitFuture(f)
    try {
        return awaitCancelOnce(f)
    } catch (e: CancellationException) {
        // The interrupted await has cancelled f already (once, as Python's task.cancel() does); wait for it.
        if (!f.isDone) withContext(NonCancellable) { awaitDone(f) }
        return f.result()
    }
}

/** Waits until [f] is done, whatever its outcome (read it from [f] afterwards). */
private suspend fun awaitDone(f: FutureImpl<*>) {
    try {
        awaitFuture(f)
    } catch (ignored: Throwable) {
        // The outcome stays in the future; the caller reads it.
    }
}

/**
 * Waits for [fut] as the last of [waiters], which it leaves however the wait ends: CPython's
 * `waiters.append(fut)`, then `await fut` with `waiters.remove(fut)` in a `finally` (locks.py).
 */
internal suspend fun <T> awaitAsWaiter(waiters: ArrayDeque<FutureImpl<T>>, fut: FutureImpl<T>) {
    waiters.addLast(fut)
    try {
        awaitFuture(fut)
    } finally {
        waiters.remove(fut)
    }
}
