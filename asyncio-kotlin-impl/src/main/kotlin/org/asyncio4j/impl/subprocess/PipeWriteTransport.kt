package org.asyncio4j.impl.subprocess

import org.asyncio4j.BrokenPipeError
import org.asyncio4j.impl.EventLoopImpl
import org.asyncio4j.impl.streams.Protocol
import org.asyncio4j.impl.streams.TransportBase
import java.io.IOException
import java.io.OutputStream
import java.nio.ByteBuffer
import java.util.concurrent.LinkedBlockingQueue

/**
 * The write end of a child's stdin. A virtual thread writes the queued chunks to the (blocking) JDK pipe and
 * reports each one written, so the write buffer — and `drain()` — follow what the child actually consumed.
 * Closing writes what is queued first; a pipe has `write_eof` as its close.
 */
internal class PipeWriteTransport(
    loop: EventLoopImpl,
    private val output: OutputStream,
    override var protocol: Protocol,
    name: String,
) : TransportBase(loop, 64L * 1024) {
    private val queue = LinkedBlockingQueue<ByteArray>()
    private var buffered = 0L
    private var closing = false
    private var lost = false
    private var lostWrites = 0

    init {
        Thread.ofVirtual().name(name).start(::pump)
    }

    private fun pump() {
        var failure: IOException? = null
        while (true) {
            val chunk = queue.take()
            if (chunk === CLOSE) break
            try {
                output.write(chunk)
                output.flush()
            } catch (e: IOException) {
                failure = e
                break
            }
            loop.post { written(chunk.size) }
        }
        queue.clear()
        try {
            output.close()
        } catch (e: IOException) {
            if (failure == null) failure = e
        }
        // A pipe write fails only when the child's end is gone (the JDK also closes the stream at exit).
        val error = failure
        loop.post { connectionLost(if (error == null) null else BrokenPipeError(error.message ?: "Broken pipe", error)) }
    }

    private fun written(n: Int) {
        if (lost) return
        buffered -= n
        maybeResumeProtocol()
    }

    private fun connectionLost(exc: Throwable?) {
        if (lost) return
        lost = true
        closing = true
        buffered = 0
        protocol.connectionLost(exc)
    }

    override fun writeBuffer(data: ByteBuffer) {
        if (!data.hasRemaining()) return
        if (lost || closing) {
            if (++lostWrites >= LOG_THRESHOLD_FOR_CONNLOST_WRITES) EventLoopImpl.LOG.log(System.Logger.Level.WARNING, "pipe closed by peer or os.write(pipe, data) raised exception.")
            return
        }
        val chunk = ByteArray(data.remaining())
        data.get(chunk)
        buffered += chunk.size
        queue.put(chunk)
        maybePauseProtocol()
    }

    override fun getWriteBufferSize(): Long = buffered

    override fun canWriteEof(): Boolean = true

    override fun writeEof() = close()

    override fun close() {
        if (closing) return
        closing = true
        queue.put(CLOSE)
    }

    /** Drops what is queued; a write already under way ends when the child reads or exits. */
    override fun abort() {
        closing = true
        queue.clear()
        queue.put(CLOSE)
    }

    override fun isClosing(): Boolean = closing

    override fun pauseReading() = throw UnsupportedOperationException("a write pipe does not read")

    override fun resumeReading() = throw UnsupportedOperationException("a write pipe does not read")

    override fun isReading(): Boolean = false

    private companion object {
        val CLOSE = ByteArray(0)
        const val LOG_THRESHOLD_FOR_CONNLOST_WRITES = 5
    }
}
