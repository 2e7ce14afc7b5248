package org.asyncio4j.impl

import org.asyncio4j.PriorityQueue

/**
 * Python's `asyncio.PriorityQueue`: a [QueueImpl] over a binary heap (as `heapq`), smallest first by
 * [comparator], or in natural order if it is null. Each heap operation makes all its comparisons before it
 * moves anything, so a comparison that throws leaves the queue unchanged: no item is lost or duplicated.
 */
internal class PriorityQueueImpl<T>(maxsize: Int, private val comparator: Comparator<in T>?) :
    QueueImpl<T>(maxsize), PriorityQueue<T> {
    private val heap = ArrayList<T>()
    /** Scratch for [take]: the path the last item sinks along (a heap of Int.MAX_VALUE items is 31 deep). */
    private val path = IntArray(32)

    override fun itemCount(): Int = heap.size

    override fun store(item: T) {
        if (comparator == null) {
            if (item == null) throw NullPointerException("PriorityQueue in natural order cannot hold null")
            if (item !is Comparable<*>) {
                throw ClassCastException(
                    "${item.javaClass.name} is not Comparable: give the PriorityQueue a Comparator",
                )
            }
        }
        var slot = heap.size
        while (slot > 0) {
            val parent = (slot - 1) ushr 1
            if (compare(item, heap[parent]) >= 0) break
            slot = parent
        }
        heap.add(item)
        var i = heap.size - 1
        while (i > slot) {
            val parent = (i - 1) ushr 1
            heap[i] = heap[parent]
            i = parent
        }
        heap[slot] = item
    }

    override fun take(): T {
        val top = heap[0]
        val n = heap.size - 1
        val last = heap[n]
        // Find where the last item sinks before anything moves.
        var depth = 0
        var k = 0
        while (true) {
            var child = 2 * k + 1
            if (child >= n) break
            if (child + 1 < n && compare(heap[child + 1], heap[child]) < 0) child++
            if (compare(last, heap[child]) <= 0) break
            path[depth++] = child
            k = child
        }
        var hole = 0
        for (d in 0 until depth) {
            heap[hole] = heap[path[d]]
            hole = path[d]
        }
        heap[hole] = last
        heap.removeAt(n)
        return top
    }

    @Suppress("UNCHECKED_CAST")
    private fun compare(a: T, b: T): Int =
        comparator?.compare(a, b) ?: (a as Comparable<T>).compareTo(b)

    override val kind: String get() = "PriorityQueue"
}
