package org.asyncio4j.impl

import org.asyncio4j.Barrier
import org.asyncio4j.BrokenBarrierError

/**
 * Python's `asyncio.Barrier` (CPython 3.13 `locks.py`): a state machine (filling, draining, resetting,
 * broken) guarded by a [ConditionImpl]. The last arriving task switches to draining and notifies all; the
 * last task to leave switches back to filling, so a new round starts only once the previous one has left.
 * The barrier's loop binding and thread checks are those of its condition.
 */
internal class BarrierImpl(private val parties: Int) : Barrier {
    init {
        require(parties >= 1) { "Barrier parties must be > 0, got $parties" }
    }

    private enum class State { FILLING, DRAINING, RESETTING, BROKEN }

    private val cond = ConditionImpl(null)
    private var state = State.FILLING
    /** Tasks inside [awaitSuspend], past the block of a draining or resetting barrier. */
    private var count = 0

    override fun await(): Int = runInBody { awaitSuspend() }

    suspend fun awaitSuspend(): Int {
        cond.checkUse("Barrier.await")
        cond.acquireSuspend()
        try {
            blockWhileBusy()
            try {
                val index = count++
                if (index + 1 == parties) {
                    state = State.DRAINING
                    cond.signalAll()
                } else {
                    waitForRelease()
                }
                return index
            } finally {
                count--
                leave()
            }
        } finally {
            cond.release()
        }
    }

    /** Waits while the previous round drains or resets; fails on a broken barrier. */
    private suspend fun blockWhileBusy() {
        cond.waitForSuspend { state != State.DRAINING && state != State.RESETTING }
        if (state == State.BROKEN) throw BrokenBarrierError("Barrier aborted")
    }

    private suspend fun waitForRelease() {
        cond.waitForSuspend { state != State.FILLING }
        if (state == State.BROKEN || state == State.RESETTING) throw BrokenBarrierError("Abort or reset of barrier")
    }

    /** The last task out ends draining or resetting and wakes the tasks blocked at the entrance. */
    private fun leave() {
        if (count == 0) {
            if (state == State.RESETTING || state == State.DRAINING) state = State.FILLING
            cond.signalAll()
        }
    }

    override fun reset() = runInBody { resetSuspend() }

    suspend fun resetSuspend() {
        cond.checkUse("Barrier.reset")
        cond.acquireSuspend()
        try {
            if (count > 0) {
                state = State.RESETTING
            } else {
                state = State.FILLING
            }
            cond.signalAll()
        } finally {
            cond.release()
        }
    }

    override fun abort() = runInBody { abortSuspend() }

    suspend fun abortSuspend() {
        cond.checkUse("Barrier.abort")
        cond.acquireSuspend()
        try {
            state = State.BROKEN
            cond.signalAll()
        } finally {
            cond.release()
        }
    }

    override fun parties(): Int = parties

    override fun nWaiting(): Int {
        cond.checkUse("Barrier.nWaiting")
        return if (state == State.FILLING) count else 0
    }

    override fun broken(): Boolean {
        cond.checkUse("Barrier.broken")
        return state == State.BROKEN
    }

    override fun toString(): String {
        val extra = if (state == State.BROKEN) "" else ", waiters:${if (state == State.FILLING) count else 0}/$parties"
        return "<Barrier [${state.name.lowercase()}$extra]>"
    }
}
