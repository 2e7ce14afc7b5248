package org.asyncio4j.impl

import org.asyncio4j.CancelledError
import org.asyncio4j.Context
import org.asyncio4j.EventLoop
import org.asyncio4j.Future
import org.asyncio4j.InvalidStateError
import java.util.concurrent.CancellationException
import java.util.function.Consumer

/**
 * Python's `asyncio.Future`: pending, then finished (result or exception) or cancelled, once.
 * Done callbacks are scheduled on the loop in registration order. A Java task waiting on the future is
 * kept in the same callback list, without an allocation per await.
 */
internal open class FutureImpl<T>(@JvmField internal val loop: EventLoopImpl) : Future<T> {
    private var state = PENDING
    private var value: T? = null
    private var error: Throwable? = null
    /** Message of the cancellation (of a task: of its latest cancel request), given to the CancelledErrors made for it. */
    @JvmField internal var cancelMessage: String? = null
    /** The CancelledError a task's body ended with, handed once to the next awaiter. */
    @JvmField internal var cancelledExc: CancellationException? = null
    /** One callback, or an ArrayList of them; each a DoneCallback, an InternalDoneCallback or a waiting JavaTask. */
    private var callbacks: Any? = null
    private var report: UnretrievedExceptions.Report? = null

    override fun done(): Boolean = state != PENDING

    override fun cancelled(): Boolean = state == CANCELLED

    internal val isDone: Boolean get() = state != PENDING

    override fun result(): T {
        if (state == CANCELLED) throw makeCancelledError()
        if (state != FINISHED) throw InvalidStateError("Result is not ready.")
        markRetrieved()
        error?.let { throw it }
        @Suppress("UNCHECKED_CAST")
        return value as T
    }

    override fun exception(): Throwable? {
        if (state == CANCELLED) throw makeCancelledError()
        if (state != FINISHED) throw InvalidStateError("Exception is not set.")
        markRetrieved()
        return error
    }

    /** The exception an awaiter must get (null for a result); marks it retrieved. Only when done. */
    internal fun exceptionForAwaiter(): Throwable? {
        if (state == CANCELLED) return makeCancelledError()
        markRetrieved()
        return error
    }

    override fun setResult(result: T) {
        loop.checkThread("Future.setResult")
        if (state != PENDING) throw InvalidStateError("invalid state: setResult() on a done future: $this")
        completeWithResult(result)
    }

    override fun setException(exception: Throwable) {
        loop.checkThread("Future.setException")
        requireNotNull(exception) { "setException: the exception must not be null" }
        if (state != PENDING) throw InvalidStateError("invalid state: setException() on a done future: $this")
        completeWithException(exception)
    }

    internal fun completeWithResult(result: T) {
        value = result
        state = FINISHED
        scheduleCallbacks()
    }

    internal fun completeWithException(exception: Throwable) {
        error = exception
        state = FINISHED
        scheduleCallbacks()
        report = loop.unretrieved.track(this, exception)
    }

    override fun cancel(msg: String?): Boolean {
        loop.checkThread("Future.cancel")
        return cancelFuture(msg)
    }

    /** Python's `Future.cancel` (a Task's `super().cancel()`). */
    internal fun cancelFuture(msg: String?): Boolean {
        markRetrieved()
        if (state != PENDING) return false
        state = CANCELLED
        cancelMessage = msg
        scheduleCallbacks()
        return true
    }

    /** The CancelledError awaiters get, without consuming the body's own (for views of this future). */
    internal fun peekCancelledError(): CancellationException = cancelledExc ?: CancelledError(cancelMessage)

    internal fun makeCancelledError(): CancellationException {
        val saved = cancelledExc
        if (saved != null) {
            cancelledExc = null
            return saved
        }
        return CancelledError(cancelMessage)
    }

    internal fun markRetrieved() {
        val r = report ?: return
        report = null
        loop.unretrieved.forget(r)
    }

    override fun addDoneCallback(callback: Consumer<in Future<T>>) {
        loop.checkThread("Future.addDoneCallback")
        val entry = DoneCallback(callback, Context.copyContext())
        if (state != PENDING) {
            loop.checkClosed()
            loop.readyAdd(DoneCallbackHandle(loop, entry, this))
        } else {
            addCallbackEntry(entry)
        }
    }

    /** Registers a Java task's wakeup: the future is pending. */
    internal fun addWaiter(task: JavaTask<*>) = addCallbackEntry(task)

    /** Registers a done callback of the library itself (see [InternalDoneCallback]); scheduled at once if done. */
    internal fun addInternalCallback(callback: InternalDoneCallback) {
        if (state != PENDING) {
            loop.checkClosed()
            loop.readyAdd(callback)
        } else {
            addCallbackEntry(callback)
        }
    }

    internal fun removeWaiter(task: JavaTask<*>) {
        removeEntries(task)
    }

    private fun addCallbackEntry(entry: Any) {
        when (val cbs = callbacks) {
            null -> callbacks = entry
            is CallbackList -> cbs.add(entry)
            else -> callbacks = CallbackList().apply { add(cbs); add(entry) }
        }
    }

    override fun removeDoneCallback(callback: Consumer<in Future<T>>): Int {
        loop.checkThread("Future.removeDoneCallback")
        return removeEntries(callback)
    }

    /** Removes the entries that are [target] (a waiting task) or hold it (a done callback). */
    private fun removeEntries(target: Any): Int {
        fun matches(entry: Any) = entry === target || (entry is DoneCallback<*> && entry.fn === target)
        when (val cbs = callbacks) {
            null -> return 0
            is CallbackList -> {
                val before = cbs.size
                cbs.removeIf(::matches)
                if (cbs.isEmpty()) callbacks = null
                return before - cbs.size
            }
            else -> {
                if (!matches(cbs)) return 0
                callbacks = null
                return 1
            }
        }
    }

    private fun scheduleCallbacks() {
        onDone()
        val cbs = callbacks ?: return
        callbacks = null
        loop.checkClosed()
        if (cbs is CallbackList) cbs.forEach(::scheduleEntry) else scheduleEntry(cbs)
    }

    private fun scheduleEntry(entry: Any) {
        if (entry is JavaTask<*>) {
            loop.readyAdd(entry)
        } else if (entry is InternalDoneCallback) {
            loop.readyAdd(entry)
        } else {
            @Suppress("UNCHECKED_CAST")
            loop.readyAdd(DoneCallbackHandle(loop, entry as DoneCallback<T>, this))
        }
    }

    /** Called once when the future becomes done, before its callbacks are scheduled. */
    internal open fun onDone() {}

    override fun await(): T {
        val task = loop.awaitingTask()
        if (state == PENDING) task.awaitFuture(this)
        return result()
    }

    override fun getLoop(): EventLoop = loop

    internal open fun describe(): String = "Future"

    override fun toString(): String = "<${describe()} ${stateText()}>"

    internal fun stateText(): String = when (state) {
        PENDING -> "pending"
        CANCELLED -> "cancelled"
        else -> if (error != null) "finished exception=$error" else "finished result=$value"
    }

    private class CallbackList : ArrayList<Any>(4)

    private companion object {
        const val PENDING = 0
        const val CANCELLED = 1
        const val FINISHED = 2
    }
}

/**
 * A done callback of the library (gather's per-child callback): one object that is its own ready callback, with no
 * handle and no context copy, since it runs no user code. It is scheduled in order with the other callbacks.
 */
internal abstract class InternalDoneCallback : Runnable
