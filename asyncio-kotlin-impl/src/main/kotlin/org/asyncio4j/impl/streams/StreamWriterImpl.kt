package org.asyncio4j.impl.streams

import org.asyncio4j.StreamWriter
import org.asyncio4j.Transport
import org.asyncio4j.impl.EventLoopImpl
import org.asyncio4j.impl.awaitFuture
import org.asyncio4j.impl.runInBody
import org.asyncio4j.impl.sleepSuspend
import javax.net.ssl.SSLContext

/**
 * Python's `asyncio.StreamWriter`: writes go to the transport; [coDrain] waits on the protocol's flow
 * control. The Java methods run the suspend algorithms in the calling body.
 */
internal class StreamWriterImpl(
    @JvmField var transport: TransportBase,
    private val protocol: FlowControl,
    private val reader: StreamReaderImpl?,
    @JvmField val loop: EventLoopImpl,
) : StreamWriter {
    override fun transport(): Transport = transport

    override fun write(data: ByteArray) = transport.write(data)

    override fun writelines(data: Iterable<ByteArray>) = transport.writelines(data)

    override fun canWriteEof(): Boolean = transport.canWriteEof()

    override fun writeEof() = transport.writeEof()

    override fun close() = transport.close()

    override fun isClosing(): Boolean = transport.isClosing

    override fun getExtraInfo(name: String): Any? = transport.getExtraInfo(name)

    suspend fun coDrain() {
        reader?.exception()?.let { throw it }
        // A closing transport: yield once, so that connectionLost can run and drainHelper sees the error.
        if (transport.isClosing) sleepSuspend(0.0, Unit)
        protocol.drainHelper()
    }

    override fun drain() {
        if (!protocol.writingPaused && !protocol.lost && !transport.isClosing && reader?.exception() == null) return
        runInBody { coDrain() }
    }

    suspend fun coWaitClosed() {
        awaitFuture(protocol.closed)
    }

    override fun waitClosed() = runInBody { coWaitClosed() }

    suspend fun coStartTls(context: SSLContext, serverHostname: String?, handshakeTimeout: Double?, shutdownTimeout: Double?) {
        val proto = protocol as? StreamProtocol ?: throw IllegalStateException("startTls() needs a socket stream, not $transport")
        val raw = transport as? SocketTransport
            ?: throw IllegalStateException("startTls(): the transport $transport is already TLS or does not support it")
        coDrain()
        transport = startTls(raw, proto, context, proto.serverSide, serverHostname, handshakeTimeout ?: 60.0, shutdownTimeout ?: 30.0)
        proto.replaceTransport(transport)
    }

    override fun startTls(sslContext: SSLContext) = runInBody { coStartTls(sslContext, null, null, null) }

    override fun startTls(sslContext: SSLContext, serverHostname: String?, sslHandshakeTimeout: Double?, sslShutdownTimeout: Double?) =
        runInBody { coStartTls(sslContext, serverHostname, sslHandshakeTimeout, sslShutdownTimeout) }

    override fun toString(): String = "<StreamWriter transport=$transport>"
}
