package org.asyncio4j.impl

import org.asyncio4j.Context
import org.asyncio4j.TimeoutError
import java.util.concurrent.Callable
import java.util.concurrent.CompletableFuture
import java.util.concurrent.Executor
import java.util.concurrent.ExecutorService
import java.util.concurrent.Executors
import java.util.concurrent.TimeUnit

/**
 * A loop's executors (base_events.py's `run_in_executor` and default executor): calls run on other threads and
 * their outcome comes back to the loop as a future. The default executor gives each call a new virtual thread, so
 * CPU-bound calls run in parallel (there is no GIL). Loop thread only.
 */
internal class LoopExecutors(private val loop: EventLoopImpl) {
    private var defaultExecutor: ExecutorService? = null
    private var shutdownCalled = false

    /** Python's `loop.run_in_executor(executor, fn)`; a null [executor] means the default one. */
    fun <T> runInExecutor(executor: Executor?, fn: Callable<T>): FutureImpl<T> {
        loop.checkClosed()
        loop.checkThread("runInExecutor")
        val ex = executor ?: defaultExecutor()
        return wrapCompletionStage(submit(ex, fn), loop)
    }

    /** Python's `asyncio.to_thread(fn)`: [fn] runs in the default executor, in a copy of the caller's context. */
    fun <T> toThread(fn: Callable<T>): FutureImpl<T> {
        val context = Context.copyContext()
        return runInExecutor(null) { context.run(fn) }
    }

    /**
     * The one place where a call is handed to an executor. A call whose future was cancelled before it started
     * does not run.
     */
    private fun <T> submit(executor: Executor, fn: Callable<T>): CompletableFuture<T> {
        val result = CompletableFuture<T>()
        executor.execute {
            if (!result.isDone) {
                try {
                    result.complete(fn.call())
                } catch (t: Throwable) {
                    result.completeExceptionally(t)
                }
            }
        }
        return result
    }

    private fun defaultExecutor(): ExecutorService {
        check(!shutdownCalled) { "Executor shutdown has been called" }
        return defaultExecutor ?: Executors.newThreadPerTaskExecutor(
            Thread.ofVirtual().name("asyncio4j-executor-", 0).factory(),
        ).also { defaultExecutor = it }
    }

    fun setDefault(executor: ExecutorService) {
        loop.checkThread("setDefaultExecutor")
        defaultExecutor = executor
    }

    /**
     * Python's `loop.shutdown_default_executor(timeout)`: no new call may use the default executor; waits (up to
     * [timeout] seconds, null for no limit) until its calls have finished, on a helper thread so the loop goes on.
     */
    suspend fun shutdownDefault(timeout: Double?) {
        shutdownCalled = true
        val executor = defaultExecutor ?: return
        val joined = FutureImpl<Unit>(loop)
        Thread.ofVirtual().name("asyncio4j-executor-shutdown").start {
            val outcome = try {
                executor.shutdown()
                executor.awaitTermination(Long.MAX_VALUE, TimeUnit.NANOSECONDS)
                null
            } catch (e: Exception) {
                e
            }
            postToLoop(loop) {
                if (!joined.isDone) {
                    if (outcome == null) joined.completeWithResult(Unit) else joined.completeWithException(outcome)
                }
            }
        }
        try {
            TimeoutImpl(timeout?.let { loop.time() + it }).runScoped { awaitFuture(joined) }
        } catch (e: TimeoutError) {
            EventLoopImpl.LOG.log(
                System.Logger.Level.WARNING,
                "The executor did not finish joining its threads within $timeout seconds.",
            )
        }
    }

    /** The loop closes: the default executor stops taking calls; running ones finish on their own. */
    fun close() {
        val executor = defaultExecutor ?: return
        defaultExecutor = null
        executor.shutdown()
    }
}

/** Runs [action] on [loop]'s thread soon, from any thread; dropped if the loop is closed (or closes meanwhile). */
internal fun postToLoop(loop: EventLoopImpl, action: Runnable) {
    try {
        loop.callSoonThreadsafe(action)
    } catch (e: IllegalStateException) {
        if (!(loop.isClosed || loop.closing)) throw e
    }
}
