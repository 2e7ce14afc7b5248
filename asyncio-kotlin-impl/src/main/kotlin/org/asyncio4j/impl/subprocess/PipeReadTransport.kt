package org.asyncio4j.impl.subprocess

import org.asyncio4j.impl.EventLoopImpl
import org.asyncio4j.impl.streams.Protocol
import org.asyncio4j.impl.streams.TransportBase
import org.asyncio4j.impl.streams.osError
import java.io.IOException
import java.io.InputStream
import java.nio.ByteBuffer
import java.util.concurrent.locks.ReentrantLock
import kotlin.concurrent.withLock

/**
 * The read end of a child's stdout or stderr. A JDK process pipe is not selectable, so a virtual thread
 * reads it and hands each chunk to the loop. Flow control: the thread stops reading while the reader has
 * paused the transport, and while [MAX_IN_FLIGHT] chunks are on their way to the loop; the child then blocks
 * on a full pipe, as with a selector-driven pipe.
 */
internal class PipeReadTransport(
    loop: EventLoopImpl,
    private val input: InputStream,
    override var protocol: Protocol,
    name: String,
) : TransportBase(loop, 0) {
    private val lock = ReentrantLock()
    private val ready = lock.newCondition()
    private var paused = false
    private var inFlight = 0
    private var stopped = false
    private var closing = false

    init {
        Thread.ofVirtual().name(name).start(::pump)
    }

    /** The pipe thread: read, hand over, repeat until the end of the stream, an error or [close]. */
    private fun pump() {
        val buf = ByteArray(CHUNK)
        var failure: IOException? = null
        try {
            while (true) {
                lock.withLock {
                    while ((paused || inFlight >= MAX_IN_FLIGHT) && !stopped) ready.await()
                }
                if (lock.withLock { stopped }) break
                val n = input.read(buf)
                if (n < 0) break
                val chunk = buf.copyOf(n)
                lock.withLock { inFlight++ }
                loop.post {
                    lock.withLock {
                        inFlight--
                        ready.signal()
                    }
                    if (!closing) protocol.dataReceived(ByteBuffer.wrap(chunk))
                }
            }
        } catch (e: IOException) {
            failure = e
        }
        try {
            input.close()
        } catch (ignored: IOException) {
            // The pipe is finished either way.
        }
        loop.post { protocol.connectionLost(if (closing || failure == null) null else osError(failure)) }
    }

    override fun pauseReading() {
        lock.withLock { paused = true }
    }

    override fun resumeReading() {
        lock.withLock {
            paused = false
            ready.signal()
        }
    }

    override fun isReading(): Boolean = !closing && lock.withLock { !paused }

    /** Stops reading: the thread ends and the protocol learns the pipe is closed. */
    override fun close() {
        if (closing) return
        closing = true
        lock.withLock {
            stopped = true
            ready.signal()
        }
        try {
            input.close()
        } catch (ignored: IOException) {
            // Unblocks the thread's read; an error here changes nothing.
        }
    }

    override fun abort() = close()

    override fun isClosing(): Boolean = closing

    override fun writeBuffer(data: ByteBuffer) = throw UnsupportedOperationException("a read pipe cannot be written to")

    override fun canWriteEof(): Boolean = false

    override fun writeEof() = throw UnsupportedOperationException("a read pipe cannot be written to")

    override fun getWriteBufferSize(): Long = 0

    private companion object {
        const val CHUNK = 64 * 1024
        const val MAX_IN_FLIGHT = 4
    }
}
