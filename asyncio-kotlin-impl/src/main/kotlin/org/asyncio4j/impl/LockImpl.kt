package org.asyncio4j.impl

import org.asyncio4j.Lock
import java.util.concurrent.CancellationException

/**
 * Python's `asyncio.Lock` (CPython 3.13 `locks.py`): a flag plus a FIFO of waiter futures. [release] only
 * wakes the first waiter; the woken task takes the lock itself when it runs, and if it was cancelled in
 * between, it wakes the next one instead, so the lock is never left held by, nor stuck on, a cancelled task.
 */
internal class LockImpl : LoopBound(), Lock, SuspendAcquirable {
    private var waiters: ArrayDeque<FutureImpl<Boolean>>? = null
    private var held = false

    override fun locked(): Boolean {
        checkUse("Lock.locked")
        return held
    }

    override fun acquire() {
        if (!tryAcquireNow()) runInBody { acquireWaiting() }
    }

    override suspend fun acquireSuspend() {
        if (!tryAcquireNow()) acquireWaiting()
    }

    /** The fast path: free and nobody (still) queued, so taking it now keeps FIFO order. */
    private fun tryAcquireNow(): Boolean {
        checkUse("Lock.acquire")
        if (!held && waiters.allCancelled()) {
            held = true
            return true
        }
        return false
    }

    private suspend fun acquireWaiting() {
        val queue = waiters ?: ArrayDeque<FutureImpl<Boolean>>().also { waiters = it }
        try {
            awaitAsWaiter(queue, FutureImpl(loopForWaiting("Lock.acquire")))
        } catch (e: CancellationException) {
            // Keep the invariant: a free lock with waiters always has its first waiter woken.
            if (!held) wakeUpFirst()
            throw e
        }
        held = true
    }

    override fun release() {
        checkUse("Lock.release")
        check(held) { "Lock is not acquired: release() called on an unlocked lock" }
        held = false
        wakeUpFirst()
    }

    /** Makes sure the first waiter will run (a done future is already on its way). */
    private fun wakeUpFirst() {
        val first = waiters?.firstOrNull() ?: return
        if (!first.isDone) first.completeWithResult(true)
    }

    override fun toString(): String {
        val n = waiters?.size ?: 0
        return "<Lock [${if (held) "locked" else "unlocked"}${if (n > 0) ", waiters:$n" else ""}]>"
    }
}

/** True if there is no waiter, or every waiter was cancelled (then jumping the queue is harmless). */
internal fun ArrayDeque<out FutureImpl<*>>?.allCancelled(): Boolean = this == null || all { it.cancelled() }
