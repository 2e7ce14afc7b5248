@file:JvmName("KotlinFutures")

package org.asyncio4j.kotlin

import org.asyncio4j.EventLoop
import org.asyncio4j.Future
import org.asyncio4j.impl.asImpl
import org.asyncio4j.impl.ensureFutureImpl
import org.asyncio4j.impl.runningLoop
import org.asyncio4j.impl.toCompletable
import org.asyncio4j.impl.wrapCompletionStage
import org.asyncio4j.impl.wrapJavaFuture
import java.util.concurrent.CompletableFuture
import java.util.concurrent.CompletionStage

/*
 * Python's ensure_future and wrap_future, and the way back to java.util.concurrent.
 */

/** Python's `asyncio.ensure_future(fut, loop=loop)`: [future] itself, which must belong to [loop] if one is given. */
fun <T> ensureFuture(future: Future<T>, loop: EventLoop? = null): Future<T> {
    @Suppress("UNCHECKED_CAST")
    return ensureFutureImpl(future, loop?.asImpl()) as Future<T>
}

/**
 * Python's `asyncio.wrap_future(fut)` for a [CompletableFuture]: an asyncio4j future of [loop] (default: the running
 * loop) completed with [future]'s outcome on the loop's thread; cancelling either cancels the other.
 */
fun <T> wrapFuture(future: CompletableFuture<T>, loop: EventLoop? = null): Future<T> =
    wrapFuture(future as CompletionStage<T>, loop)

/** As `wrapFuture(CompletableFuture)` for any [CompletionStage]; cancelling the result cancels the stage if it can be. */
fun <T> wrapFuture(stage: CompletionStage<T>, loop: EventLoop? = null): Future<T> {
    val l = loop?.asImpl() ?: runningLoop()
    l.checkThread("wrapFuture")
    return wrapCompletionStage(stage, l)
}

/** As `wrapFuture(CompletableFuture)` for a plain [java.util.concurrent.Future]: a virtual thread waits for it. */
fun <T> wrapFuture(future: java.util.concurrent.Future<T>, loop: EventLoop? = null): Future<T> {
    val l = loop?.asImpl() ?: runningLoop()
    l.checkThread("wrapFuture")
    return wrapJavaFuture(future, l)
}

/**
 * A [CompletableFuture] with [future]'s outcome (cancelled if [future] is); cancelling it, from any thread, cancels
 * [future] on its loop. Call on the loop's thread.
 */
fun <T> toCompletableFuture(future: Future<T>): CompletableFuture<T> {
    val f = future.asImpl()
    f.loop.checkThread("toCompletableFuture")
    return toCompletable(f)
}
