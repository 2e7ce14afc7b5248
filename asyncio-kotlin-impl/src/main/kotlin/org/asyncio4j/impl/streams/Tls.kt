package org.asyncio4j.impl.streams

import org.asyncio4j.impl.FutureImpl
import org.asyncio4j.impl.awaitFuture
import java.net.InetSocketAddress
import java.net.SocketAddress
import javax.net.ssl.SNIHostName
import javax.net.ssl.SSLContext
import javax.net.ssl.SSLEngine

/**
 * An engine for one connection. A client checks the server's certificate against [serverHostname] (else the
 * host connected to), as Python's default context does (`check_hostname`); an empty name turns the check off.
 */
internal fun newEngine(context: SSLContext, serverSide: Boolean, serverHostname: String?, peer: SocketAddress?): SSLEngine {
    val inet = peer as? InetSocketAddress
    val host = serverHostname ?: inet?.hostString
    val engine = if (!serverSide && !host.isNullOrEmpty()) context.createSSLEngine(host, inet?.port ?: -1) else context.createSSLEngine()
    engine.useClientMode = !serverSide
    if (!serverSide && !host.isNullOrEmpty()) {
        val params = engine.sslParameters
        params.endpointIdentificationAlgorithm = "HTTPS"
        if (!isIpLiteral(host)) params.serverNames = listOf(SNIHostName(host))
        engine.sslParameters = params
    }
    return engine
}

/**
 * Python's `loop.start_tls`: puts TLS between [raw] and [protocol] on a live connection and performs the
 * handshake; returns the TLS transport. On failure (or cancellation) the connection is closed.
 */
internal suspend fun startTls(
    raw: SocketTransport,
    protocol: Protocol,
    context: SSLContext,
    serverSide: Boolean,
    serverHostname: String?,
    handshakeTimeout: Double,
    shutdownTimeout: Double,
): TransportBase {
    require(handshakeTimeout > 0) { "ssl_handshake_timeout should be a positive number, got $handshakeTimeout" }
    require(shutdownTimeout > 0) { "ssl_shutdown_timeout should be a positive number, got $shutdownTimeout" }
    val loop = raw.loop
    val waiter = FutureImpl<Unit>(loop)
    val engine = newEngine(context, serverSide, serverHostname, raw.extra["peername"] as SocketAddress?)
    val ssl = SslProtocol(loop, protocol, engine, context, waiter, false, handshakeTimeout, shutdownTimeout)
    raw.pauseReading()
    raw.protocol = ssl
    val connect = loop.callSoon { ssl.connectionMade(raw) }
    val resume = loop.callSoon { raw.resumeReading() }
    try {
        awaitFuture(waiter)
    } catch (e: Throwable) {
        raw.close()
        connect.cancel()
        resume.cancel()
        throw e
    }
    return ssl.appTransport
}

/** True for an IPv4 or IPv6 address literal (which needs no name resolution and is no SNI name). */
internal fun isIpLiteral(host: String): Boolean = host.contains(':') || (host.isNotEmpty() && host.all { it.isDigit() || it == '.' })
