package org.asyncio4j.impl.streams

import org.asyncio4j.impl.EventLoopImpl
import java.nio.ByteBuffer

/**
 * The transport the application sees over TLS: CPython's `_SSLProtocolTransport`. Writes go to the
 * [SslProtocol]'s backlog (flow control: 512 KiB high-water mark, as CPython's TLS writes); closing starts
 * the TLS shutdown. TLS has no half-close, so [canWriteEof] is false.
 */
internal class SslAppTransport(
    loop: EventLoopImpl,
    private val ssl: SslProtocol,
    override var protocol: Protocol,
) : TransportBase(loop, 512L * 1024) {
    /** Set by close/abort and when the connection is lost. */
    internal var closed = false

    override fun writeBuffer(data: ByteBuffer) {
        if (!data.hasRemaining()) return
        ssl.writeAppdata(data)
    }

    override fun getExtraInfo(name: String): Any? = if (extra.containsKey(name)) extra[name] else ssl.rawTransport?.getExtraInfo(name)

    override fun canWriteEof(): Boolean = false

    override fun writeEof() = throw UnsupportedOperationException("SSL doesn't support half-closes")

    override fun close() {
        if (closed) return
        closed = true
        ssl.startShutdown()
    }

    override fun abort() {
        closed = true
        ssl.abort(null)
    }

    override fun isClosing(): Boolean = closed

    override fun pauseReading() = ssl.pauseAppReading()

    override fun resumeReading() = ssl.resumeAppReading()

    override fun isReading(): Boolean = ssl.isAppReading

    override fun getWriteBufferSize(): Long = ssl.writeBufferSize
}
