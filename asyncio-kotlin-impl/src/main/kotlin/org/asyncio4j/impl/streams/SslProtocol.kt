package org.asyncio4j.impl.streams

import org.asyncio4j.ConnectionAbortedError
import org.asyncio4j.ConnectionResetError
import org.asyncio4j.SSLError
import org.asyncio4j.TimeoutError
import org.asyncio4j.TimerHandle
import org.asyncio4j.impl.EventLoopImpl
import org.asyncio4j.impl.FutureImpl
import java.nio.ByteBuffer
import java.security.cert.CertificateException
import javax.net.ssl.SSLContext
import javax.net.ssl.SSLEngine
import javax.net.ssl.SSLEngineResult
import javax.net.ssl.SSLEngineResult.HandshakeStatus
import javax.net.ssl.SSLEngineResult.Status
import javax.net.ssl.SSLException
import javax.net.ssl.SSLPeerUnverifiedException

/**
 * TLS between a socket transport (below, to which this is the protocol) and the application's protocol
 * (above, which gets [appTransport]): CPython's `SSLProtocol` state machine over the JDK's [SSLEngine].
 * Encrypted bytes arriving from the socket accumulate in [netIn] and are unwrapped record by record;
 * application writes queue in [backlog] and are wrapped as the socket takes them. The engine's delegated
 * tasks run inline, as CPython runs OpenSSL inline.
 *
 * States: UNWRAPPED -> DO_HANDSHAKE -> WRAPPED -> FLUSHING -> SHUTDOWN, and back to UNWRAPPED when the
 * connection is lost. Flow control both ways: the socket pausing its writes stops the wrapping of the
 * backlog (the application is paused when the backlog passes 512 KiB); the application pausing its reads
 * stops the unwrapping (the socket is paused when 256 KiB of encrypted input are waiting).
 */
