package org.asyncio4j;

/**
 * A bidirectional byte stream (a connection or a pipe), as the streams layer sees it: Python's
 * {@code asyncio.Transport}. Reached through {@link StreamWriter#transport()}. Loop thread only.
 *
 * <p>Writes never block: data the peer cannot take yet is buffered, and once the buffer grows past the
 * high-water mark the writer's {@link StreamWriter#drain()} suspends until it falls to the low-water mark.
 */
public interface Transport {
    /**
     * Writes the bytes, or buffers what cannot be written now. A copy is taken: the caller may reuse the array.
     *
     * @param data the bytes
     * @throws IllegalStateException after {@link #writeEof()}
     */
    void write(byte[] data);

    /**
     * Writes a slice of the array (see {@link #write(byte[])}).
     *
     * @param data the bytes
     * @param offset first byte
     * @param length number of bytes
     */
    void write(byte[] data, int offset, int length);

    /** @param data buffers written one after the other, as {@link #write(byte[])} */
    void writelines(Iterable<byte[]> data);

    /** @return true if {@link #writeEof()} is supported (TCP, Unix sockets and pipes: yes; TLS: no) */
    boolean canWriteEof();

    /** Closes the write side once the buffered data has been sent (TCP half-close); reading goes on. */
    void writeEof();

    /** Closes the transport once the buffered data has been sent; the protocol then learns the connection is lost. */
    void close();

    /** Closes the transport at once, dropping buffered data. */
    void abort();

    /** @return true once {@link #close()} or {@link #abort()} was called or the connection was lost */
    boolean isClosing();

    /** Stops delivering incoming data until {@link #resumeReading()}. */
    void pauseReading();

    /** Resumes delivering incoming data. */
    void resumeReading();

    /** @return true if incoming data is delivered (not paused, not closing) */
    boolean isReading();

    /** @return the number of bytes buffered and not yet written */
    long getWriteBufferSize();

    /**
     * Sets the flow-control marks of the write buffer: Python's {@code set_write_buffer_limits(high, low)}.
     * A negative value takes the default (high 64 KiB, or 4 x low; low = high / 4).
     *
     * @param high above it, writers are paused
     * @param low at or below it, they resume
     */
    void setWriteBufferLimits(long high, long low);

    /** @return {@code {low, high}}, as Python's {@code get_write_buffer_limits()} */
    long[] getWriteBufferLimits();

    /**
     * Information about the connection: Python's {@code get_extra_info(name)}, with Python's keys:
     * {@code "peername"} and {@code "sockname"} ({@link java.net.SocketAddress}), {@code "socket"} (the
     * channel), and with TLS {@code "sslcontext"} ({@link javax.net.ssl.SSLContext}), {@code "ssl_object"}
     * ({@link javax.net.ssl.SSLEngine}), {@code "peercert"} (certificate array or null), {@code "cipher"}
     * (cipher suite name).
     *
     * @param name the key
     * @return the value, or null if unknown
     */
    Object getExtraInfo(String name);
}
