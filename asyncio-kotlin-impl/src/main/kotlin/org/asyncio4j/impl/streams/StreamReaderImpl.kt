package org.asyncio4j.impl.streams

import org.asyncio4j.AsyncIterator
import org.asyncio4j.IncompleteReadError
import org.asyncio4j.LimitOverrunError
import org.asyncio4j.StopAsyncIteration
import org.asyncio4j.StreamReader
import org.asyncio4j.Transport
import org.asyncio4j.impl.EventLoopImpl
import org.asyncio4j.impl.FutureImpl
import org.asyncio4j.impl.awaitFuture
import org.asyncio4j.impl.runInBody
import java.io.ByteArrayOutputStream
import java.nio.ByteBuffer

/**
 * Python's `asyncio.StreamReader`. The algorithms are the `co*` suspend functions (CPython's streams.py);
 * the Java methods run them in the calling body, with a shortcut when the data is already buffered.
 */
internal class StreamReaderImpl(@JvmField val loop: EventLoopImpl, private val limit: Int) : StreamReader {
    private val buffer = ByteQueue()
    private var eof = false
    private var waiter: FutureImpl<Unit>? = null
    private var exc: Throwable? = null
    private var transport: Transport? = null
    private var paused = false
    /** Flow control off: the reader keeps everything (a process's communicate(), which collects it all anyway). */
    internal var unbounded = false
        set(value) {
            field = value
            if (value) maybeResumeTransport()
        }

    init {
        require(limit > 0) { "Limit cannot be <= 0" }
    }

    override fun limit(): Int = limit

    override fun exception(): Throwable? = exc

    override fun setException(exception: Throwable) {
        exc = exception
        val w = waiter ?: return
        waiter = null
        if (!w.isDone) w.completeWithException(exception)
    }

    private fun wakeupWaiter() {
        val w = waiter ?: return
        waiter = null
        if (!w.isDone) w.completeWithResult(Unit)
    }

    fun setTransport(t: Transport) {
        check(transport == null) { "Transport already set" }
        transport = t
    }

    private fun maybeResumeTransport() {
        if (paused && (buffer.size <= limit || unbounded)) {
            paused = false
            transport!!.resumeReading()
        }
    }

    override fun feedEof() {
        eof = true
        wakeupWaiter()
    }

    override fun atEof(): Boolean = eof && buffer.isEmpty()

    override fun feedData(data: ByteArray) = feedData(ByteBuffer.wrap(data))

    fun feedData(data: ByteBuffer) {
        check(!eof) { "feed_data after feed_eof" }
        if (!data.hasRemaining()) return
        buffer.append(data)
        wakeupWaiter()
        val t = transport
        if (t != null && !paused && !unbounded && buffer.size > 2 * limit) {
            t.pauseReading()
            paused = true
        }
    }

    /**
     * Starts a wait for data (CPython's `_wait_for_data` up to its await): resumes a paused transport first (else:
     * deadlock) and returns the future that the next data or the end of the stream completes. The caller awaits
     * it, then clears [waiter] whatever the outcome.
     */
    private fun newWaiter(funcName: String): FutureImpl<Unit> {
        check(waiter == null) { "$funcName() called while another coroutine is already waiting for incoming data" }
        check(!eof) { "_wait_for_data after EOF" }
        if (paused) {
            paused = false
            transport!!.resumeReading()
        }
        val w = FutureImpl<Unit>(loop)
        waiter = w
        return w
    }

    /** Waits until data or the end of the stream is fed. */
    private suspend fun waitForData(funcName: String) {
        val w = newWaiter(funcName)
        try {
            awaitFuture(w)
        } finally {
            waiter = null
        }
    }

    /**
     * [waitForData] in a Java body, as its blocking-style await: what [runInBody] would do, without its suspend
     * machinery (a few objects and frames per wait), for the reads that wait once per message.
     */
    private fun waitForDataInBody(funcName: String) {
        val w = newWaiter(funcName)
        try {
            w.await()
        } finally {
            waiter = null
        }
    }

    // ---- readline / readuntil ---------------------------------------------------------------------

    suspend fun coReadline(): ByteArray {
        try {
            return coReaduntil(NEWLINE)
        } catch (e: IncompleteReadError) {
            return e.partial()
        } catch (e: LimitOverrunError) {
            if (buffer.startsWith(NEWLINE[0], e.consumed())) buffer.discard(e.consumed() + 1) else buffer.clear()
            maybeResumeTransport()
            throw IllegalArgumentException(e.message)
        }
    }

