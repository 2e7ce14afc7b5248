package org.asyncio4j;

import java.util.List;

/**
 * Reads from a connection or pipe: Python's {@code asyncio.StreamReader}. The read methods await (call
 * them inside a coroutine body; Kotlin: the {@code co*} extensions); at most one task may be waiting for
 * data at a time. Iterating it ({@code for (byte[] line : reader)} in a body) is {@code async for line in
 * reader}: lines until the end of the stream.
 *
 * <p>The reader buffers incoming data; once the buffer holds more than twice the limit, it pauses the
 * transport (the kernel then pushes back on the peer), and it resumes it when reads bring the buffer back
 * to the limit.
 *
 * <p>Cancellation: a read cancelled while it waits leaves the buffer as it was; nothing is lost.
 */
public interface StreamReader extends AsyncIterable<byte[]> {
    /** Python's default limit: 64 KiB. */
    int DEFAULT_LIMIT = 1 << 16;

    /**
     * Reads up to {@code n} bytes: at least one (as soon as some are buffered), or none at the end of the
     * stream. {@code n == 0} returns an empty array at once; {@code n < 0} reads until the end of the stream.
     *
     * @param n the maximum number of bytes
     * @return the bytes
     */
    byte[] read(int n);

    /** @return every byte until the end of the stream: Python's {@code read()} */
    byte[] read();

    /**
     * Reads one line, ending with {@code \n}; at the end of the stream the incomplete last line (maybe empty).
     *
     * @return the line
     * @throws IllegalArgumentException (Python's ValueError) if the line exceeds the limit; the line, or the
     *         whole buffer if no newline was found, is dropped
     */
    byte[] readline();

    /**
     * Reads exactly {@code n} bytes.
     *
     * @param n the number of bytes, not negative
     * @return the bytes
     * @throws IncompleteReadError if the stream ends first (the bytes read are its {@code partial})
     */
    byte[] readexactly(int n);

    /**
     * Reads until {@code separator} and returns the data including it.
     *
     * @param separator one or more bytes
     * @return the data
     * @throws LimitOverrunError if the separator is not found within the limit (the data stays buffered)
     * @throws IncompleteReadError if the stream ends first (the buffer is emptied into its {@code partial})
     */
    byte[] readuntil(byte[] separator);

    /**
     * As {@link #readuntil(byte[])} with several separators (Python 3.13's tuple): the shortest data ending
     * with any of them.
     *
     * @param separators one or more non-empty separators
     * @return the data
     */
    byte[] readuntil(List<byte[]> separators);

    /** @return true when the buffer is empty and the end of the stream was reached */
    boolean atEof();

    /** @return the exception the reader was failed with, or null */
    Throwable exception();

    /**
     * Adds data to the buffer (what the transport does): Python's {@code feed_data}.
     *
     * @param data the bytes (copied)
     * @throws IllegalStateException after {@link #feedEof()}
     */
    void feedData(byte[] data);

    /** Marks the end of the stream: Python's {@code feed_eof}. */
    void feedEof();

    /** @param exception what the next and pending reads throw: Python's {@code set_exception} */
    void setException(Throwable exception);

    /** @return the limit of this reader */
    int limit();
}
