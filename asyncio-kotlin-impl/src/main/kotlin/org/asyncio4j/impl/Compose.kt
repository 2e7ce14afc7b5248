package org.asyncio4j.impl

import org.asyncio4j.AsyncIterable
import org.asyncio4j.AsyncIterator
import org.asyncio4j.Coroutine
import org.asyncio4j.DoneAndPending
import org.asyncio4j.EventLoop
import org.asyncio4j.Future
import org.asyncio4j.ReturnWhen
import org.asyncio4j.StopAsyncIteration
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
    fun <T> waitFor(aw: Future<T>, timeout: Double?): T = runInBody { waitForFuture(aw.asImpl(), timeout) }

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

    /** `asyncio.timeout(delay)`: a timeout whose deadline is [delay] seconds from now, to be entered. */
    @JvmStatic
    fun timeout(delay: Double?): Timeout {
        val loop = EventLoopImpl.runningLoop()
            ?: throw IllegalStateException("timeout() needs a running event loop in thread ${Thread.currentThread().name}")
        return TimeoutImpl(delay?.let { loop.time() + it })
    }

    /** `asyncio.timeout_at(when)`: a timeout with a deadline in loop time, to be entered. */
    @JvmStatic
    fun timeoutAt(`when`: Double?): Timeout = TimeoutImpl(`when`)

    /** `async with timeout as t: body(t)` for a [timeout] made by [timeout] or [timeoutAt]. */
    @JvmStatic
    fun <T> runTimeout(timeout: Timeout, body: Timeout.Body<T>): T {
        val scope = timeout as TimeoutImpl
        bodyLoop("timeout")
        @Suppress("UNCHECKED_CAST")
        return runInBody { scope.runScoped { body.run(scope) } } as T
    }

    /** `asyncio.TaskGroup()`: a task group, to be entered. */
    @JvmStatic
    fun newTaskGroup(): TaskGroup = TaskGroupImpl()

    /** `async with asyncio.TaskGroup() as tg: body(tg)`; null if the group's cancel() ended the body. */
    @JvmStatic
    fun <T> taskGroup(body: TaskGroup.Body<T>): T? {
        bodyLoop("taskGroup")
        val group = TaskGroupImpl()
        return runInBody { group.runScoped { body.run(group) } }
    }

    /** `asyncio.as_completed(aws, timeout=...)`, iterated with `async for` inside a body. */
    @JvmStatic
    fun <T> asCompleted(aws: Collection<*>, timeout: Double?): AsyncIterable<Future<T>> {
        val loop = loopOf(aws)
        loop.checkThread("asCompleted")
        @Suppress("UNCHECKED_CAST")
        val futures = distinct(aws).map { ensureFutureImpl(it, loop) as FutureImpl<T> }
        val impl = AsCompletedImpl(futures, timeout)
        val iterator = AsyncIterator<Future<T>> {
            if (!impl.hasNext()) throw StopAsyncIteration()
            runInBody { impl.next() }
        }
        return AsyncIterable { iterator }
    }

    // ---- threads ----------------------------------------------------------------------------------------

    /** `await asyncio.to_thread(fn)`: runs [fn] in the loop's default executor, in a copy of the current context. */
    @JvmStatic
    fun <T> toThread(fn: Callable<T>): T {
        val loop = bodyLoop("toThread")
        return runInBody { awaitFuture(loop.executors.toThread(fn)) }
    }

    /** `asyncio.run_coroutine_threadsafe(coro, loop)`, from any thread. */
    @JvmStatic
    fun <T> runCoroutineThreadsafe(coro: Coroutine<T>, loop: EventLoop): CompletableFuture<T> {
        val l = loop.asImpl()
        return runThreadsafe(l) { newTask(l, coro) }
    }

    // ---- futures ----------------------------------------------------------------------------------------

    /** `asyncio.ensure_future(aw, loop=loop)`: a future as it is, a coroutine as a new task (of [loop], or the running loop). */
    @JvmStatic
    fun <T> ensureFuture(aw: Any, loop: EventLoop?): Future<T> {
        @Suppress("UNCHECKED_CAST")
        return ensureFutureImpl(aw, loop?.asImpl()) as Future<T>
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
        val f = future.asImpl()
        f.loop.checkThread("toCompletableFuture")
        return toCompletable(f)
    }

    // ---- helpers ----------------------------------------------------------------------------------------

    /** `loop.create_task(coro)`, through the loop's task factory. */
    private fun <T> newTask(loop: EventLoopImpl, coro: Coroutine<T>): FutureImpl<T> {
        @Suppress("UNCHECKED_CAST")
        return loop.createTask(coro) as FutureImpl<T>
    }

    private fun bodyLoop(what: String): EventLoopImpl = EventLoopImpl.runningLoop()
        ?: throw IllegalStateException(
            "$what() must be called inside a coroutine body: no event loop is running in thread ${Thread.currentThread().name}",
        )

    private fun loopOrRunning(loop: EventLoop?, what: String): EventLoopImpl =
        loop?.asImpl() ?: bodyLoop(what)
}
