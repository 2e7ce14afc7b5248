package org.asyncio4j.impl

import java.nio.channels.SelectableChannel
import java.nio.channels.SelectionKey
import java.nio.channels.Selector
import java.nio.channels.SocketChannel

/**
 * The loop's I/O readiness: Python's `add_reader`/`add_writer` on a NIO [Selector] owned by the loop. The
 * selector is created on first registration; from then on the loop's idle wait is a `select` bounded by
 * the next timer (so socket readiness is handled on the loop's own thread, with no handoff), and an
 * iteration with ready callbacks polls it with `selectNow`. Loop thread only, except [wakeup].
 */
internal class IoSelector(private val loop: EventLoopImpl) {
    private var selector: Selector? = null
    private var registered = 0
    private val stale = ArrayDeque<Registration>()

    /** A channel's reader and writer callbacks. */
    private class Registration(val channel: SelectableChannel) {
        var reader: HandleImpl? = null
        var writer: HandleImpl? = null

        fun interestOps(): Int {
            val valid = channel.validOps()
            var ops = 0
            if (reader != null) ops = ops or (valid and (SelectionKey.OP_READ or SelectionKey.OP_ACCEPT))
            if (writer != null) {
                ops = ops or if (channel is SocketChannel && channel.isConnectionPending) {
                    SelectionKey.OP_CONNECT
                } else {
                    valid and SelectionKey.OP_WRITE
                }
            }
            return ops
        }
    }

    /** True once a channel is registered: the idle wait must then be a select. */
    val active: Boolean get() = registered > 0

    fun add(channel: SelectableChannel, callback: Runnable, writer: Boolean): HandleImpl {
        val sel = selector ?: Selector.open().also { selector = it }
        if (channel.isBlocking) channel.configureBlocking(false)
        val key = channel.keyFor(sel)
        val reg = (key?.attachment() as Registration?) ?: Registration(channel)
        val handle = HandleImpl(loop, callback)
        val wasEmpty = reg.reader == null && reg.writer == null
        if (writer) reg.writer = handle else reg.reader = handle
        if (wasEmpty) registered++
        if (key == null || !key.isValid) channel.register(sel, reg.interestOps(), reg) else key.interestOps(reg.interestOps())
        return handle
    }

    fun remove(channel: SelectableChannel, writer: Boolean): Boolean {
        val sel = selector ?: return false
        val key = channel.keyFor(sel) ?: return false
        val reg = key.attachment() as Registration
        val old = (if (writer) reg.writer else reg.reader) ?: return false
        old.cancel()
        if (writer) reg.writer = null else reg.reader = null
        if (reg.reader == null && reg.writer == null) {
            registered--
            // Deregister now, as Python's selector does: a cancelled key lingers until the next select, and
            // until then the channel cannot be registered again, nor really closed (NIO defers the close of a
            // registered channel: a listening socket would go on accepting). The select only flushes the
            // cancelled key; the readiness it skips is reported again (level-triggered).
            key.cancel()
            sel.selectNow { }
        } else if (key.isValid) {
            key.interestOps(reg.interestOps())
        }
        return true
    }

    /** Waits for readiness up to [timeoutNanos] (0: poll, negative: no limit) and queues the callbacks of ready channels. */
    fun select(timeoutNanos: Long) {
        val sel = selector ?: return
        when {
            timeoutNanos == 0L -> sel.selectNow(::dispatch)
            timeoutNanos < 0L -> sel.select(::dispatch)
            else -> sel.select(::dispatch, maxOf(1L, (timeoutNanos + 999_999) / 1_000_000))
        }
        // Callbacks whose handle was cancelled are removed after the select (removal may select itself).
        while (stale.isNotEmpty()) {
            val reg = stale.removeFirst()
            if (reg.reader?.cancelled() == true) remove(reg.channel, false)
            if (reg.writer?.cancelled() == true) remove(reg.channel, true)
        }
    }

    private fun dispatch(key: SelectionKey) {
        if (!key.isValid) return
        val reg = key.attachment() as Registration
        val ops = key.readyOps()
        val r = reg.reader
        if (r != null && ops and (SelectionKey.OP_READ or SelectionKey.OP_ACCEPT) != 0) {
            if (r.cancelled()) stale.add(reg) else loop.readyAdd(r)
        }
        val w = reg.writer
        if (w != null && ops and (SelectionKey.OP_WRITE or SelectionKey.OP_CONNECT) != 0) {
            if (w.cancelled()) stale.add(reg) else loop.readyAdd(w)
        }
    }

    /** Any thread: interrupts a select in progress. */
    fun wakeup() {
        selector?.wakeup()
    }

    fun close() {
        selector?.close()
        selector = null
        registered = 0
    }
}
