package org.asyncio4j.impl

import org.asyncio4j.Awaitable
import org.asyncio4j.Coroutine
import org.asyncio4j.EventLoop
import org.asyncio4j.Future

/**
 * Python's `ensure_future(aw, loop=loop)`: an asyncio4j future is returned as it is (it must belong to [loop] when
 * one is given); a [Coroutine] becomes a task of [loop] (or of the running loop); any other [Awaitable] becomes a
 * task that awaits it.
 */
internal fun ensureFutureImpl(aw: Any?, loop: EventLoopImpl?): FutureImpl<*> = when (aw) {
    is FutureImpl<*> -> {
        require(loop == null || aw.loop === loop) {
            "The future belongs to a different loop than the one specified as the loop argument"
        }
        aw
    }
    is Coroutine<*> -> (loop ?: runningLoop()).createTask(aw) as FutureImpl<*>
    is Awaitable<*> -> (loop ?: runningLoop()).createTask(Coroutine { aw.await() }) as FutureImpl<*>
    else -> throw IllegalArgumentException("An asyncio4j Future, a Coroutine or an Awaitable is required, got $aw")
}

/** The loop of the first future among [aws], else the running loop: where the others' tasks are created. */
internal fun loopOf(aws: Collection<*>): EventLoopImpl {
    for (aw in aws) if (aw is FutureImpl<*>) return aw.loop
    return runningLoop()
}

/** [aws] without repetitions (by identity), in order. */
internal fun distinct(aws: Collection<*>): List<Any?> {
    val seen = java.util.Collections.newSetFromMap(java.util.IdentityHashMap<Any?, Boolean>())
    return aws.filter { seen.add(it) }
}

/** This loop as asyncio4j's implementation; another implementation is a clear error. */
internal fun EventLoop.asImpl(): EventLoopImpl =
    this as? EventLoopImpl ?: throw IllegalArgumentException("not an asyncio4j event loop: $this")

/** This future as asyncio4j's implementation; another implementation is a clear error. */
internal fun <T> Future<T>.asImpl(): FutureImpl<T> =
    this as? FutureImpl<T> ?: throw IllegalArgumentException("not an asyncio4j future: $this")
