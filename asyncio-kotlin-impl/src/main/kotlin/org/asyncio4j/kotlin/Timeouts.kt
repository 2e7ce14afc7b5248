@file:JvmName("KotlinTimeouts")

package org.asyncio4j.kotlin

import org.asyncio4j.Timeout
import org.asyncio4j.impl.TimeoutImpl
import org.asyncio4j.impl.runScoped
import org.asyncio4j.impl.runningLoop

/**
 * Python's `async with asyncio.timeout(delay) as t: block(t)`: if [block] is still running after [delay] seconds
 * (null: never, unless rescheduled through `t`), it is cancelled, and the cancellation it ends with becomes an
 * [org.asyncio4j.TimeoutError] thrown here. A cancellation of the calling coroutine stays a cancellation, and of
 * nested timeouts the outermost expired one throws. In Kotlin the block runs in a child scope: the deadline
 * cancels that scope, not the calling coroutine.
 */
suspend fun <T> timeout(delay: Double?, block: suspend (Timeout) -> T): T {
    val loop = runningLoop()
    return timeoutAt(delay?.let { loop.time() + it }, block)
}

/** As [timeout], with the deadline [when] in loop time (`loop.time()`): Python's `asyncio.timeout_at(when)`. */
suspend fun <T> timeoutAt(`when`: Double?, block: suspend (Timeout) -> T): T {
    val scope = TimeoutImpl(`when`)
    @Suppress("UNCHECKED_CAST")
    return scope.runScoped { block(scope) } as T
}