    suspend fun coReaduntil(separators: List<ByteArray>): ByteArray {
        require(separators.isNotEmpty()) { "Separator should contain at least one element" }
        val seps = separators.sortedBy { it.size }
        val minLen = seps.first().size
        val maxLen = seps.last().size
        require(minLen > 0) { "Separator should be at least one-byte string" }
        exc?.let { throw it }
        // `offset`: the front of the buffer known to hold no separator.
        var offset = 0
        var matchStart = -1
        var matchEnd = -1
        while (true) {
            val buflen = buffer.size
            if (buflen - offset >= minLen) {
                for (sep in seps) {
                    val i = buffer.indexOf(sep, offset)
                    if (i != -1) {
                        val end = i + sep.size
                        if (matchEnd == -1 || end < matchEnd) {
                            matchEnd = end
                            matchStart = i
                        }
                    }
                }
                if (matchEnd != -1) break
                offset = maxOf(0, buflen + 1 - maxLen)
                if (offset > limit) throw LimitOverrunError("Separator is not found, and chunk exceed the limit", offset)
            }
            // A complete separator may have arrived with the last chunk: EOF is checked after the search.
            if (eof) throw IncompleteReadError(buffer.take(buffer.size), null)
            waitForData("readuntil")
        }
        if (matchStart > limit) throw LimitOverrunError("Separator is found, but chunk is longer than limit", matchStart)
        val chunk = buffer.take(matchEnd)
        maybeResumeTransport()
        return chunk
    }

    // ---- read / readexactly -----------------------------------------------------------------------

    // The algorithms of read(n > 0) and readexactly are inline functions that take the wait for data as a parameter:
    // written once, instantiated for suspend code ([waitForData]) and for Java bodies ([waitForDataInBody]).

    suspend fun coRead(n: Int): ByteArray {
        if (n < 0) {
            exc?.let { throw it }
            // Read limit-sized blocks until EOF, so that a paused transport is resumed in between.
            val all = ByteArrayOutputStream()
            while (true) {
                val block = coRead(limit)
                if (block.isEmpty()) break
                all.write(block)
            }
            return all.toByteArray()
        }
        return readUpTo(n) { waitForData(it) }
    }

    /** `read(n)` for n >= 0: at most [n] bytes, waiting for data only when none is buffered. */
    private inline fun readUpTo(n: Int, waitForData: (funcName: String) -> Unit): ByteArray {
        exc?.let { throw it }
        if (n == 0) return EMPTY
        if (buffer.isEmpty() && !eof) waitForData("read")
        val data = buffer.take(minOf(n, buffer.size))
        maybeResumeTransport()
        return data
    }

    suspend fun coReadexactly(n: Int): ByteArray = readExactly(n) { waitForData(it) }

    private inline fun readExactly(n: Int, waitForData: (funcName: String) -> Unit): ByteArray {
        require(n >= 0) { "readexactly size can not be less than zero" }
        exc?.let { throw it }
        if (n == 0) return EMPTY
        while (buffer.size < n) {
            if (eof) throw IncompleteReadError(buffer.take(buffer.size), n)
            waitForData("readexactly")
        }
        val data = buffer.take(n)
        maybeResumeTransport()
        return data
    }

    // ---- Java bodies: the algorithms above, awaiting in blocking style ----------------------------------

    override fun read(n: Int): ByteArray = if (n < 0) runInBody { coRead(n) } else readUpTo(n) { waitForDataInBody(it) }

    override fun read(): ByteArray = runInBody { coRead(-1) }

    override fun readline(): ByteArray = runInBody { coReadline() }

    override fun readexactly(n: Int): ByteArray = readExactly(n) { waitForDataInBody(it) }

    override fun readuntil(separator: ByteArray): ByteArray = runInBody { coReaduntil(listOf(separator)) }

    override fun readuntil(separators: List<ByteArray>): ByteArray = runInBody { coReaduntil(separators) }

    /** `async for line in reader`: lines until an empty read. */
    override fun aiter(): AsyncIterator<ByteArray> = AsyncIterator {
        val line = readline()
        if (line.isEmpty()) throw StopAsyncIteration()
        line
    }

    override fun toString(): String = buildString {
        append("<StreamReader")
        if (!buffer.isEmpty()) append(" ${buffer.size} bytes")
        if (eof) append(" eof")
        if (limit != StreamReader.DEFAULT_LIMIT) append(" limit=$limit")
        if (waiter != null) append(" waiter")
        if (exc != null) append(" exception=$exc")
        if (paused) append(" paused")
        append(">")
    }

    private companion object {
        val EMPTY = ByteArray(0)
        val NEWLINE = listOf(byteArrayOf('\n'.code.toByte()))
    }
}
