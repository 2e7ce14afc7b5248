package org.asyncio4j.impl.streams

import org.asyncio4j.ConnectionResetError
import org.asyncio4j.impl.EventLoopImpl
import org.asyncio4j.impl.FutureImpl
import org.asyncio4j.impl.awaitFuture

/**
 * The writer side of a stream protocol: CPython's `FlowControlMixin`. The transport pauses and resumes it;
 * [drainHelper] is where `drain()` waits; [closed] is what `wait_closed()` waits for.
 */
internal abstract class FlowControl(@JvmField val loop: EventLoopImpl) : Protocol {
    internal var writingPaused = false
        private set
    internal var lost = false
        private set
    private val drainWaiters = ArrayDeque<FutureImpl<Unit>>()
    /** Done when the connection is lost (with its error, marked retrieved: waiting for it is optional). */
    val closed = FutureImpl<Unit>(loop)

    override fun pauseWriting() {
        writingPaused = true
    }

    override fun resumeWriting() {
        writingPaused = false
        for (w in drainWaiters) if (!w.isDone) w.completeWithResult(Unit)
    }

    override fun connectionLost(exc: Throwable?) {
        lost = true
        if (!closed.isDone) {
            if (exc == null) {
                closed.completeWithResult(Unit)
            } else {
                closed.completeWithException(exc)
                closed.markRetrieved()
            }
        }
        if (!writingPaused) return
        for (w in drainWaiters) {
            if (w.isDone) continue
            if (exc == null) w.completeWithResult(Unit) else w.completeWithException(exc)
        }
    }

    suspend fun drainHelper() {
        if (lost) throw ConnectionResetError("Connection lost")
        if (!writingPaused) return
        val w = FutureImpl<Unit>(loop)
        drainWaiters.addLast(w)
        try {
            awaitFuture(w)
        } finally {
            drainWaiters.remove(w)
        }
    }
}
