package org.asyncio4j.impl

import org.asyncio4j.Semaphore
import java.util.concurrent.CancellationException

/**
 * Python's `asyncio.Semaphore` (CPython 3.13 `locks.py`). A release hands a permit to the first pending waiter
 * by decrementing the count for it and completing its future; a waiter cancelled after that gives the permit
 * back, and every waiter leaving wakes as many others as there are free permits, so none is lost or stuck.
 */
internal open class SemaphoreImpl(initial: Int) : LoopBound(), Semaphore, SuspendAcquirable {
    init {
        require(initial >= 0) { "Semaphore initial value must be >= 0, got $initial" }
    }

    /** Free permits, not counting those handed to woken waiters that have not run yet. */
    protected var value = initial
    private var waiters: ArrayDeque<FutureImpl<Boolean>>? = null

    override fun locked(): Boolean {
        checkUse("Semaphore.locked")
        return lockedNow()
    }

    /** No free permit, or tasks queued before us (FIFO: they go first). */
    private fun lockedNow(): Boolean = value == 0 || waiters?.any { !it.cancelled() } == true

    override fun acquire() {
        if (!tryAcquireNow()) runInBody { acquireWaiting() }
    }

    override suspend fun acquireSuspend() {
        if (!tryAcquireNow()) acquireWaiting()
    }

    private fun tryAcquireNow(): Boolean {
        checkUse("Semaphore.acquire")
        if (lockedNow()) return false
        value--
        return true
    }

    private suspend fun acquireWaiting() {
        val queue = waiters ?: ArrayDeque<FutureImpl<Boolean>>().also { waiters = it }
        val fut = FutureImpl<Boolean>(loopForWaiting("Semaphore.acquire"))
        try {
            try {
                awaitAsWaiter(queue, fut)
            } catch (e: CancellationException) {
                // A permit was handed to us (the count was decremented for us): give it back.
                if (fut.isDone && !fut.cancelled()) value++
                throw e
            }
        } finally {
            // Waiters that arrived meanwhile had to queue (FIFO): wake as many as there are permits.
            while (value > 0) {
                if (!wakeUpNext()) break
            }
        }
    }

    override fun release() {
        checkUse("Semaphore.release")
        value++
        wakeUpNext()
    }

    /** Hands a permit to the first waiter whose future is still pending; false if there is none. */
    private fun wakeUpNext(): Boolean {
        val queue = waiters ?: return false
        for (fut in queue) {
            if (!fut.isDone) {
                value--
                fut.completeWithResult(true)
                return true
            }
        }
        return false
    }

    protected open val kind: String get() = "Semaphore"

    override fun toString(): String {
        val n = waiters?.size ?: 0
        val state = if (lockedNow()) "locked" else "unlocked, value:$value"
        return "<$kind [$state${if (n > 0) ", waiters:$n" else ""}]>"
    }
}
