package org.asyncio4j.impl

/**
 * Python's `_LoopBoundMixin` for the synchronization primitives and queues: an object belongs to the loop
 * that runs when it first has to create a waiter ([loopForWaiting]), and may then be awaited only on that
 * loop. On top of Python, every other method checks, once the object is bound, that it is called on that
 * loop's thread ([checkUse]): these objects are not thread-safe.
 */
internal abstract class LoopBound {
    @Volatile private var boundLoop: EventLoopImpl? = null

    /**
     * The running loop, for a waiter future of [what]: binds this object to it on first use.
     * @throws IllegalStateException outside a running loop, or on another loop than the bound one
     */
    fun loopForWaiting(what: String): EventLoopImpl {
        val running = EventLoopImpl.runningLoop()
            ?: throw IllegalStateException(
                "$what has to wait, but no event loop is running in thread ${Thread.currentThread().name}: " +
                    "call it inside a coroutine",
            )
        val bound = boundLoop ?: synchronized(BINDING) { boundLoop ?: running.also { boundLoop = it } }
        if (bound !== running) throw differentLoop(what)
        return running
    }

    /** Checks that [what] is called on the bound loop's thread (anything goes while the object is unbound). */
    fun checkUse(what: String) {
        val bound = boundLoop ?: return
        // The common case, without a thread-local lookup: the thread that holds the bound loop now. No other
        // loop can run in that thread (loops do not nest).
        if (Thread.currentThread() === bound.owner) return
        val running = EventLoopImpl.runningLoop()
        if (running != null && running !== bound) throw differentLoop(what)
        bound.checkThread(what)
    }

    private fun differentLoop(what: String) = IllegalStateException(
        "$what: $this is bound to a different event loop than the one running in thread " +
            "${Thread.currentThread().name} (an asyncio primitive or queue belongs to the loop it was first awaited on)",
    )

    private companion object {
        val BINDING = Any()
    }
}
