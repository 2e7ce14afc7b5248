package org.asyncio4j.impl

import org.asyncio4j.Context
import org.asyncio4j.Future
import org.asyncio4j.Handle
import org.asyncio4j.TimerHandle
import java.util.function.Consumer

/**
 * A callback in the ready queue; [run] skips it once cancelled. It runs in a copy of the context that was
 * current when it was scheduled, as in Python.
 */
internal open class HandleImpl(
    @JvmField internal val loop: EventLoopImpl,
    @JvmField internal var callback: Runnable?,
    private val context: Context = Context.copyContext(),
) : Handle, Runnable {
    override fun cancel() {
        callback = null
    }

    override fun cancelled(): Boolean = callback == null

    override fun run() {
        val cb = callback ?: return
        val slot = loop.engine.contextSlot()
        val previous = Context.enter(context, slot)
        try {
            cb.run()
        } finally {
            Context.exit(previous, slot)
        }
    }

    override fun toString(): String = if (cancelled()) "<Handle cancelled>" else "<Handle $callback>"
}

/** A callback with a deadline, ordered by (deadline, scheduling order). */
internal class TimerHandleImpl(
    loop: EventLoopImpl,
    @JvmField internal val whenNanos: Long,
    @JvmField internal val seq: Long,
    callback: Runnable,
) : HandleImpl(loop, callback), TimerHandle, Comparable<TimerHandleImpl> {
    @JvmField internal var scheduled = true

    override fun `when`(): Double = loop.toSeconds(whenNanos)

    override fun cancel() {
        if (callback != null && scheduled) loop.timerCancelled()
        super.cancel()
    }

    override fun compareTo(other: TimerHandleImpl): Int {
        val c = whenNanos.compareTo(other.whenNanos)
        return if (c != 0) c else seq.compareTo(other.seq)
    }

    override fun toString(): String =
        if (cancelled()) "<TimerHandle cancelled when=${`when`()}>" else "<TimerHandle when=${`when`()} $callback>"
}

/** A done callback registered on a future, with the context it was registered in. */
internal class DoneCallback<T>(@JvmField val fn: Consumer<in Future<T>>, @JvmField val context: Context)

/** A done callback scheduled with its future as argument. */
internal class DoneCallbackHandle<T>(
    loop: EventLoopImpl,
    private val registration: DoneCallback<T>,
    private val future: Future<T>,
) : HandleImpl(loop, null, registration.context), Runnable {
    private var cancelledFlag = false
    override fun cancel() {
        cancelledFlag = true
    }

    override fun cancelled(): Boolean = cancelledFlag

    override fun run() {
        if (cancelledFlag) return
        val slot = loop.engine.contextSlot()
        val previous = Context.enter(registration.context, slot)
        try {
            registration.fn.accept(future)
        } finally {
            Context.exit(previous, slot)
        }
    }

    override fun toString(): String = "<Handle ${registration.fn}($future)>"
}
