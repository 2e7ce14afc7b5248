@file:JvmName("KotlinInterop")

package org.asyncio4j.kotlin

import kotlinx.coroutines.CompletableDeferred
import kotlinx.coroutines.CoroutineScope
import kotlinx.coroutines.CoroutineStart
import kotlinx.coroutines.Deferred
import kotlinx.coroutines.ExperimentalCoroutinesApi
import kotlinx.coroutines.cancel
import kotlinx.coroutines.channels.ReceiveChannel
import kotlinx.coroutines.channels.produce
import kotlinx.coroutines.flow.Flow
import kotlinx.coroutines.flow.flow
import kotlinx.coroutines.launch
import org.asyncio4j.AsyncIterable
import org.asyncio4j.AsyncIterator
import org.asyncio4j.CancelledError
import org.asyncio4j.Coroutine
import org.asyncio4j.EventLoop
import org.asyncio4j.Future
import org.asyncio4j.StopAsyncIteration
import org.asyncio4j.impl.EventLoopImpl
import org.asyncio4j.impl.FutureImpl
import org.asyncio4j.impl.SuspendTask
import org.asyncio4j.impl.runningLoop
import java.util.concurrent.CancellationException

/*
 * Conversions between asyncio4j and kotlinx.coroutines. Cancellation crosses in both directions, each side
 * keeping its own semantics: on the asyncio side a cancel is a request the body may handle; on the Kotlin side
 * it is terminal.
 */

/**
 * The Kotlin view of this future or task. A Kotlin task's view is its own coroutine's Deferred; any other
 * future gets a Deferred completed with its outcome (the view retrieves the exception: Kotlin code now owns it).
 * Cancelling the view requests the cancellation of the task (a Java body may still handle it; the view stays
 * cancelled, Kotlin's cancellation being terminal).
 */
fun <T> Future<T>.asDeferred(): Deferred<T> {
    if (this is SuspendTask<T>) return job
    val f = this as? FutureImpl<T> ?: error("not an asyncio4j future: $this")
    val view = CompletableDeferred<T>()
    f.addDoneCallback {
        val failure = if (f.cancelled()) f.peekCancelledError() else f.exception()
        when {
            failure is CancellationException -> view.cancel(failure)
            failure != null -> view.completeExceptionally(failure)
            else -> view.complete(f.result())
        }
    }
    view.invokeOnCompletion { cause ->
        if (cause is CancellationException) f.loop.runOnLoop { if (!f.isDone) f.cancel(cause.message) }
    }
    return view
}

/**
 * An asyncio future of [loop] (default: the running one) completed by this Deferred, so that a Java body can
 * `await(deferred.asFuture())`. Cancelling the future (for instance because its awaiting task was cancelled,
 * as Python's `await` does) cancels the Deferred.
 */
@JvmOverloads
fun <T> Deferred<T>.asFuture(loop: EventLoop = runningLoop()): Future<T> {
    val l = loop as? EventLoopImpl ?: error("not an asyncio4j event loop: $loop")
    val f = FutureImpl<T>(l)
    val deferred = this
    invokeOnCompletion { cause ->
        l.runOnLoop {
            if (!f.isDone) {
                when (cause) {
                    null -> f.completeWithResult(deferred.getCompleted())
                    is CancellationException -> f.cancelFuture(cause.message)
                    else -> f.completeWithException(cause)
                }
            }
        }
    }
    f.addDoneCallback { if (it.cancelled() && !deferred.isCompleted) deferred.cancel(CancelledError("the asyncio future was cancelled")) }
    return f
}

/**
 * This Flow as an asyncio async iterable: a Java body iterates it with for-each (`async for`). Each iteration
 * collects the flow in a coroutine on the running loop, handing over one element per `anext()`; cancelling
 * the awaiting body cancels that collection.
 */
fun <T> Flow<T>.asAsyncIterable(): AsyncIterable<T> = AsyncIterable { FlowIterator(this) }

@OptIn(ExperimentalCoroutinesApi::class)
private class FlowIterator<T>(private val flow: Flow<T>) : AsyncIterator<T> {
    private var channel: ReceiveChannel<T>? = null

    override fun anext(): T {
        val loop = runningLoop()
        val scope = CoroutineScope(loop.dispatcher)
        val ch = channel ?: scope.produce { flow.collect { send(it) } }.also { channel = it }
        val next = FutureImpl<Any?>(loop)
        val receiver = scope.launch(start = CoroutineStart.UNDISPATCHED) {
            val r = ch.receiveCatching()
            if (!next.isDone) next.completeWithResult(r)
        }
        next.addDoneCallback { if (it.cancelled()) { receiver.cancel(); ch.cancel() } }
        @Suppress("UNCHECKED_CAST")
        val result = next.await() as kotlinx.coroutines.channels.ChannelResult<T>
        if (result.isClosed) {
            result.exceptionOrNull()?.let { throw it }
            throw StopAsyncIteration()
        }
        return result.getOrThrow()
    }
}

/**
 * This async iterable (a Java async generator, say) as a Flow, collected from a Kotlin task of the running loop:
 * each element is fetched by a Java task of that loop.
 */
fun <T> AsyncIterable<T>.asFlow(): Flow<T> = flow {
    val loop = runningLoop()
    val iterator = aiter()
    while (true) {
        val next = loop.createTask(Coroutine { try { Element(iterator.anext()) } catch (end: StopAsyncIteration) { null } })
        val element = next.coAwait() ?: break
        emit(element.value)
    }
}

private class Element<T>(val value: T)

/** Runs [action] on the loop's thread: now if this is it, else through callSoonThreadsafe; dropped once the loop is closed. */
private fun EventLoopImpl.runOnLoop(action: () -> Unit) {
    when {
        isClosed() -> {}
        onLoopThread() -> action()
        else -> callSoonThreadsafe(action)
    }
}