internal class SslProtocol(
    private val loop: EventLoopImpl,
    private var app: Protocol,
    private val engine: SSLEngine,
    context: SSLContext,
    private var waiter: FutureImpl<Unit>?,
    callConnectionMade: Boolean,
    private val handshakeTimeout: Double,
    private val shutdownTimeout: Double,
) : Protocol {
    private enum class State { UNWRAPPED, DO_HANDSHAKE, WRAPPED, FLUSHING, SHUTDOWN }
    private enum class AppState { INIT, CON_MADE, EOF, CON_LOST }

    private var state = State.UNWRAPPED
    private var appState = if (callConnectionMade) AppState.INIT else AppState.CON_MADE
    private var transport: SocketTransport? = null
    /** The socket transport below, while connected. */
    val rawTransport: SocketTransport? get() = transport
    val appTransport = SslAppTransport(loop, this, app).also { it.extra["sslcontext"] = context }

    /** Encrypted input, in write mode (position = end of the data). */
    private var netIn = ByteBuffer.allocate(engine.session.packetBufferSize)
    private var appIn = ByteBuffer.allocate(engine.session.applicationBufferSize)
    private var netOut = ByteBuffer.allocate(engine.session.packetBufferSize)
    private val backlog = ByteQueue()

    private var sslWritingPaused = false
    private var appReadingPaused = false
    private var sslReadingPaused = false
    private var eofReceived = false
    private var connLost = 0
    private var handshakeTimer: TimerHandle? = null
    private var shutdownTimer: TimerHandle? = null

    val writeBufferSize: Long get() = backlog.size.toLong()

    // ---- from the socket transport ----------------------------------------------------------------

    override fun connectionMade(transport: TransportBase) {
        this.transport = transport as SocketTransport
        startHandshake()
    }

    override fun connectionLost(exc: Throwable?) {
        backlog.clear()
        connLost++
        appTransport.closed = true
        if (state != State.DO_HANDSHAKE && (appState == AppState.CON_MADE || appState == AppState.EOF)) {
            appState = AppState.CON_LOST
            val a = app
            loop.readyAdd { a.connectionLost(exc) }
        }
        state = State.UNWRAPPED
        transport = null
        wakeupWaiter(exc)
        shutdownTimer?.cancel()
        shutdownTimer = null
        handshakeTimer?.cancel()
        handshakeTimer = null
    }

    override fun dataReceived(data: ByteBuffer) {
        if (netIn.remaining() < data.remaining()) {
            val grown = ByteBuffer.allocate(maxOf(netIn.capacity() * 2, netIn.position() + data.remaining()))
            netIn.flip()
            grown.put(netIn)
            netIn = grown
        }
        netIn.put(data)
        when (state) {
            State.DO_HANDSHAKE -> doHandshake()
            State.WRAPPED -> doRead()
            State.FLUSHING -> doFlush()
            State.SHUTDOWN -> doShutdown()
            State.UNWRAPPED -> {}
        }
    }

    override fun eofReceived(): Boolean {
        eofReceived = true
        try {
            when (state) {
                State.DO_HANDSHAKE -> onHandshakeComplete(ConnectionResetError("Connection lost during the TLS handshake"))
                State.WRAPPED -> {
                    state = State.FLUSHING
                    if (appReadingPaused) return true
                    doFlush()
                }
                State.FLUSHING -> {
                    doWrite()
                    state = State.SHUTDOWN
                    doShutdown()
                }
                State.SHUTDOWN -> doShutdown()
                State.UNWRAPPED -> {}
            }
        } catch (e: Exception) {
            transport?.close()
            throw e
        }
        return false
    }

    override fun pauseWriting() {
        sslWritingPaused = true
    }

    override fun resumeWriting() {
        sslWritingPaused = false
        doWrite()
    }

    // ---- handshake --------------------------------------------------------------------------------

    private fun startHandshake() {
        state = State.DO_HANDSHAKE
        handshakeTimer = loop.callLater(handshakeTimeout) {
            if (state == State.DO_HANDSHAKE) {
                fatalError(
                    ConnectionAbortedError("SSL handshake is taking longer than $handshakeTimeout seconds: aborting the connection"),
                    "SSL handshake failed",
                )
            }
        }
        try {
            engine.beginHandshake()
        } catch (e: SSLException) {
            onHandshakeComplete(e)
            return
        }
        doHandshake()
    }

    private fun doHandshake() {
        try {
            while (true) {
                when (engine.handshakeStatus) {
                    HandshakeStatus.NEED_TASK -> runDelegatedTasks()
                    HandshakeStatus.NEED_WRAP -> {
                        if (wrapAndSend(EMPTY).handshakeStatus == HandshakeStatus.FINISHED) break
                    }
                    HandshakeStatus.NEED_UNWRAP, HandshakeStatus.NEED_UNWRAP_AGAIN -> {
                        val r = unwrap()
                        if (r.handshakeStatus == HandshakeStatus.FINISHED) break
                        if (r.status == Status.CLOSED) throw SSLException("the peer closed the connection during the TLS handshake")
                        if (r.status == Status.BUFFER_UNDERFLOW || (r.bytesConsumed() == 0 && r.bytesProduced() == 0)) return
                    }
                    else -> break
                }
            }
        } catch (e: SSLException) {
            sendAlert()
            onHandshakeComplete(e)
            return
        }
        onHandshakeComplete(null)
    }

    private fun onHandshakeComplete(failure: Exception?) {
        handshakeTimer?.cancel()
        handshakeTimer = null
        if (failure != null) {
            state = State.UNWRAPPED
            val exc = when (failure) {
                is SSLException -> SSLError(failure.message ?: "SSL handshake failed", failure)
                else -> failure
            }
            val message = if (failure.cause is CertificateException) {
                "SSL handshake failed on verifying the certificate"
            } else {
                "SSL handshake failed"
            }
            fatalError(exc, message)
            wakeupWaiter(exc)
            return
        }
        state = State.WRAPPED
        val session = engine.session
        appTransport.extra["peercert"] = try {
            session.peerCertificates
        } catch (e: SSLPeerUnverifiedException) {
            null
        }
        appTransport.extra["cipher"] = session.cipherSuite
        appTransport.extra["ssl_object"] = engine
        if (appState == AppState.INIT) {
            appState = AppState.CON_MADE
            app.connectionMade(appTransport)
        }
        wakeupWaiter(null)
        doRead()
    }

    // ---- shutdown ---------------------------------------------------------------------------------

    /** The application closed its transport: flush, send close_notify, wait for the peer's (bounded). */
    fun startShutdown() {
        if (state == State.FLUSHING || state == State.SHUTDOWN || state == State.UNWRAPPED) return
        appTransport.closed = true
        if (state == State.DO_HANDSHAKE) {
            abort(null)
            return
        }
        state = State.FLUSHING
        shutdownTimer = loop.callLater(shutdownTimeout) {
            if (state == State.FLUSHING || state == State.SHUTDOWN) transport?.forceClose(TimeoutError("SSL shutdown timed out"))
        }
        doFlush()
    }

    private fun doFlush() {
        doRead()
        state = State.SHUTDOWN
        doShutdown()
    }

    private fun doShutdown() {
        try {
            if (!eofReceived) {
                if (!engine.isOutboundDone) {
                    engine.closeOutbound()
                    while (!engine.isOutboundDone) {
                        if (wrapAndSend(EMPTY).bytesProduced() == 0) break
                    }
                }
                while (!engine.isInboundDone) {
                    val r = unwrap()
                    appIn.clear()
                    if (r.status == Status.CLOSED) break
                    if (r.status == Status.BUFFER_UNDERFLOW || (r.bytesConsumed() == 0 && r.bytesProduced() == 0)) return
                }
            }
        } catch (e: SSLException) {
            onShutdownComplete(SSLError(e.message ?: "SSL shutdown failed", e))
            return
        }
        callEofReceived()
        onShutdownComplete(null)
    }

    private fun onShutdownComplete(failure: Throwable?) {
        shutdownTimer?.cancel()
        shutdownTimer = null
        if (failure != null) {
            fatalError(failure, "Fatal error on SSL shutdown")
        } else {
            val t = transport
            loop.readyAdd { t?.close() }
        }
    }

    fun abort(exc: Throwable?) {
        state = State.UNWRAPPED
        transport?.forceClose(exc)
    }

    // ---- outgoing ---------------------------------------------------------------------------------

    /** Application data to encrypt; dropped (as CPython) once the connection is shutting down. */
    fun writeAppdata(data: ByteBuffer) {
        if (state == State.FLUSHING || state == State.SHUTDOWN || state == State.UNWRAPPED) {
            if (connLost >= LOG_THRESHOLD_FOR_CONNLOST_WRITES) EventLoopImpl.LOG.log(System.Logger.Level.WARNING, "SSL connection is closed")
            connLost++
            return
        }
        backlog.append(data)
        if (state == State.WRAPPED) {
            try {
                doWrite()
            } catch (e: SSLException) {
                fatalError(SSLError(e.message ?: "TLS error", e), "Fatal error on SSL protocol")
            }
        } else {
            controlAppWriting()
        }
    }

    /** Wraps the backlog; while the socket is paused only when flushing (close_notify must come last). */
    private fun doWrite() {
        while (!backlog.isEmpty() && (!sslWritingPaused || state != State.WRAPPED) && transport != null) {
            val plain = backlog.view(MAX_RECORD)
            val r = wrapAndSend(plain)
            backlog.discard(r.bytesConsumed())
            if (r.status == Status.CLOSED) {
                backlog.clear()
                break
            }
        }
        controlAppWriting()
    }

    private fun controlAppWriting() {
        appTransport.maybePauseProtocol()
        appTransport.maybeResumeProtocol()
    }

    // ---- incoming ---------------------------------------------------------------------------------

    private fun doRead() {
        if (state != State.WRAPPED && state != State.FLUSHING) return
        try {
            if (!appReadingPaused) {
                var closeNotify = false
                while (!appReadingPaused) {
                    serviceHandshake()
                    val r = unwrap()
                    if (appIn.position() > 0) {
                        appIn.flip()
                        app.dataReceived(appIn)
                        appIn.clear()
                    }
                    if (r.status == Status.CLOSED) {
                        closeNotify = true
                        break
                    }
                    if (r.status == Status.BUFFER_UNDERFLOW || (r.bytesConsumed() == 0 && r.bytesProduced() == 0)) break
                }
                if (!backlog.isEmpty()) doWrite()
                if (closeNotify) {
                    callEofReceived()
                    startShutdown()
                }
            }
            controlSslReading()
        } catch (e: SSLException) {
            fatalError(SSLError(e.message ?: "TLS error", e), "Fatal error on SSL protocol")
        }
    }

    /** Post-handshake messages (TLS 1.3 session tickets, key updates) may ask for tasks or a wrap. */
    private fun serviceHandshake() {
        while (true) {
            when (engine.handshakeStatus) {
                HandshakeStatus.NEED_TASK -> runDelegatedTasks()
                HandshakeStatus.NEED_WRAP -> if (wrapAndSend(EMPTY).bytesProduced() == 0) return
                else -> return
            }
        }
    }

    private fun callEofReceived() {
        if (appState != AppState.CON_MADE) return
        appState = AppState.EOF
        try {
            app.eofReceived()
        } catch (e: Exception) {
            fatalError(e, "Error calling eof_received()")
        }
    }

    fun pauseAppReading() {
        appReadingPaused = true
    }

    fun resumeAppReading() {
        if (!appReadingPaused) return
        appReadingPaused = false
        loop.readyAdd {
            when (state) {
                State.WRAPPED -> doRead()
                State.FLUSHING -> doFlush()
                State.SHUTDOWN -> doShutdown()
                else -> {}
            }
        }
    }

    val isAppReading: Boolean get() = !appReadingPaused

    private fun controlSslReading() {
        val t = transport ?: return
        val size = netIn.position()
        if (size >= READ_HIGH_WATER && !sslReadingPaused) {
            sslReadingPaused = true
            t.pauseReading()
        } else if (size <= READ_HIGH_WATER / 4 && sslReadingPaused) {
            sslReadingPaused = false
            t.resumeReading()
        }
    }

    // ---- the engine -------------------------------------------------------------------------------

    private fun unwrap(): SSLEngineResult {
        netIn.flip()
        try {
            while (true) {
                val r = engine.unwrap(netIn, appIn)
                when (r.status) {
                    Status.BUFFER_OVERFLOW -> {
                        if (appIn.position() > 0) return r
                        appIn = ByteBuffer.allocate(maxOf(appIn.capacity() * 2, engine.session.applicationBufferSize))
                    }
                    Status.BUFFER_UNDERFLOW -> {
                        val need = engine.session.packetBufferSize
                        if (netIn.capacity() < need) {
                            val grown = ByteBuffer.allocate(need)
                            grown.put(netIn)
                            grown.flip()
                            netIn = grown
                        }
                        return r
                    }
                    else -> return r
                }
            }
        } finally {
            netIn.compact()
        }
    }

    /** Wraps from [src] and hands the TLS records to the socket transport. */
    private fun wrapAndSend(src: ByteBuffer): SSLEngineResult {
        while (true) {
            netOut.clear()
            val r = engine.wrap(src, netOut)
            if (r.status == Status.BUFFER_OVERFLOW) {
                netOut = ByteBuffer.allocate(maxOf(netOut.capacity() * 2, engine.session.packetBufferSize))
                continue
            }
            netOut.flip()
            if (netOut.hasRemaining()) transport?.writeBuffer(netOut)
            return r
        }
    }

    /** After a failed handshake, the engine holds an alert for the peer: send it if it can be had. */
    private fun sendAlert() {
        try {
            engine.closeOutbound()
            wrapAndSend(EMPTY)
        } catch (ignored: Exception) {
            // The alert is a courtesy to the peer; the connection fails either way.
        }
    }

    private fun runDelegatedTasks() {
        while (true) (engine.delegatedTask ?: return).run()
    }

    // ---- errors -----------------------------------------------------------------------------------

    private fun wakeupWaiter(exc: Throwable?) {
        val w = waiter ?: return
        waiter = null
        if (w.isDone) return
        if (exc == null) w.completeWithResult(Unit) else w.completeWithException(exc)
    }

    private fun fatalError(exc: Throwable, message: String) {
        transport?.forceClose(exc)
        if (isOsError(exc)) {
            if (loop.getDebug()) EventLoopImpl.LOG.log(System.Logger.Level.DEBUG, "$this: $message", exc)
        } else if (exc !is java.util.concurrent.CancellationException) {
            loop.callExceptionHandler(linkedMapOf("message" to message, "exception" to exc, "transport" to transport, "protocol" to this))
        }
    }

    override fun toString(): String = "<SslProtocol $state>"

    private companion object {
        val EMPTY: ByteBuffer = ByteBuffer.allocate(0)
        const val MAX_RECORD = 16 * 1024
        const val READ_HIGH_WATER = 256 * 1024
        const val LOG_THRESHOLD_FOR_CONNLOST_WRITES = 5
    }
}
