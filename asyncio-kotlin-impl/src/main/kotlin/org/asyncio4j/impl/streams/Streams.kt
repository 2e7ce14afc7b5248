package org.asyncio4j.impl.streams

import org.asyncio4j.Connection
import org.asyncio4j.Server
import org.asyncio4j.StreamOptions
import org.asyncio4j.impl.EventLoopImpl
import org.asyncio4j.impl.FutureImpl
import org.asyncio4j.impl.awaitFuture
import org.asyncio4j.impl.sleepSuspend
import java.io.IOException
import java.io.UncheckedIOException
import java.net.Inet6Address
import java.net.InetAddress
import java.net.InetSocketAddress
import java.net.SocketAddress
import java.net.StandardProtocolFamily
import java.net.StandardSocketOptions
import java.net.UnixDomainSocketAddress
import java.nio.channels.ServerSocketChannel
import java.nio.channels.SocketChannel
import java.nio.file.Files
import java.nio.file.Path

/**
 * CPython's `open_connection`/`start_server` and their Unix variants (streams.py over base_events.py's
 * `create_connection`/`create_server`), written once as suspend functions for Java bodies and Kotlin.
 */
internal object Streams {

    suspend fun openConnection(loop: EventLoopImpl, host: String?, port: Int, options: StreamOptions): Connection {
        require(options.ssl == null || host != null || options.serverHostname != null) {
            "You must set server_hostname when using ssl without a host"
        }
        val addresses = resolve(loop, host, port, passive = false)
        val channel = connectAny(loop, addresses) { a -> SocketChannel.open(if (a.address is Inet6Address) StandardProtocolFamily.INET6 else StandardProtocolFamily.INET) }
        return connected(loop, channel, options, options.serverHostname ?: host)
    }

    suspend fun openUnixConnection(loop: EventLoopImpl, path: String, options: StreamOptions): Connection {
        require(options.ssl == null || options.serverHostname != null) {
            "you have to pass server_hostname when using ssl over a Unix socket"
        }
        val channel = connectAny(loop, listOf(UnixDomainSocketAddress.of(path))) { SocketChannel.open(StandardProtocolFamily.UNIX) }
        return connected(loop, channel, options, options.serverHostname)
    }

    /** Wraps a connected channel in a transport (TLS if asked) and waits until the protocol is connected. */
    private suspend fun connected(loop: EventLoopImpl, channel: SocketChannel, options: StreamOptions, serverHostname: String?): Connection {
        val reader = StreamReaderImpl(loop, options.limit)
        val protocol = StreamProtocol(loop, reader, null)
        val waiter = FutureImpl<Unit>(loop)
        val ssl = options.ssl
        val raw = if (ssl == null) {
            SocketTransport(loop, channel, protocol, waiter, null)
        } else {
            val engine = newEngine(ssl, false, serverHostname ?: "", channel.remoteAddress)
            val tls = SslProtocol(loop, protocol, engine, ssl, waiter, true, options.sslHandshakeTimeout, options.sslShutdownTimeout)
            SocketTransport(loop, channel, tls, null, null)
        }
        try {
            awaitFuture(waiter)
        } catch (e: Throwable) {
            raw.close()
            throw e
        }
        return Connection(reader, StreamWriterImpl(protocol.transport!!, protocol, reader, loop))
    }

    /** Tries the addresses in order (CPython without happy eyeballs); the errors of all are reported if none works. */
    private suspend fun <A : SocketAddress> connectAny(loop: EventLoopImpl, addresses: List<A>, open: (A) -> SocketChannel): SocketChannel {
        val errors = ArrayList<UncheckedIOException>()
        for (a in addresses) {
            val ch = open(a)
            try {
                connectOne(loop, ch, a)
                return ch
            } catch (e: IOException) {
                ch.close()
                errors.add(osError(e, "Connect call failed $a"))
            } catch (e: Throwable) {
                ch.close()
                throw e
            }
        }
        if (errors.size == 1 || errors.all { it.message == errors[0].message }) throw errors[0]
        throw UncheckedIOException("Multiple exceptions: ${errors.joinToString { it.message.orEmpty() }}", errors[0].cause)
            .apply { errors.drop(1).forEach(::addSuppressed) }
    }

    /** A non-blocking connect: the loop's selector reports when the connection is made or refused. */
    private suspend fun connectOne(loop: EventLoopImpl, ch: SocketChannel, address: SocketAddress) {
        ch.configureBlocking(false)
        if (ch.connect(address)) return
        val done = FutureImpl<Unit>(loop)
        loop.addWriter(ch) {
            try {
                if (ch.finishConnect()) {
                    loop.removeWriter(ch)
                    if (!done.isDone) done.completeWithResult(Unit)
                }
            } catch (e: IOException) {
                loop.removeWriter(ch)
                if (!done.isDone) done.completeWithException(e)
            }
        }
        try {
            awaitFuture(done)
        } finally {
            loop.removeWriter(ch)
        }
    }

