package org.asyncio4j.impl

import org.asyncio4j.Future
import org.asyncio4j.Handle
import org.asyncio4j.TimeoutError
import java.util.function.Consumer

/**
 * Python 3.13's `asyncio.as_completed(aws, timeout=...)` as an asynchronous iterator: [next] waits for the next
 * future to be done and returns it (the caller's own future or task, or the task made for a coroutine). After the
 * timeout, each remaining [next] throws [TimeoutError]; the futures themselves are not cancelled.
 *
 * Cancelling a waiting [next] loses nothing: the future it would have returned is returned by the next call.
 */
internal class AsCompletedImpl<T>(futures: List<FutureImpl<T>>, timeout: Double?) {
    private val loop = futures.firstOrNull()?.loop
    private val todo = LinkedHashSet(futures)
    private var left = todo.size
    /** Done futures not returned yet, in completion order; null marks a timeout. */
    private val ready = ArrayDeque<FutureImpl<T>?>()
    private var waiter: FutureImpl<Unit>? = null
    private var timer: Handle? = null
    private val onCompletion = Consumer<Future<T>> { completed(it as FutureImpl<T>) }

    init {
        require(timeout == null || !timeout.isNaN()) { "asCompleted: timeout must be a number, got NaN" }
        for (f in todo) f.addDoneCallback(onCompletion)
        if (todo.isNotEmpty() && timeout != null) timer = loop!!.callLater(timeout) { timedOut() }
    }

    /** @return true while some future has not been returned by [next] */
    fun hasNext(): Boolean = left > 0

    /** Waits for the next future to be done and returns it; [TimeoutError] once the timeout passed. */
    suspend fun next(): FutureImpl<T> {
        if (left == 0) throw NoSuchElementException("asCompleted: every future was returned already")
        while (ready.isEmpty()) {
            val w = FutureImpl<Unit>(loop!!)
            waiter = w
            try {
                awaitFuture(w)
            } finally {
                waiter = null
            }
        }
        left--
        return ready.removeFirst() ?: throw TimeoutError()
    }

    private fun completed(f: FutureImpl<T>) {
        if (todo.isEmpty()) return
        todo.remove(f)
        push(f)
        if (todo.isEmpty()) timer?.cancel()
    }

    private fun timedOut() {
        for (f in todo) {
            f.removeDoneCallback(onCompletion)
            push(null)
        }
        todo.clear()
    }

    private fun push(f: FutureImpl<T>?) {
        ready.addLast(f)
        val w = waiter
        if (w != null && !w.isDone) w.completeWithResult(Unit)
    }
}
