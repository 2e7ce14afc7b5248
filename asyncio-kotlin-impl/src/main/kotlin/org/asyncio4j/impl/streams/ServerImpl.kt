package org.asyncio4j.impl.streams

import org.asyncio4j.EventLoop
import org.asyncio4j.Server
import org.asyncio4j.StreamOptions
import org.asyncio4j.impl.EventLoopImpl
import org.asyncio4j.impl.FutureImpl
import org.asyncio4j.impl.awaitFuture
import org.asyncio4j.impl.runInBody
import org.asyncio4j.impl.sleepSuspend
import java.io.IOException
import java.net.SocketAddress
import java.nio.channels.ServerSocketChannel
import java.nio.file.Files
import java.nio.file.Path
import java.util.concurrent.CancellationException

/**
 * Python's `asyncio.Server` (3.13) over listening channels of the loop's selector. Each accepted connection
 * gets a protocol from [protocolFactory] and a socket transport (under TLS when [options] has a context);
 * the transports are the server's clients until they are closed. [unixPath] (Unix servers) is the socket
 * file, removed at close if it is still the one this server made (3.13's `cleanup_socket`).
 */
internal class ServerImpl(
    private val loop: EventLoopImpl,
    channels: List<ServerSocketChannel>,
    private val protocolFactory: () -> Protocol,
    private val options: StreamOptions,
    private val unixPath: Path?,
    private val unixInode: Any?,
) : Server {
    private var channels: List<ServerSocketChannel>? = channels
    private val addresses: List<SocketAddress> = channels.map { it.localAddress }
    private val clients = LinkedHashSet<SocketTransport>()
    private var waiters: MutableList<FutureImpl<Unit>>? = ArrayList()
    private var serving = false
    private var servingForever: FutureImpl<Unit>? = null

    fun attach(t: SocketTransport) {
        checkNotNull(channels) { "server is closed" }
        clients.add(t)
    }

    fun detach(t: SocketTransport) {
        clients.remove(t)
        if (clients.isEmpty() && channels == null) wakeup()
    }

    private fun wakeup() {
        val ws = waiters ?: return
        waiters = null
        for (w in ws) if (!w.isDone) w.completeWithResult(Unit)
    }

    /** Registers the listening channels with the selector (CPython's `_start_serving`). */
    fun startServingNow() {
        if (serving) return
        val chs = channels ?: return
        serving = true
        for (ch in chs) loop.addReader(ch) { acceptReady(ch) }
    }

    private fun acceptReady(listener: ServerSocketChannel) {
        // Several connections may wait: accept up to `backlog` of them per readiness event.
        repeat(options.backlog) {
            val conn = try {
                listener.accept() ?: return
            } catch (e: IOException) {
                if (channels == null) return
                loop.callExceptionHandler(linkedMapOf("message" to "socket.accept() failed", "exception" to osError(e), "socket" to listener))
                // Out of descriptors and the like: stop accepting for a while instead of spinning.
                loop.removeReader(listener)
                loop.callLater(ACCEPT_RETRY_DELAY) { if (serving && channels != null) loop.addReader(listener) { acceptReady(listener) } }
                return
            }
            try {
                conn.configureBlocking(false)
                accepted(conn)
            } catch (e: Exception) {
                conn.close()
                if (loop.getDebug()) {
                    loop.callExceptionHandler(linkedMapOf("message" to "Error on transport creation for incoming connection", "exception" to e))
                }
            }
        }
    }

    private fun accepted(conn: java.nio.channels.SocketChannel) {
        val app = protocolFactory()
        val ssl = options.ssl
        if (ssl == null) {
            SocketTransport(loop, conn, app, null, this)
            return
        }
        val engine = newEngine(ssl, true, null, null)
        val tls = SslProtocol(loop, app, engine, ssl, null, true, options.sslHandshakeTimeout, options.sslShutdownTimeout)
        SocketTransport(loop, conn, tls, null, this)
    }

    override fun getLoop(): EventLoop = loop

    override fun isServing(): Boolean = serving

    override fun sockets(): List<SocketAddress> = if (channels == null) emptyList() else addresses

    override fun close() {
        loop.checkThread("Server.close")
        val chs = channels ?: return
        channels = null
        for (ch in chs) {
            loop.removeReader(ch)
            try {
                ch.close()
            } catch (ignored: IOException) {
                // A listening socket that cannot be closed cleanly is closed anyway.
            }
        }
        removeSocketFile()
        serving = false
        val f = servingForever
        if (f != null && !f.isDone) f.cancelFuture(null)
        servingForever = null
        if (clients.isEmpty()) wakeup()
    }

    private fun removeSocketFile() {
        val path = unixPath ?: return
        try {
            if (Files.getAttribute(path, "unix:ino") == unixInode) Files.delete(path)
        } catch (ignored: IOException) {
            // Already removed or replaced by someone else: leave it.
        }
    }

    override fun closeClients() {
        for (t in clients.toList()) t.close()
    }

    override fun abortClients() {
        for (t in clients.toList()) t.abort()
    }

    suspend fun coStartServing() {
        startServingNow()
        sleepSuspend(0.0, Unit)
    }

    override fun startServing() = runInBody { coStartServing() }

    suspend fun coServeForever() {
        check(servingForever == null) { "server $this is already being awaited on serve_forever()" }
        checkNotNull(channels) { "server $this is closed" }
        startServingNow()
        val f = FutureImpl<Unit>(loop)
        servingForever = f
        try {
            awaitFuture(f)
        } catch (e: CancellationException) {
            try {
                close()
                coWaitClosed()
            } finally {
                throw e
            }
        } finally {
            servingForever = null
        }
    }

    override fun serveForever() = runInBody { coServeForever() }

    suspend fun coWaitClosed() {
        val ws = waiters ?: return
        val w = FutureImpl<Unit>(loop)
        ws.add(w)
        awaitFuture(w)
    }

    override fun waitClosed() = runInBody { coWaitClosed() }

    override fun toString(): String = "<Server sockets=${sockets()}>"

    private companion object {
        /** CPython's ACCEPT_RETRY_DELAY. */
        const val ACCEPT_RETRY_DELAY = 1.0
    }
}
