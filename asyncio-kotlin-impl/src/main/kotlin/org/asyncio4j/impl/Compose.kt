package org.asyncio4j.impl

import org.asyncio4j.Coroutine
import org.asyncio4j.DoneAndPending
import org.asyncio4j.EventLoop
import org.asyncio4j.Future
import org.asyncio4j.ReturnWhen
import org.asyncio4j.TaskGroup
import org.asyncio4j.Timeout
import java.util.concurrent.Callable
import java.util.concurrent.CompletableFuture
import java.util.concurrent.CompletionStage

/**
 * The implementation behind the `Asyncio` facade's composition functions (gather, wait, waitFor, shield,
 * timeout, TaskGroup, asCompleted, threads, future bridges). Each algorithm is written once as a suspend
 * function; the functions here run it in the calling Java body ([runInBody]).
 */
object Compose {
    // ---- gather, wait, waitFor, shield ----------------------------------------------------------------

    /** `asyncio.gather(*aws, return_exceptions=...)`; [aws] holds futures, coroutines or awaitables. */
    @JvmStatic
    fun <T> gather(aws: Collection<*>, returnExceptions: Boolean): Future<List<T>> {
        val loop = loopOf(aws)
        loop.checkThread("gather")
        return gather(aws, returnExceptions, loop) { ensureFutureImpl(it, loop) }
    }

    /** `await asyncio.wait(fs, timeout=..., return_when=...)`. */
    @JvmStatic
    fun <F : Future<*>> wait(fs: Collection<F>, timeout: Double?, returnWhen: ReturnWhen): DoneAndPending<F> =
        runInBody { waitFutures(fs, timeout, returnWhen) }

    /** `await asyncio.wait_for(fut, timeout)`. */
    @JvmStatic
    fun <T> waitFor(aw: Future<T>, timeout: Double?): T = runInBody { waitForFuture(impl(aw), timeout) }

    /** `await asyncio.wait_for(coro, timeout)`: the coroutine runs in the calling body. */
    @JvmStatic
    fun <T> waitFor(coro: Coroutine<T>, timeout: Double?): T {
        val loop = bodyLoop("waitFor")
        return runInBody { waitForBlock(loop, timeout, { newTask(loop, coro) }) { coro.call() } }
    }

    /** `asyncio.shield(aw)`. */
    @JvmStatic
    fun <T> shield(aw: Any): Future<T> {
        @Suppress("UNCHECKED_CAST")
        val inner = ensureFutureImpl(aw, null) as FutureImpl<T>
        inner.loop.checkThread("shield")
        return shieldFuture(inner)
    }

    // ---- timeout, TaskGroup, asCompleted --------------------------------------------------------------

    /** `async with asyncio.timeout_at(when) as t: body(t)`. */
    @JvmStatic
    fun <T> timeoutAt(`when`: Double?, body: Timeout.Body<T>): T {
        val scope = TimeoutImpl(bodyLoop("timeout"), `when`)
        @Suppress("UNCHECKED_CAST")
        return runInBody { scope.runScoped { body.run(scope) } } as T
    }

    /** `async with asyncio.timeout(delay) as t: body(t)`. */
    @JvmStatic
    fun <T> timeout(delay: Double?, body: Timeout.Body<T>): T {
        val loop = bodyLoop("timeout")
        return timeoutAt(delay?.let { loop.time() + it }, body)
    }

    /** `async with asyncio.TaskGroup() as tg: body(tg)`; null if the group's cancel() ended the body. */
    @JvmStatic
    fun <T> taskGroup(body: TaskGroup.Body<T>): T? {
        val group = TaskGroupImpl(bodyLoop("taskGroup"))
        return runInBody { group.runScoped { body.run(group) } }
    }

    /** `asyncio.as_completed(aws, timeout=...)`, iterated inside a body: each `next()` awaits. */
    @JvmStatic
    fun <T> asCompleted(aws: Collection<*>, timeout: Double?): Iterable<Future<T>> {
        val loop = loopOf(aws)
        loop.checkThread("asCompleted")
        @Suppress("UNCHECKED_CAST")
        val futures = distinct(aws).map { ensureFutureImpl(it, loop) as FutureImpl<T> }
        return BodyIterator(AsCompletedImpl(futures, timeout))
    }