    suspend fun startServer(loop: EventLoopImpl, handler: HandlerStarter, host: String?, port: Int, options: StreamOptions): Server {
        val addresses = resolve(loop, host, port, passive = true).distinct()
        val channels = ArrayList<ServerSocketChannel>()
        try {
            for (a in addresses) {
                val ch = ServerSocketChannel.open(if (a.address is Inet6Address) StandardProtocolFamily.INET6 else StandardProtocolFamily.INET)
                channels.add(ch)
                ch.setOption(StandardSocketOptions.SO_REUSEADDR, options.reuseAddress)
                if (options.reusePort) {
                    if (StandardSocketOptions.SO_REUSEPORT !in ch.supportedOptions()) {
                        throw UnsupportedOperationException("reuse_port not supported by this platform")
                    }
                    ch.setOption(StandardSocketOptions.SO_REUSEPORT, true)
                }
                bind(ch, a, options)
            }
        } catch (e: Throwable) {
            channels.forEach { it.close() }
            throw e
        }
        return serve(loop, channels, handler, options, null, null)
    }

    suspend fun startUnixServer(loop: EventLoopImpl, handler: HandlerStarter, path: String, options: StreamOptions): Server {
        val file = Path.of(path)
        // A socket file left by an earlier server is replaced, as CPython does.
        try {
            val mode = Files.getAttribute(file, "unix:mode") as Int
            if (mode and S_IFMT == S_IFSOCK) Files.delete(file)
        } catch (ignored: IOException) {
            // No such file: nothing to clean up.
        }
        val ch = ServerSocketChannel.open(StandardProtocolFamily.UNIX)
        val inode = try {
            bind(ch, UnixDomainSocketAddress.of(file), options)
            Files.getAttribute(file, "unix:ino")
        } catch (e: Throwable) {
            ch.close()
            throw e
        }
        return serve(loop, listOf(ch), handler, options, file, inode)
    }

    private fun bind(ch: ServerSocketChannel, address: SocketAddress, options: StreamOptions) {
        try {
            ch.bind(address, options.backlog)
        } catch (e: IOException) {
            throw UncheckedIOException("error while attempting to bind on address $address: ${e.message.orEmpty().lowercase()}", e)
        }
        ch.configureBlocking(false)
    }

    private suspend fun serve(
        loop: EventLoopImpl,
        channels: List<ServerSocketChannel>,
        handler: HandlerStarter,
        options: StreamOptions,
        unixPath: Path?,
        inode: Any?,
    ): Server {
        val server = ServerImpl(loop, channels, { StreamProtocol(loop, StreamReaderImpl(loop, options.limit), handler) }, options, unixPath, inode)
        if (options.startServing) {
            server.startServingNow()
            // One iteration, so that the listening channels are registered when this returns (as CPython).
            sleepSuspend(0.0, Unit)
        }
        return server
    }

    /**
     * The socket addresses of [host]: a literal or no host needs no lookup; a name is resolved on a virtual
     * thread (the JDK's resolver blocks), the loop going on meanwhile.
     */
    private suspend fun resolve(loop: EventLoopImpl, host: String?, port: Int, passive: Boolean): List<InetSocketAddress> {
        require(port in 0..65535) { "port must be 0-65535, got $port" }
        if (host.isNullOrEmpty()) {
            return listOf(if (passive) InetSocketAddress(port) else InetSocketAddress(InetAddress.getLoopbackAddress(), port))
        }
        if (isIpLiteral(host)) return listOf(InetSocketAddress(InetAddress.getByName(host), port))
        val found = FutureImpl<Array<InetAddress>>(loop)
        Thread.ofVirtual().name("asyncio4j-resolver").start {
            val outcome = runCatching { InetAddress.getAllByName(host) }
            try {
                loop.callSoonThreadsafe {
                    if (found.isDone) return@callSoonThreadsafe
                    outcome.fold({ found.completeWithResult(it) }, { found.completeWithException(osError(it as? IOException ?: IOException(it), "getaddrinfo($host)")) })
                }
            } catch (closed: IllegalStateException) {
                // The loop was closed meanwhile: nobody waits for the answer.
            }
        }
        return awaitFuture(found).map { InetSocketAddress(it, port) }
    }

    private const val S_IFMT = 0xF000
    private const val S_IFSOCK = 0xC000
}
