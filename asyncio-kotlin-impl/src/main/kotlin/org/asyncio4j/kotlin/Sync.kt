@file:JvmName("KotlinSync")

package org.asyncio4j.kotlin

import org.asyncio4j.Acquirable
import org.asyncio4j.Barrier
import org.asyncio4j.BoundedSemaphore
import org.asyncio4j.Condition
import org.asyncio4j.Event
import org.asyncio4j.Lock
import org.asyncio4j.Semaphore
import org.asyncio4j.impl.BarrierImpl
import org.asyncio4j.impl.ConditionImpl
import org.asyncio4j.impl.EventImpl
import org.asyncio4j.impl.Primitives
import org.asyncio4j.impl.SuspendAcquirable

/*
 * The Kotlin API of the synchronization primitives: Python's constructors as factory functions (`Lock()`,
 * `Semaphore(2)`), and suspend counterparts (`co` prefix) of the Java methods that wait. The methods that
 * never wait (`release()`, `set()`, `signal()`, `locked()`...) are the interfaces' own. Semantics, including
 * cancellation, are those documented on the Java interfaces; a cancelled Kotlin coroutine is cancelled for
 * good, so `Condition.coAwait()` re-acquires the lock without cancellation before it rethrows.
 */

/** Python's `asyncio.Lock()`. */
fun Lock(): Lock = Primitives.newLock()

/** Python's `asyncio.Event()`. */
fun Event(): Event = Primitives.newEvent()

/** Python's `asyncio.Condition(lock)`: with a new lock if [lock] is null. */
fun Condition(lock: Lock? = null): Condition = Primitives.newCondition(lock)

/** Python's `asyncio.Semaphore(value)`. */
fun Semaphore(value: Int = 1): Semaphore = Primitives.newSemaphore(value)

/** Python's `asyncio.BoundedSemaphore(value)`. */
fun BoundedSemaphore(value: Int = 1): BoundedSemaphore = Primitives.newBoundedSemaphore(value)

/** Python's `asyncio.Barrier(parties)`. */
fun Barrier(parties: Int): Barrier = Primitives.newBarrier(parties)

/** Python's `await x.acquire()` for a [Lock], [Semaphore] or [Condition]. Cancellable: nothing is acquired then. */
suspend fun Acquirable.coAcquire() {
    (this as? SuspendAcquirable ?: error("not an asyncio4j primitive: $this")).acquireSuspend()
}

/**
 * Python's `async with x:` — acquires, runs [block], releases (also on an exception or cancellation).
 */
suspend inline fun <T> Acquirable.withLock(block: () -> T): T {
    coAcquire()
    try {
        return block()
    } finally {
        release()
    }
}

/** Python's `await event.wait()`: suspends until the event is set. */
suspend fun Event.coAwait() {
    (this as? EventImpl ?: error("not an asyncio4j event: $this")).awaitSuspend()
}

/** Python's `await cond.wait()`: releases the lock, waits to be signalled, re-acquires the lock. */
suspend fun Condition.coAwait() {
    impl().awaitSuspend()
}

/** Python's `await cond.wait_for(predicate)`. */
suspend fun Condition.coWaitFor(predicate: () -> Boolean) {
    impl().waitForSuspend(predicate)
}

/** Python's `await barrier.wait()`: the arrival index in the round. */
suspend fun Barrier.coAwait(): Int = impl().awaitSuspend()

/** Python's `await barrier.abort()`. */
suspend fun Barrier.coAbort() {
    impl().abortSuspend()
}

/** Python's `await barrier.reset()`. */
suspend fun Barrier.coReset() {
    impl().resetSuspend()
}

private fun Condition.impl(): ConditionImpl = this as? ConditionImpl ?: error("not an asyncio4j condition: $this")

private fun Barrier.impl(): BarrierImpl = this as? BarrierImpl ?: error("not an asyncio4j barrier: $this")
