package org.asyncio4j.impl.streams

import org.asyncio4j.Task
import org.asyncio4j.impl.EventLoopImpl
import java.nio.ByteBuffer

/** Starts the per-connection task of a server: the Java body or the Kotlin suspend handler. */
internal typealias HandlerStarter = (StreamReaderImpl, StreamWriterImpl) -> Task<*>

/**
 * Connects a transport to a [StreamReaderImpl] and writers: CPython's `StreamReaderProtocol`. On a server
 * ([onConnected] set) each connection starts the handler's task; a handler that fails is reported and its
 * connection closed, one that is cancelled has its connection closed.
 */
internal class StreamProtocol(
    loop: EventLoopImpl,
    private var reader: StreamReaderImpl?,
    private val onConnected: HandlerStarter?,
) : FlowControl(loop) {
    var transport: TransportBase? = null
        private set
    private var overSsl = false

    /** True for the server side of a connection (startTls then acts as the TLS server). */
    val serverSide: Boolean get() = onConnected != null

    override fun connectionMade(transport: TransportBase) {
        this.transport = transport
        val r = reader
        r?.setTransport(transport)
        overSsl = transport is SslAppTransport
        val start = onConnected ?: return
        val writer = StreamWriterImpl(transport, this, r, loop)
        val task = start(r!!, writer)
        task.addDoneCallback { t ->
            if (t.cancelled()) {
                transport.close()
                return@addDoneCallback
            }
            val e = t.exception() ?: return@addDoneCallback
            loop.callExceptionHandler(
                linkedMapOf("message" to "Unhandled exception in client_connected_cb", "exception" to e, "transport" to transport),
            )
            transport.close()
        }
    }

    /** After startTls: the TLS transport replaces the socket transport. */
    fun replaceTransport(t: TransportBase) {
        transport = t
        overSsl = t is SslAppTransport
    }

    override fun connectionLost(exc: Throwable?) {
        reader?.let { if (exc == null) it.feedEof() else it.setException(exc) }
        super.connectionLost(exc)
        reader = null
        transport = null
    }

    override fun dataReceived(data: ByteBuffer) {
        reader?.feedData(data)
    }

    override fun eofReceived(): Boolean {
        reader?.feedEof()
        // Over TLS, the TLS layer closes the connection itself.
        return !overSsl
    }
}
