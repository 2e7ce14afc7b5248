@file:JvmName("KotlinQueues")

package org.asyncio4j.kotlin

import org.asyncio4j.LifoQueue
import org.asyncio4j.PriorityQueue
import org.asyncio4j.Queue
import org.asyncio4j.impl.Primitives
import org.asyncio4j.impl.QueueImpl

/*
 * The Kotlin API of the queues: Python's constructors as factory functions, and suspend counterparts (`co`
 * prefix) of the Java methods that wait. Semantics are those documented on the Java interfaces.
 */

/** Python's `asyncio.Queue(maxsize)`: 0 or less is unbounded. */
fun <T> Queue(maxsize: Int = 0): Queue<T> = Primitives.newQueue(maxsize)

/** Python's `asyncio.PriorityQueue(maxsize)` in the items' natural order. */
fun <T : Comparable<T>> PriorityQueue(maxsize: Int = 0): PriorityQueue<T> = Primitives.newPriorityQueue(maxsize, null)

/** Python's `asyncio.PriorityQueue(maxsize)`, smallest first by [comparator]. */
fun <T> PriorityQueue(maxsize: Int = 0, comparator: Comparator<in T>): PriorityQueue<T> =
    Primitives.newPriorityQueue(maxsize, comparator)

/** Python's `asyncio.LifoQueue(maxsize)`. */
fun <T> LifoQueue(maxsize: Int = 0): LifoQueue<T> = Primitives.newLifoQueue(maxsize)

/** Python's `await queue.put(item)`: suspends while the queue is full. */
suspend fun <T> Queue<T>.coPut(item: T) {
    impl().putSuspend(item)
}

/** Python's `await queue.get()`: suspends while the queue is empty. */
suspend fun <T> Queue<T>.coGet(): T = impl().getSuspend()

/** Python's `await queue.join()`: suspends until every item put was marked with `taskDone()`. */
suspend fun <T> Queue<T>.coJoin() {
    impl().joinSuspend()
}

private fun <T> Queue<T>.impl(): QueueImpl<T> = this as? QueueImpl<T> ?: error("not an asyncio4j queue: $this")
