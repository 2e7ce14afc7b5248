package org.asyncio4j.impl.streams

import org.asyncio4j.Transport
import org.asyncio4j.impl.EventLoopImpl
import java.nio.ByteBuffer

/**
 * What every transport shares: the extra-info map and the write flow control of CPython's
 * `_FlowControlMixin` (the protocol is paused once the buffer is above the high-water mark and resumed once
 * it is at or below the low-water mark).
 */
internal abstract class TransportBase(@JvmField val loop: EventLoopImpl, private val defaultHigh: Long) : Transport {
    abstract var protocol: Protocol
    @JvmField val extra = HashMap<String, Any?>()
    private var protocolPaused = false
    private var highWater = defaultHigh
    private var lowWater = defaultHigh / 4

    /** Writes (or buffers) the remaining bytes of [data], consuming them. */
    abstract fun writeBuffer(data: ByteBuffer)

    override fun write(data: ByteArray) = writeBuffer(ByteBuffer.wrap(data))

    override fun write(data: ByteArray, offset: Int, length: Int) = writeBuffer(ByteBuffer.wrap(data, offset, length))

    override fun writelines(data: Iterable<ByteArray>) {
        for (d in data) write(d)
    }

    override fun getExtraInfo(name: String): Any? = extra[name]

    internal fun maybePauseProtocol() {
        if (getWriteBufferSize() <= highWater || protocolPaused) return
        protocolPaused = true
        try {
            protocol.pauseWriting()
        } catch (e: Exception) {
            loop.callExceptionHandler(linkedMapOf("message" to "protocol.pause_writing() failed", "exception" to e, "transport" to this))
        }
    }

    internal fun maybeResumeProtocol() {
        if (!protocolPaused || getWriteBufferSize() > lowWater) return
        protocolPaused = false
        try {
            protocol.resumeWriting()
        } catch (e: Exception) {
            loop.callExceptionHandler(linkedMapOf("message" to "protocol.resume_writing() failed", "exception" to e, "transport" to this))
        }
    }

    override fun setWriteBufferLimits(high: Long, low: Long) {
        val h = when {
            high >= 0 -> high
            low >= 0 -> 4 * low
            else -> defaultHigh
        }
        val l = if (low >= 0) low else h / 4
        require(h >= l && l >= 0) { "high ($h) must be >= low ($l) must be >= 0" }
        highWater = h
        lowWater = l
        maybePauseProtocol()
    }

    override fun getWriteBufferLimits(): LongArray = longArrayOf(lowWater, highWater)

    override fun toString(): String = "<${javaClass.simpleName}${if (isClosing) " closing" else ""}>"
}