    /** as_completed's iterator for Java bodies: [next] awaits in the body; the iterator is its own iterable. */
    private class BodyIterator<T>(private val impl: AsCompletedImpl<T>) : Iterable<Future<T>>, Iterator<Future<T>> {
        override fun iterator(): Iterator<Future<T>> = this

        override fun hasNext(): Boolean = impl.hasNext()

        override fun next(): Future<T> = runInBody { impl.next() }
    }

    // ---- threads ----------------------------------------------------------------------------------------

    /** `await asyncio.to_thread(fn)`: runs [fn] in the loop's default executor. */
    @JvmStatic
    fun <T> toThread(fn: Callable<T>): T {
        val loop = bodyLoop("toThread")
        return runInBody { awaitFuture(loop.executors.runInExecutor(null, fn)) }
    }

    /** `asyncio.run_coroutine_threadsafe(coro, loop)`, from any thread. */
    @JvmStatic
    fun <T> runCoroutineThreadsafe(coro: Coroutine<T>, loop: EventLoop): CompletableFuture<T> {
        val l = impl(loop)
        return runThreadsafe(l) { newTask(l, coro) }
    }

    // ---- futures ----------------------------------------------------------------------------------------

    /** `asyncio.ensure_future(aw, loop=loop)`: a future as it is, a coroutine as a new task (of [loop], or the running loop). */
    @JvmStatic
    fun <T> ensureFuture(aw: Any, loop: EventLoop?): Future<T> {
        @Suppress("UNCHECKED_CAST")
        return ensureFutureImpl(aw, loop?.let { impl(it) }) as Future<T>
    }

    /** `asyncio.wrap_future(stage, loop=loop)` for a [CompletionStage] (a CompletableFuture). */
    @JvmStatic
    fun <T> wrapFuture(stage: CompletionStage<T>, loop: EventLoop?): Future<T> {
        val l = loopOrRunning(loop, "wrapFuture")
        l.checkThread("wrapFuture")
        return wrapCompletionStage(stage, l)
    }

    /** `asyncio.wrap_future(fut, loop=loop)` for a plain [java.util.concurrent.Future]. */
    @JvmStatic
    fun <T> wrapFuture(future: java.util.concurrent.Future<T>, loop: EventLoop?): Future<T> {
        val l = loopOrRunning(loop, "wrapFuture")
        l.checkThread("wrapFuture")
        return wrapJavaFuture(future, l)
    }

    /** A [CompletableFuture] with [future]'s outcome; cancelling it cancels [future]. */
    @JvmStatic
    fun <T> toCompletableFuture(future: Future<T>): CompletableFuture<T> {
        val f = impl(future)
        f.loop.checkThread("toCompletableFuture")
        return toCompletable(f)
    }

    // ---- helpers ----------------------------------------------------------------------------------------

    private fun <T> newTask(loop: EventLoopImpl, coro: Coroutine<T>): FutureImpl<T> {
        loop.checkClosed()
        loop.checkThread("createTask")
        return JavaTask(loop, coro, null)
    }

    private fun bodyLoop(what: String): EventLoopImpl = EventLoopImpl.RUNNING_LOOP.get()
        ?: throw IllegalStateException(
            "$what() must be called inside a coroutine body: no event loop is running in thread ${Thread.currentThread().name}",
        )

    private fun loopOrRunning(loop: EventLoop?, what: String): EventLoopImpl =
        if (loop != null) impl(loop) else bodyLoop(what)

    private fun impl(loop: EventLoop): EventLoopImpl =
        loop as? EventLoopImpl ?: throw IllegalArgumentException("not an asyncio4j event loop: $loop")

    private fun <T> impl(future: Future<T>): FutureImpl<T> =
        future as? FutureImpl<T> ?: throw IllegalArgumentException("not an asyncio4j future: $future")
}

/** [aws] without repetitions (by identity), in order. */
internal fun distinct(aws: Collection<*>): List<Any?> {
    val seen = java.util.Collections.newSetFromMap(java.util.IdentityHashMap<Any?, Boolean>())
    return aws.filter { seen.add(it) }
}
