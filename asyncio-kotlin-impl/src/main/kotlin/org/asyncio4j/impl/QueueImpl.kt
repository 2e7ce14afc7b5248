package org.asyncio4j.impl

import org.asyncio4j.Queue
import org.asyncio4j.QueueEmpty
import org.asyncio4j.QueueFull
import org.asyncio4j.QueueShutDown

/**
 * Python's `asyncio.Queue` (CPython 3.13 `queues.py`), first in first out; subclasses change only the
 * storage ([itemCount], [store], [take]). Waiters are futures in two FIFOs: a put wakes the first getter, a
 * get the first putter. A woken waiter re-checks the queue (items are never handed over), and one that fails
 * after being woken wakes the next, so no item or free slot is lost and none is taken twice.
 */
internal open class QueueImpl<T>(private val maxsize: Int) : LoopBound(), Queue<T> {
    private val items = ArrayDeque<T>()
    private val getters = ArrayDeque<FutureImpl<Unit>>()
    private val putters = ArrayDeque<FutureImpl<Unit>>()
    private var unfinishedTasks = 0
    private val finished = EventImpl().apply { set() }
    private var isShutdown = false

    protected open fun itemCount(): Int = items.size

    protected open fun store(item: T) = items.addLast(item)

    protected open fun take(): T = items.removeFirst()

    override fun qsize(): Int {
        checkUse("Queue.qsize")
        return itemCount()
    }

    override fun maxsize(): Int = maxsize

    override fun empty(): Boolean {
        checkUse("Queue.empty")
        return itemCount() == 0
    }

    override fun full(): Boolean {
        checkUse("Queue.full")
        return isFull()
    }

    private fun isFull(): Boolean = maxsize > 0 && itemCount() >= maxsize

    override fun put(item: T) {
        checkUse("Queue.put")
        if (isFull()) runInBody { putWhenRoom(item) } else putNow(item)
    }

    suspend fun putSuspend(item: T) {
        checkUse("Queue.put")
        putWhenRoom(item)
    }

    private suspend fun putWhenRoom(item: T) {
        while (isFull()) {
            if (isShutdown) throw QueueShutDown("put() on a shut-down queue")
            val putter = FutureImpl<Unit>(loopForWaiting("Queue.put"))
            putters.addLast(putter)
            try {
                awaitFuture(putter)
            } catch (e: Throwable) {
                putter.cancelFuture(null)
                putters.remove(putter)
                // Woken by a get (or a shutdown) but leaving: let the next putter use the free slot.
                if (!isFull() && !putter.cancelled()) wakeUpNext(putters)
                throw e
            }
        }
        putNow(item)
    }

    override fun putNowait(item: T) {
        checkUse("Queue.putNowait")
        putNow(item)
    }

    private fun putNow(item: T) {
        if (isShutdown) throw QueueShutDown("put() on a shut-down queue")
        if (isFull()) throw QueueFull("putNowait() on a full queue (maxsize $maxsize)")
        store(item)
        unfinishedTasks++
        finished.clear()
        wakeUpNext(getters)
    }

    override fun get(): T {
        checkUse("Queue.get")
        return if (itemCount() == 0) runInBody { getWhenAny() } else getNow()
    }

    suspend fun getSuspend(): T {
        checkUse("Queue.get")
        return getWhenAny()
    }

    private suspend fun getWhenAny(): T {
        while (itemCount() == 0) {
            if (isShutdown) throw QueueShutDown("get() on a shut-down, empty queue")
            val getter = FutureImpl<Unit>(loopForWaiting("Queue.get"))
            getters.addLast(getter)
            try {
                awaitFuture(getter)
            } catch (e: Throwable) {
                getter.cancelFuture(null)
                getters.remove(getter)
                // Woken by a put but leaving: let the next getter take the item.
                if (itemCount() > 0 && !getter.cancelled()) wakeUpNext(getters)
                throw e
            }
        }
        return getNow()
    }

    override fun getNowait(): T {
        checkUse("Queue.getNowait")
        return getNow()
    }

    private fun getNow(): T {
        if (itemCount() == 0) {
            if (isShutdown) throw QueueShutDown("get() on a shut-down, empty queue")
            throw QueueEmpty("getNowait() on an empty queue")
        }
        val item = take()
        wakeUpNext(putters)
        return item
    }

    /** Removes waiters until one still pending is found, and wakes it. */
    private fun wakeUpNext(waiters: ArrayDeque<FutureImpl<Unit>>) {
        while (waiters.isNotEmpty()) {
            val waiter = waiters.removeFirst()
            if (!waiter.isDone) {
                waiter.completeWithResult(Unit)
                return
            }
        }
    }

    override fun taskDone() {
        checkUse("Queue.taskDone")
        check(unfinishedTasks > 0) { "taskDone() called too many times: no item is waiting to be marked done" }
        if (--unfinishedTasks == 0) finished.set()
    }

    override fun join() {
        checkUse("Queue.join")
        if (unfinishedTasks > 0) runInBody { joinSuspend() }
    }

    suspend fun joinSuspend() {
        checkUse("Queue.join")
        if (unfinishedTasks > 0) finished.awaitSuspend()
    }

    override fun shutdown(immediate: Boolean) {
        checkUse("Queue.shutdown")
        isShutdown = true
        if (immediate) {
            while (itemCount() > 0) {
                take()
                if (unfinishedTasks > 0) unfinishedTasks--
            }
            if (unfinishedTasks == 0) finished.set()
        }
        // Every waiter re-checks: getters of an empty queue and all putters then throw QueueShutDown.
        wakeAll(getters)
        wakeAll(putters)
    }

    private fun wakeAll(waiters: ArrayDeque<FutureImpl<Unit>>) {
        while (waiters.isNotEmpty()) {
            val waiter = waiters.removeFirst()
            if (!waiter.isDone) waiter.completeWithResult(Unit)
        }
    }

    protected open val kind: String get() = "Queue"

    override fun toString(): String = buildString {
        append('<').append(kind).append(" maxsize=").append(maxsize)
        if (itemCount() > 0) append(" qsize=").append(itemCount())
        if (getters.isNotEmpty()) append(" getters[").append(getters.size).append(']')
        if (putters.isNotEmpty()) append(" putters[").append(putters.size).append(']')
        if (unfinishedTasks > 0) append(" tasks=").append(unfinishedTasks)
        if (isShutdown) append(" shutdown")
        append('>')
    }
}
