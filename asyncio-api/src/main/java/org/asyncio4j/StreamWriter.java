package org.asyncio4j;

import javax.net.ssl.SSLContext;

/**
 * Writes to a connection or pipe: Python's {@code asyncio.StreamWriter}. {@link #write} never blocks;
 * {@link #drain()} is the back-pressure point: it suspends the writer while the transport's buffer is above
 * its high-water mark, so a writer to a slow peer waits instead of buffering without bound. Loop thread only.
 */
public interface StreamWriter {
    /** @return the underlying transport */
    Transport transport();

    /** @param data bytes to send (copied if they cannot be sent at once) */
    void write(byte[] data);

    /** @param data buffers to send, in order */
    void writelines(Iterable<byte[]> data);

    /**
     * Waits until the write buffer is back to its low-water mark: Python's {@code await writer.drain()}.
     * Returns at once if the buffer is not above the high-water mark.
     *
     * @throws ConnectionResetError if the connection was lost
     * @throws CancelledError if the waiting task is cancelled (the buffered data stays buffered)
     */
    void drain();

    /** @return true if {@link #writeEof()} is supported */
    boolean canWriteEof();

    /** Half-closes: no more writes; the peer reads the end of the stream. */
    void writeEof();

    /** Closes the stream once buffered data is sent (does not wait: see {@link #waitClosed()}). */
    void close();

    /** @return true once closing or closed */
    boolean isClosing();

    /**
     * Waits until the connection is closed: Python's {@code await writer.wait_closed()}.
     *
     * @throws java.io.UncheckedIOException the error the connection was lost with, if any (e.g. {@link ConnectionResetError})
     */
    void waitClosed();

    /**
     * @param name a key (see {@link Transport#getExtraInfo})
     * @return the value, or null
     */
    Object getExtraInfo(String name);

    /**
     * Upgrades the connection to TLS: Python's {@code await writer.start_tls(sslcontext)}. The side (client or
     * server) is the side of this stream; a client checks the server's name given to the connection.
     *
     * @param sslContext the TLS configuration
     * @throws SSLError if the handshake fails
     */
    void startTls(SSLContext sslContext);

    /**
     * As {@link #startTls(SSLContext)}.
     *
     * @param sslContext the TLS configuration
     * @param serverHostname the name the client checks in the server's certificate (null: the host connected
     *        to; empty: no check)
     * @param sslHandshakeTimeout seconds, or null for 60
     * @param sslShutdownTimeout seconds, or null for 30
     */
    void startTls(SSLContext sslContext, String serverHostname, Double sslHandshakeTimeout, Double sslShutdownTimeout);
}
