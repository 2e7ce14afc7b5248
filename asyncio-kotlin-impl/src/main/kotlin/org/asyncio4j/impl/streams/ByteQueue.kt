package org.asyncio4j.impl.streams

import java.nio.ByteBuffer

/**
 * A growable FIFO of bytes in one array (read position [head], write position [tail]): the buffer of a
 * stream reader, and the pending data of a transport. Compacts instead of growing when the free space is
 * at the front. Single-threaded.
 */
internal class ByteQueue {
    private var array = EMPTY
    private var head = 0
    private var tail = 0

    val size: Int get() = tail - head

    fun isEmpty(): Boolean = head == tail

    fun append(src: ByteArray, offset: Int, length: Int) {
        ensureRoom(length)
        System.arraycopy(src, offset, array, tail, length)
        tail += length
    }

    /** Appends the remaining bytes of [src] and consumes them. */
    fun append(src: ByteBuffer) {
        val n = src.remaining()
        ensureRoom(n)
        src.get(array, tail, n)
        tail += n
    }

    /** Removes and returns the first [n] bytes (at most [size]). */
    fun take(n: Int): ByteArray {
        val out = array.copyOfRange(head, head + n)
        discard(n)
        return out
    }

    fun discard(n: Int) {
        head += n
        if (head == tail) {
            head = 0
            tail = 0
        }
    }

    fun clear() {
        head = 0
        tail = 0
    }

    /** Copies up to `dst.remaining()` bytes from the front into [dst] without removing them; returns the count. */
    fun peekInto(dst: ByteBuffer): Int {
        val n = minOf(size, dst.remaining())
        dst.put(array, head, n)
        return n
    }

    /** A read-only window on the first bytes (at most [max]), valid until the queue changes. */
    fun view(max: Int): ByteBuffer = ByteBuffer.wrap(array, head, minOf(size, max))

    /** The index (from the front) of the first occurrence of [sep] at or after [from], or -1. */
    fun indexOf(sep: ByteArray, from: Int): Int {
        val first = sep[0]
        val last = tail - sep.size
        var i = head + from
        outer@ while (i <= last) {
            if (array[i] != first) {
                i++
                continue
            }
            for (k in 1 until sep.size) {
                if (array[i + k] != sep[k]) {
                    i++
                    continue@outer
                }
            }
            return i - head
        }
        return -1
    }

    /** True if [sep] occurs at index [at] (from the front). */
    fun startsWith(sep: ByteArray, at: Int): Boolean {
        if (at < 0 || at + sep.size > size) return false
        for (k in sep.indices) if (array[head + at + k] != sep[k]) return false
        return true
    }

    private fun ensureRoom(n: Int) {
        if (array.size - tail >= n) return
        val used = size
        if (array.size - used >= n && head >= array.size / 2) {
            System.arraycopy(array, head, array, 0, used)
        } else {
            val grown = ByteArray(maxOf(array.size * 2, used + n, MIN_CAPACITY))
            System.arraycopy(array, head, grown, 0, used)
            array = grown
        }
        head = 0
        tail = used
    }

    private companion object {
        val EMPTY = ByteArray(0)
        const val MIN_CAPACITY = 1024
    }
}
