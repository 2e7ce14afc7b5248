package org.asyncio4j;

import javax.net.ssl.SSLContext;

/**
 * The keyword arguments of {@code open_connection}/{@code start_server} (and the Unix variants). Immutable;
 * the {@code with*} methods return copies. Options a side does not use are ignored by it.
 *
 * @param limit the stream reader's limit (default 64 KiB)
 * @param ssl TLS configuration, or null for plain TCP
 * @param serverHostname client: the name checked in the server certificate (null: the host; empty: no check)
 * @param sslHandshakeTimeout seconds before a TLS handshake is aborted (default 60)
 * @param sslShutdownTimeout seconds before a TLS shutdown is cut short (default 30)
 * @param backlog server: listen backlog and accepts per readiness event (default 100)
 * @param reuseAddress server: SO_REUSEADDR (default true, as on POSIX)
 * @param reusePort server: SO_REUSEPORT, so that several loops (threads) can listen on the same port
 * @param startServing server: accept at once (default true); else call {@link Server#startServing()}
 */
public record StreamOptions(int limit, SSLContext ssl, String serverHostname, double sslHandshakeTimeout,
        double sslShutdownTimeout, int backlog, boolean reuseAddress, boolean reusePort, boolean startServing) {

    /** Checks the values. */
    public StreamOptions {
        if (limit <= 0) {
            throw new IllegalArgumentException("Limit cannot be <= 0");
        }
        if (!(sslHandshakeTimeout > 0)) {
            throw new IllegalArgumentException("ssl_handshake_timeout should be a positive number, got " + sslHandshakeTimeout);
        }
        if (!(sslShutdownTimeout > 0)) {
            throw new IllegalArgumentException("ssl_shutdown_timeout should be a positive number, got " + sslShutdownTimeout);
        }
        if (backlog <= 0) {
            throw new IllegalArgumentException("backlog must be positive, got " + backlog);
        }
    }

    /** @return Python's defaults */
    public static StreamOptions defaults() {
        return new StreamOptions(StreamReader.DEFAULT_LIMIT, null, null, 60.0, 30.0, 100, true, false, true);
    }

    /** @param v the reader limit @return a copy */
    public StreamOptions withLimit(int v) {
        return new StreamOptions(v, ssl, serverHostname, sslHandshakeTimeout, sslShutdownTimeout, backlog, reuseAddress, reusePort, startServing);
    }

    /** @param v TLS configuration, or null @return a copy */
    public StreamOptions withSsl(SSLContext v) {
        return new StreamOptions(limit, v, serverHostname, sslHandshakeTimeout, sslShutdownTimeout, backlog, reuseAddress, reusePort, startServing);
    }

    /** @param v the server name a client checks @return a copy */
    public StreamOptions withServerHostname(String v) {
        return new StreamOptions(limit, ssl, v, sslHandshakeTimeout, sslShutdownTimeout, backlog, reuseAddress, reusePort, startServing);
    }

    /** @param v seconds @return a copy */
    public StreamOptions withSslHandshakeTimeout(double v) {
        return new StreamOptions(limit, ssl, serverHostname, v, sslShutdownTimeout, backlog, reuseAddress, reusePort, startServing);
    }

    /** @param v seconds @return a copy */
    public StreamOptions withSslShutdownTimeout(double v) {
        return new StreamOptions(limit, ssl, serverHostname, sslHandshakeTimeout, v, backlog, reuseAddress, reusePort, startServing);
    }

    /** @param v the listen backlog @return a copy */
    public StreamOptions withBacklog(int v) {
        return new StreamOptions(limit, ssl, serverHostname, sslHandshakeTimeout, sslShutdownTimeout, v, reuseAddress, reusePort, startServing);
    }

    /** @param v SO_REUSEADDR @return a copy */
    public StreamOptions withReuseAddress(boolean v) {
        return new StreamOptions(limit, ssl, serverHostname, sslHandshakeTimeout, sslShutdownTimeout, backlog, v, reusePort, startServing);
    }

    /** @param v SO_REUSEPORT @return a copy */
    public StreamOptions withReusePort(boolean v) {
        return new StreamOptions(limit, ssl, serverHostname, sslHandshakeTimeout, sslShutdownTimeout, backlog, reuseAddress, v, startServing);
    }

    /** @param v accept at once @return a copy */
    public StreamOptions withStartServing(boolean v) {
        return new StreamOptions(limit, ssl, serverHostname, sslHandshakeTimeout, sslShutdownTimeout, backlog, reuseAddress, reusePort, v);
    }
}
