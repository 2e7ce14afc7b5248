package org.asyncio4j.impl

import org.asyncio4j.Handle
import org.asyncio4j.Timeout
import org.asyncio4j.TimeoutError
import java.util.Locale
import java.util.concurrent.CancellationException

/**
 * Python's `asyncio.Timeout` (timeouts.py): when the deadline passes while the block runs, the block's
 * [CancelTarget] is cancelled and the timeout is "expiring"; at the block's exit, if the block ended with a
 * cancellation and no other cancellation request is pending than those there were at entry, that cancellation
 * becomes a [TimeoutError]. The count check is what keeps a foreign cancellation a cancellation, and what makes
 * the outermost of several expired timeouts the one that raises (python/cpython#95289).
 */
internal class TimeoutImpl(private var deadline: Double?) : Timeout, AsyncScope {
    private var state = State.CREATED
    private lateinit var loop: EventLoopImpl
    private var handle: Handle? = null
    private var target: CancelTarget? = null
    private var cancellingAtEntry = 0
    private val fire = Runnable { onTimeout() }

    init {
        checkDeadline(deadline)
    }

    override fun `when`(): Double? = deadline

    override fun reschedule(`when`: Double?) {
        when (state) {
            State.ENTERED -> loop.checkThread("Timeout.reschedule")
            State.CREATED -> throw IllegalStateException("Timeout has not been entered")
            else -> throw IllegalStateException("Cannot change state of ${state.label} Timeout")
        }
        checkDeadline(`when`)
        deadline = `when`
        handle?.cancel()
        handle = when {
            `when` == null -> null
            `when` <= loop.time() -> loop.callSoon(fire)
            else -> loop.callAt(`when`, fire)
        }
    }

    override fun expired(): Boolean = state == State.EXPIRING || state == State.EXPIRED

    override fun enter(target: CancelTarget) {
        check(state == State.CREATED) { "Timeout has already been entered" }
        loop = runningLoop()
        state = State.ENTERED
        this.target = target
        cancellingAtEntry = target.cancelling()
        reschedule(deadline)
    }

    override suspend fun exit(error: Throwable?): Throwable? {
        check(state == State.ENTERED || state == State.EXPIRING) { "Timeout has already exited" }
        handle?.cancel()
        handle = null
        if (state == State.EXPIRING) {
            state = State.EXPIRED
            val ours = target!!.uncancel() <= cancellingAtEntry
            if (ours && error is CancellationException) return TimeoutError().apply { initCause(error) }
        } else if (state == State.ENTERED) {
            state = State.EXITED
        }
        return error
    }

    override fun aenter(): Timeout {
        enterJavaBody()
        return this
    }

    override fun aexit(error: Throwable?): Boolean {
        check(state != State.CREATED) { "Timeout has not been entered" }
        return exitJavaBody(error)
    }

    private fun onTimeout() {
        check(state == State.ENTERED) { "Timeout fired in state ${state.label}" }
        target!!.cancel()
        state = State.EXPIRING
        handle = null
    }

    override fun toString(): String {
        val info = if (state != State.ENTERED) {
            ""
        } else {
            " when=" + (deadline?.let { String.format(Locale.ROOT, "%.3f", it) } ?: "None")
        }
        return "<Timeout [${state.label}]$info>"
    }

    private enum class State(val label: String) {
        CREATED("created"),
        ENTERED("active"),
        EXPIRING("expiring"),
        EXPIRED("expired"),
        EXITED("finished"),
    }

    private companion object {
        fun checkDeadline(deadline: Double?) {
            require(deadline == null || !deadline.isNaN()) { "timeout: the deadline must be a number, got NaN" }
        }
    }
}
