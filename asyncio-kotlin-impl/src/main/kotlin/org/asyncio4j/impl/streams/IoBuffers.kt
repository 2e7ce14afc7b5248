package org.asyncio4j.impl.streams

import java.nio.ByteBuffer

/**
 * Direct buffers shared by all the transports of one loop (one callback runs at a time): every socket read
 * lands in [read] and is handed to the protocol, which copies what it keeps; heap data is staged in [write]
 * on its way to the socket. So a connection costs no direct memory of its own.
 */
internal class IoBuffers {
    val read: ByteBuffer = ByteBuffer.allocateDirect(SIZE)
    val write: ByteBuffer = ByteBuffer.allocateDirect(SIZE)

    private companion object {
        /** CPython's `max_size` of a socket read. */
        const val SIZE = 256 * 1024
    }
}
