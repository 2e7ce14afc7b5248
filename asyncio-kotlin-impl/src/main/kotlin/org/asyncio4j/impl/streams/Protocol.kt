package org.asyncio4j.impl.streams

import java.nio.ByteBuffer

/**
 * What a transport calls: Python's `asyncio.Protocol` (internal; users see streams). All calls come on the
 * loop's thread.
 */
internal interface Protocol {
    fun connectionMade(transport: TransportBase)

    /** Incoming bytes: [data] is only valid during the call (the protocol copies what it keeps). */
    fun dataReceived(data: ByteBuffer)

    /** The peer closed its write side. @return true to keep the connection open for writing */
    fun eofReceived(): Boolean

    /** The connection is closed: [exc] is null for a normal close or end of stream. */
    fun connectionLost(exc: Throwable?)

    /** The transport's write buffer went above its high-water mark. */
    fun pauseWriting()

    /** The transport's write buffer drained to its low-water mark. */
    fun resumeWriting()
}
