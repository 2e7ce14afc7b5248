package org.asyncio4j.impl

import kotlinx.coroutines.NonCancellable
import kotlinx.coroutines.withContext
import org.asyncio4j.Condition
import org.asyncio4j.Lock
import java.util.concurrent.CancellationException
import java.util.function.BooleanSupplier
import kotlin.coroutines.coroutineContext

/**
 * Python's `asyncio.Condition` (CPython 3.13 `locks.py`) over a [LockImpl]. A waiter releases the lock, waits
 * for its future, then always re-acquires the lock before leaving [awaitSuspend], even when cancelled; if it
 * leaves with an exception it passes one notification on, so a notification it had received is not lost.
 */
internal class ConditionImpl(lock: Lock?) : LoopBound(), Condition, SuspendAcquirable {
    private val lock: LockImpl = when (lock) {
        null -> LockImpl()
        is LockImpl -> lock
        else -> throw IllegalArgumentException("Condition needs a lock made by asyncio4j (newLock()), got $lock")
    }
    private val waiters = ArrayDeque<FutureImpl<Boolean>>()

    override fun acquire() {
        checkUse("Condition.acquire")
        lock.acquire()
    }

    override suspend fun acquireSuspend() {
        checkUse("Condition.acquire")
        lock.acquireSuspend()
    }

    override fun release() {
        checkUse("Condition.release")
        lock.release()
    }

    override fun locked(): Boolean {
        checkUse("Condition.locked")
        return lock.locked()
    }

    override fun await() = runInBody { awaitSuspend() }

    suspend fun awaitSuspend() {
        checkUse("Condition.await")
        check(lock.locked()) { "cannot wait on un-acquired lock: Condition.await() needs the lock held" }
        val fut = FutureImpl<Boolean>(loopForWaiting("Condition.await"))
        lock.release()
        try {
            try {
                awaitAsWaiter(waiters, fut)
                return
            } finally {
                reacquire()
            }
        } catch (e: Throwable) {
            // This task may have been notified before it failed: hand the notification to another waiter
            // (a spurious wake-up at worst, which the protocol allows).
            wakeWaiters(1)
            throw e
        }
    }

    /**
     * Takes the lock back whatever happens. A Java body, where cancellation is a request, retries after each
     * CancelledError and rethrows the last one once it holds the lock (as CPython); a Kotlin coroutine, where
     * cancellation is final, acquires without cancellation and the cancellation is rethrown afterwards.
     */
    private suspend fun reacquire() {
        if (coroutineContext[JavaBody] == null) {
            withContext(NonCancellable) { lock.acquireSuspend() }
            return
        }
        var cancelled: CancellationException? = null
        while (true) {
            try {
                lock.acquireSuspend()
                break
            } catch (e: CancellationException) {
                cancelled = e
            }
        }
        if (cancelled != null) throw cancelled
    }

    override fun waitFor(predicate: BooleanSupplier) = runInBody { waitForSuspend(predicate::getAsBoolean) }

    suspend fun waitForSuspend(predicate: () -> Boolean) {
        while (!predicate()) awaitSuspend()
    }

    override fun signal(n: Int) {
        checkUse("Condition.signal")
        require(n >= 0) { "Condition.signal: n must be >= 0, got $n" }
        check(lock.locked()) { "cannot notify on un-acquired lock: Condition.signal() needs the lock held" }
        wakeWaiters(n)
    }

    override fun signalAll() = signal(waiters.size)

    /** Completes the first [n] waiter futures that are still pending, in waiting order. */
    private fun wakeWaiters(n: Int) {
        var woken = 0
        for (fut in waiters) {
            if (woken >= n) break
            if (!fut.isDone) {
                woken++
                fut.completeWithResult(false)
            }
        }
    }

    override fun toString(): String {
        val state = if (lock.locked()) "locked" else "unlocked"
        return "<Condition [$state${if (waiters.isNotEmpty()) ", waiters:${waiters.size}" else ""}]>"
    }
}
