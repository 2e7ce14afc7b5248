package org.asyncio4j.impl

import org.asyncio4j.Awaitable
import org.asyncio4j.Coroutine

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
