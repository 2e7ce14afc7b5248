package org.asyncio4j.impl

import org.asyncio4j.Event

/**
 * Python's `asyncio.Event` (CPython 3.13 `locks.py`): [set] completes every pending waiter future; each waiter
 * removes its own future when it resumes, whatever the outcome.
 */
internal class EventImpl : LoopBound(), Event {
    private val waiters = ArrayDeque<FutureImpl<Boolean>>()
    private var value = false

    override fun isSet(): Boolean {
        checkUse("Event.isSet")
        return value
    }

    override fun set() {
        checkUse("Event.set")
        if (value) return
        value = true
        for (fut in waiters) {
            if (!fut.isDone) fut.completeWithResult(true)
        }
    }

    override fun clear() {
        checkUse("Event.clear")
        value = false
    }

    override fun await() {
        checkUse("Event.await")
        if (!value) runInBody { awaitSuspend() }
    }

    suspend fun awaitSuspend() {
        checkUse("Event.await")
        if (value) return
        val fut = FutureImpl<Boolean>(loopForWaiting("Event.await"))
        awaitAsWaiter(waiters, fut)
    }

    override fun toString(): String =
        "<Event [${if (value) "set" else "unset"}${if (waiters.isNotEmpty()) ", waiters:${waiters.size}" else ""}]>"
}
