package org.asyncio4j.impl

import org.asyncio4j.Barrier
import org.asyncio4j.BoundedSemaphore
import org.asyncio4j.Condition
import org.asyncio4j.Event
import org.asyncio4j.LifoQueue
import org.asyncio4j.Lock
import org.asyncio4j.PriorityQueue
import org.asyncio4j.Queue
import org.asyncio4j.Semaphore

/**
 * The constructors of the synchronization primitives and queues, behind the `Asyncio` facade's `newLock()`...
 * and the Kotlin API's `Lock()`... A new object is bound to no loop yet (see [LoopBound]).
 */
object Primitives {
    @JvmStatic
    fun newLock(): Lock = LockImpl()

    @JvmStatic
    fun newEvent(): Event = EventImpl()

    /** @param lock the condition's lock (made by [newLock]), or null for a new one */
    @JvmStatic
    fun newCondition(lock: Lock?): Condition = ConditionImpl(lock)

    @JvmStatic
    fun newSemaphore(value: Int): Semaphore = SemaphoreImpl(value)

    @JvmStatic
    fun newBoundedSemaphore(value: Int): BoundedSemaphore = BoundedSemaphoreImpl(value)

    @JvmStatic
    fun newBarrier(parties: Int): Barrier = BarrierImpl(parties)

    @JvmStatic
    fun <T> newQueue(maxsize: Int): Queue<T> = QueueImpl(maxsize)

    /** @param comparator the order, or null for the items' natural order */
    @JvmStatic
    fun <T> newPriorityQueue(maxsize: Int, comparator: Comparator<in T>?): PriorityQueue<T> =
        PriorityQueueImpl(maxsize, comparator)

    @JvmStatic
    fun <T> newLifoQueue(maxsize: Int): LifoQueue<T> = LifoQueueImpl(maxsize)
}
