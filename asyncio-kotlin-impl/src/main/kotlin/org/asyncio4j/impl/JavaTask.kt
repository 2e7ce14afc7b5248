package org.asyncio4j.impl

import org.asyncio4j.CancelledError
import org.asyncio4j.Coroutine
import java.util.concurrent.CancellationException

/**
 * A task whose body is a Java [Coroutine] in blocking style, run by a [Fiber] of the loop's engine.
 *
 * The state machine is CPython's `Task.__step`/`__wakeup`: a step resumes the body, which runs until it
 * awaits a pending future (registering this task as a waiter) or yields ([yieldNow]), or until it ends.
 * The bookkeeping CPython does after the coroutine yields is done by the body itself right before it
 * suspends ([awaitFuture]) or ends ([finishBody]), so an engine only has to transfer control.
 *
 * Cancellation is a request: [cancel] cancels the future being awaited (or flags the next step), and the
 * step throws [CancelledError] into the body at its await, once per request.
 */
internal class JavaTask<T>(loop: EventLoopImpl, private val coro: Coroutine<T>, name: String?, eagerStart: Boolean) :
    TaskImpl<T>(loop, name), Runnable {
    internal val fiber: Fiber = loop.engine.newFiber(this)
    /** What the body's await throws when resumed (CPython's `coro.throw(exc)`); null to return normally. */
    private var sendException: Throwable? = null
    private var futWaiter: FutureImpl<*>? = null
    private var mustCancel = false
    init {
        if (eagerStart) startEagerly() else loop.readyAdd(this)
    }

    /** Python 3.12's eager start: the first step runs now, inside the creator, which goes on when the body first waits. */
    private fun startEagerly() {
        val creator = loop.currentTask
        loop.currentTask = null
        try {
            check(!isDone) { "step(): already done: $this" }
            loop.enterTask(this)
            fiber.resumeEagerly()
        } finally {
            loop.currentTask = creator
        }
    }

    /**
     * The task's step, which the ready queue runs (the task is its own callback there, no object of its own):
     * scheduled to start the body, after a `sleep(0)`, and by the awaited future when it is done (CPython's
     * `__wakeup`, which [prepareStep] folds in). It prints as the task, so that debug mode's "Executing ... took
     * 0.2 seconds" names the task, as CPython's does. Internal: only the loop calls it.
     */
    override fun run() {
        prepareStep()
        fiber.resume()
    }

    /**
     * What a step does before it resumes the body: CPython's `__wakeup` when the body awaits a future (which
     * is done now: its outcome is what the await returns or throws), then `__step` up to `coro.send`.
     */
    private fun prepareStep() {
        check(!isDone) { "step(): already done: $this" }
        futWaiter?.let { sendException = it.exceptionForAwaiter() }
        if (mustCancel) {
            if (sendException !is CancellationException) sendException = makeCancelledError()
            mustCancel = false
        }
        futWaiter = null
        loop.enterTask(this)
    }

    /**
     * In the body, about to suspend (continuation engine): when the loop's next callback is this task's own
     * step, as after a `sleep(0)` with nothing else ready, starts that iteration and takes the step here, so
     * the body goes on without a stack freeze and thaw. False (nothing changed) otherwise, and in debug mode,
     * where every step is timed on its own.
     */
    fun takeOwnStep(): Boolean {
        if (!loop.startsNextIteration(this) || loop.getDebug()) return false
        val h = loop.nextHandle(false) ?: return false
        check(h === this) { "the next iteration did not start with the step of $this" }
        prepareStep()
        return true
    }

    /**
     * Runs in the fiber, in the task's context (the engine enters it wherever the body runs): the body from its
     * start to its end. Small on purpose: its frame is part of every suspended body's stack.
     */
    fun callBody(): T {
        takeSendException()
        return coro.call()
    }

    /** Right after the body ended with [result] or [failure] (CPython's end of `__step`): completes the task. */
    fun finishBody(result: T?, failure: Throwable?) {
        loop.leaveTask(this)
        when {
            failure == null -> if (mustCancel) {
                mustCancel = false
                cancelFuture(cancelMessage)
            } else {
                @Suppress("UNCHECKED_CAST")
                completeWithResult(result as T)
            }
            failure is CoroutineExit -> {}
            failure is CancellationException -> {
                cancelledExc = failure as? CancelledError ?: CancelledError(failure.message).apply { initCause(failure) }
                cancelFuture(null)
            }
            else -> completeWithException(failure)
        }
    }

    /** In the body: wait for the pending future [f]; returns when it is done, or throws what the step sends. */
    fun awaitFuture(f: FutureImpl<*>) {
        check(f !== this) { "Task cannot await on itself: $this" }
        f.addWaiter(this)
        futWaiter = f
        if (mustCancel && f.cancel(cancelMessage)) mustCancel = false
        try {
            switchOut { fiber.suspend() }
        } catch (pinned: PinnedAwaitException) {
            f.removeWaiter(this)
            futWaiter = null
            throw pinned.toUserError()
        }
    }

    /** In the body: give up control for one loop iteration (`await asyncio.sleep(0)`). */
    fun yieldNow() {
        loop.readyAdd(this)
        try {
            switchOut { fiber.suspendYielding() }
        } catch (pinned: PinnedAwaitException) {
            loop.ready.removeAt(loop.ready.lastIndexOf(this))
            throw pinned.toUserError()
        }
    }

    /**
     * Leaves the task and lets [suspend] give control away; the step that resumes the body entered the task
     * again. The task's context is the engine's to leave and re-enter (see [Fiber]): kept out of here, this
     * path compiles small enough to be inlined into the body that awaits, one frame less to freeze and thaw.
     */
    private inline fun switchOut(suspend: () -> Unit) {
        loop.leaveTask(this)
        try {
            suspend()
        } catch (pinned: PinnedAwaitException) {
            loop.enterTask(this)
            throw pinned
        }
        takeSendException()
    }

    private fun takeSendException() {
        val e = sendException ?: return
        sendException = null
        throw e
    }

    override fun cancel(msg: String?): Boolean {
        loop.checkThread("Task.cancel")
        markRetrieved()
        if (isDone) return false
        numCancelsRequested++
        val waiter = futWaiter
        if (waiter != null && waiter.cancel(msg)) return true
        mustCancel = true
        cancelMessage = msg
        return true
    }

    override fun uncancel(): Int {
        if (numCancelsRequested > 0) {
            numCancelsRequested--
            if (numCancelsRequested == 0) mustCancel = false
        }
        return numCancelsRequested
    }

    override fun closeBody() {
        if (!fiber.started()) return
        futWaiter?.removeWaiter(this)
        sendException = CoroutineExit()
        loop.enterTask(this)
        fiber.resume()
    }

    override fun describe(): String = super.describe() + if (mustCancel) " cancelling" else ""
}

/** Thrown into a pending body when its loop closes (Python's `GeneratorExit`): lets its finally blocks run. */
internal class CoroutineExit : Error("the event loop was closed while this coroutine was pending") {
    override fun fillInStackTrace(): Throwable = this
}

/** An await from a frame that cannot suspend (native frame, class initializer); see [toUserError]. */
internal class PinnedAwaitException(private val reason: String) : RuntimeException(reason, null, false, false) {
    fun toUserError() = IllegalStateException(
        "await() cannot suspend here: the coroutine body is pinned ($reason). An await inside a class initializer " +
            "or below a native frame (JNI callback) is not supported; move it out of that frame",
    )
}
