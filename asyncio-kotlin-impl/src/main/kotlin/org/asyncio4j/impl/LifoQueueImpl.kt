package org.asyncio4j.impl

import org.asyncio4j.LifoQueue

/** Python's `asyncio.LifoQueue`: a [QueueImpl] over a stack. */
internal class LifoQueueImpl<T>(maxsize: Int) : QueueImpl<T>(maxsize), LifoQueue<T> {
    private val stack = ArrayList<T>()

    override fun itemCount(): Int = stack.size

    override fun store(item: T) {
        stack.add(item)
    }

    override fun take(): T = stack.removeAt(stack.size - 1)

    override val kind: String get() = "LifoQueue"
}
