package org.asyncio4j.impl.streams

import org.asyncio4j.impl.EventLoopImpl
import org.asyncio4j.impl.FutureImpl
import java.io.IOException
import java.net.InetSocketAddress
import java.net.StandardSocketOptions
import java.nio.ByteBuffer
import java.nio.channels.SocketChannel

/**
 * A connected TCP or Unix socket on the loop's selector: CPython's `_SelectorSocketTransport`, with uvloop's
 * I/O pattern. Read interest stays registered while reading; [write] sends straight to the socket and only
 * a partial send registers write interest, which is dropped again once the pending data has drained. Reads
 * and staged writes go through the loop's shared direct buffers ([IoBuffers]).
 */
internal class SocketTransport(
    loop: EventLoopImpl,
    @JvmField val channel: SocketChannel,
    override var protocol: Protocol,
    waiter: FutureImpl<Unit>?,
    private var server: ServerImpl?,
) : TransportBase(loop, DEFAULT_HIGH_WATER) {
    private val pending = ByteQueue()
    /** Set when the call of connectionLost is scheduled; counts writes after that. */
    private var connLost = 0
    private var closing = false
    private var readPaused = false
    private var eof = false
    private val buffers = loop.ioBuffers
    private val onReadable = Runnable { readReady() }
    private val onWritable = Runnable { writeReady() }

    init {
        extra["socket"] = channel
        extra["sockname"] = try { channel.localAddress } catch (e: IOException) { null }
        extra["peername"] = try { channel.remoteAddress } catch (e: IOException) { null }
        if (extra["peername"] is InetSocketAddress) {
            // Small writes go out at once (CPython sets TCP_NODELAY too); a socket already reset reports that on first use.
            try {
                channel.setOption(StandardSocketOptions.TCP_NODELAY, true)
            } catch (ignored: IOException) {
            }
        }
        server?.attach(this)
        // As CPython: connectionMade, then reading starts, then the waiter learns the connection is made.
        loop.readyAdd { protocol.connectionMade(this) }
        loop.readyAdd { if (isReading) loop.addReader(channel, onReadable) }
        if (waiter != null) loop.readyAdd { if (!waiter.isDone) waiter.completeWithResult(Unit) }
    }

    // ---- reading ----------------------------------------------------------------------------------

    private fun readReady() {
        if (connLost > 0) return
        val buf = buffers.read
        buf.clear()
        val n = try {
            channel.read(buf)
        } catch (e: IOException) {
            fatalError(e, "Fatal read error on socket transport")
            return
        }
        if (n == 0) return
        if (n < 0) {
            readEof()
            return
        }
        buf.flip()
        try {
            protocol.dataReceived(buf)
        } catch (e: Throwable) {
            fatalError(e, "Fatal error: protocol.data_received() call failed.")
        }
    }

    private fun readEof() {
        val keepOpen = try {
            protocol.eofReceived()
        } catch (e: Throwable) {
            fatalError(e, "Fatal error: protocol.eof_received() call failed.")
            return
        }
        if (keepOpen) loop.removeReader(channel) else close()
    }

    override fun isReading(): Boolean = !closing && !readPaused

    override fun pauseReading() {
        if (!isReading) return
        readPaused = true
        loop.removeReader(channel)
    }

    override fun resumeReading() {
        if (closing || !readPaused) return
        readPaused = false
        loop.addReader(channel, onReadable)
    }

    // ---- writing ----------------------------------------------------------------------------------

    override fun writeBuffer(data: ByteBuffer) {
        check(!eof) { "Cannot call write() after write_eof()" }
        if (!data.hasRemaining()) return
        if (connLost > 0) {
            if (connLost >= LOG_THRESHOLD_FOR_CONNLOST_WRITES) EventLoopImpl.LOG.log(System.Logger.Level.WARNING, "socket.send() raised exception.")
            connLost++
            return
        }
        if (pending.isEmpty()) {
            try {
                sendNow(data)
            } catch (e: IOException) {
                fatalError(e, "Fatal write error on socket transport")
                return
            }
            if (!data.hasRemaining()) return
            loop.addWriter(channel, onWritable)
        }
        pending.append(data)
        maybePauseProtocol()
    }

    /** Sends as much of [data] as the socket takes now, staging heap bytes in the shared direct buffer. */
    private fun sendNow(data: ByteBuffer) {
        if (data.isDirect) {
            channel.write(data)
            return
        }
        val out = buffers.write
        while (data.hasRemaining()) {
            out.clear()
            val chunk = minOf(out.capacity(), data.remaining())
            out.put(data.array(), data.arrayOffset() + data.position(), chunk)
            out.flip()
            val n = channel.write(out)
            data.position(data.position() + n)
            if (n < chunk) return
        }
    }

    /** Sends pending bytes until the socket takes no more, staging them in the shared direct buffer. */
    private fun flushPending() {
        val out = buffers.write
        while (!pending.isEmpty()) {
            out.clear()
            val chunk = pending.peekInto(out)
            out.flip()
            val n = channel.write(out)
            pending.discard(n)
            if (n < chunk) return
        }
    }

    /** Several buffers, sent together (CPython sends them with one sendmsg). */
    override fun writelines(data: Iterable<ByteArray>) {
        check(!eof) { "Cannot call writelines() after write_eof()" }
        if (connLost > 0) {
            connLost++
            return
        }
        val wasEmpty = pending.isEmpty()
        for (d in data) pending.append(d, 0, d.size)
        if (wasEmpty && !pending.isEmpty()) {
            writeReady()
            if (!pending.isEmpty() && connLost == 0) loop.addWriter(channel, onWritable)
        }
        maybePauseProtocol()
    }

    private fun writeReady() {
        if (connLost > 0) return
        try {
            flushPending()
        } catch (e: IOException) {
            loop.removeWriter(channel)
            pending.clear()
            fatalError(e, "Fatal write error on socket transport")
            return
        }
        maybeResumeProtocol()
        if (!pending.isEmpty()) return
        loop.removeWriter(channel)
        if (closing) {
            connLost++
            callConnectionLost(null)
        } else if (eof) {
            shutdownOutput()
        }
    }

    override fun getWriteBufferSize(): Long = pending.size.toLong()

    override fun canWriteEof(): Boolean = true

    override fun writeEof() {
        if (closing || eof) return
        eof = true
        if (pending.isEmpty()) shutdownOutput()
    }

    private fun shutdownOutput() {
        try {
            channel.shutdownOutput()
        } catch (e: IOException) {
            fatalError(e, "Fatal error on shutdown of the socket's write side")
        }
    }

    // ---- closing ----------------------------------------------------------------------------------

    override fun isClosing(): Boolean = closing

    override fun close() {
        if (closing) return
        closing = true
        loop.removeReader(channel)
        if (pending.isEmpty()) {
            connLost++
            loop.removeWriter(channel)
            loop.readyAdd { callConnectionLost(null) }
        }
    }

    override fun abort() = forceClose(null)

    /** Closes at once, dropping pending data; the protocol gets [exc] in connectionLost. */
    fun forceClose(exc: Throwable?) {
        if (connLost > 0) return
        if (!pending.isEmpty()) {
            pending.clear()
            loop.removeWriter(channel)
        }
        if (!closing) {
            closing = true
            loop.removeReader(channel)
        }
        connLost++
        loop.readyAdd { callConnectionLost(exc) }
    }

    private fun fatalError(e: Throwable, message: String) {
        val exc = if (e is IOException) osError(e) else e
        if (isOsError(exc)) {
            if (loop.getDebug()) EventLoopImpl.LOG.log(System.Logger.Level.DEBUG, "$this: $message", exc)
        } else {
            loop.callExceptionHandler(linkedMapOf("message" to message, "exception" to exc, "transport" to this, "protocol" to protocol))
        }
        forceClose(exc)
    }

    private fun callConnectionLost(exc: Throwable?) {
        try {
            protocol.connectionLost(exc)
        } finally {
            try {
                channel.close()
            } catch (ignored: IOException) {
                // Closing a socket that failed: nothing more to report.
            }
            server?.detach(this)
            server = null
        }
    }

    override fun toString(): String = "<SocketTransport ${extra["peername"]}${if (closing) " closing" else ""}>"

    private companion object {
        const val DEFAULT_HIGH_WATER = 64L * 1024
        const val LOG_THRESHOLD_FOR_CONNLOST_WRITES = 5
    }
}
