package org.asyncio4j.impl.subprocess

import org.asyncio4j.AsyncProcess
import org.asyncio4j.BrokenPipeError
import org.asyncio4j.ConnectionResetError
import org.asyncio4j.ProcessLookupError
import org.asyncio4j.ProcessOutput
import org.asyncio4j.StreamReader
import org.asyncio4j.StreamWriter
import org.asyncio4j.impl.EventLoopImpl
import org.asyncio4j.impl.FutureImpl
import org.asyncio4j.impl.awaitFuture
import org.asyncio4j.impl.runInBody
import org.asyncio4j.impl.streams.FlowControl
import org.asyncio4j.impl.streams.Protocol
import org.asyncio4j.impl.streams.StreamReaderImpl
import org.asyncio4j.impl.streams.StreamWriterImpl
import org.asyncio4j.impl.streams.TransportBase
import java.nio.ByteBuffer
import java.util.concurrent.TimeUnit

/**
 * Python's `asyncio.subprocess.Process` with its transport and protocol (base_subprocess.py and
 * subprocess.py): the piped streams, the exit status, and `wait()`, which (as CPython) returns once the
 * process has exited and every pipe is closed.
 */
internal class AsyncProcessImpl(
    private val loop: EventLoopImpl,
    private val process: Process,
    pipeStdin: Boolean,
    pipeStdout: Boolean,
    pipeStderr: Boolean,
    limit: Int,
) : AsyncProcess {
    private val pid = process.pid()
    private var returncode: Int? = null
    private var openPipes = 0
    private var finished = false
    private val exitWaiters = ArrayList<FutureImpl<Int>>()

    private val stdinTransport: PipeWriteTransport?
    private val stdin: StreamWriterImpl?
    private val stdoutTransport: PipeReadTransport?
    private val stdout: StreamReaderImpl?
    private val stderrTransport: PipeReadTransport?
    private val stderr: StreamReaderImpl?

    init {
        if (pipeStdin) {
            val protocol = StdinProtocol()
            stdinTransport = PipeWriteTransport(loop, process.outputStream, protocol, "asyncio4j-stdin-$pid")
            stdin = StreamWriterImpl(stdinTransport, protocol, null, loop)
            openPipes++
        } else {
            stdinTransport = null
            stdin = null
        }
        if (pipeStdout) {
            stdout = StreamReaderImpl(loop, limit)
            stdoutTransport = PipeReadTransport(loop, process.inputStream, ReaderProtocol(stdout), "asyncio4j-stdout-$pid")
            stdout.setTransport(stdoutTransport)
            openPipes++
        } else {
            stdout = null
            stdoutTransport = null
        }
        if (pipeStderr) {
            stderr = StreamReaderImpl(loop, limit)
            stderrTransport = PipeReadTransport(loop, process.errorStream, ReaderProtocol(stderr), "asyncio4j-stderr-$pid")
            stderr.setTransport(stderrTransport)
            openPipes++
        } else {
            stderr = null
            stderrTransport = null
        }
        process.onExit().thenRun { loop.post { exited(statusOf(process.exitValue())) } }
    }

    private fun exited(status: Int) {
        returncode = status
        // The child's end of stdin is gone with it: close ours (what is still queued fails with a broken pipe).
        stdinTransport?.close()
        tryFinish()
    }

    private fun pipeClosed() {
        openPipes--
        tryFinish()
    }

    private fun tryFinish() {
        val code = returncode ?: return
        if (openPipes > 0 || finished) return
        finished = true
        for (w in exitWaiters) if (!w.isDone) w.completeWithResult(code)
        exitWaiters.clear()
    }

    override fun pid(): Long = pid

    override fun returncode(): Int? = returncode

    override fun stdin(): StreamWriter? = stdin

    override fun stdout(): StreamReader? = stdout

    override fun stderr(): StreamReader? = stderr

    suspend fun coWait(): Int {
        returncode?.let { return it }
        val w = FutureImpl<Int>(loop)
        exitWaiters.add(w)
        return awaitFuture(w)
    }

    override fun waitFor(): Int = returncode ?: runInBody { coWait() }

    /**
     * The readers keep everything while communicating (the result is all in memory anyway), so the child is
     * never blocked on a full stdout or stderr pipe while stdin is fed: no deadlock, whatever the sizes.
     */
    suspend fun coCommunicate(input: ByteArray?): ProcessOutput {
        stdout?.unbounded = true
        stderr?.unbounded = true
        val w = stdin
        if (w != null) {
            try {
                if (input != null) w.write(input)
                w.coDrain()
            } catch (e: BrokenPipeError) {
                // As CPython: a child that does not read all its input is not an error here.
            } catch (e: ConnectionResetError) {
                // Same: the pipe was closed by the child's exit.
            }
            w.close()
        }
        val out = stdout?.coRead(-1)
        stdoutTransport?.close()
        val err = stderr?.coRead(-1)
        stderrTransport?.close()
        coWait()
        return ProcessOutput(out, err)
    }

    override fun communicate(input: ByteArray?): ProcessOutput = runInBody { coCommunicate(input) }

    override fun communicate(): ProcessOutput = communicate(null)

    override fun sendSignal(signal: Int) {
        loop.checkThread("sendSignal")
        if (finished) throw ProcessLookupError("process $pid has been waited for")
        if (returncode != null || !process.isAlive) return
        when (signal) {
            SIGTERM -> process.destroy()
            SIGKILL -> process.destroyForcibly()
            else -> {
                val kill = ProcessBuilder("kill", "-$signal", pid.toString()).redirectErrorStream(true).start()
                kill.inputStream.readAllBytes()
                kill.waitFor(10, TimeUnit.SECONDS)
            }
        }
    }

    override fun terminate() = sendSignal(SIGTERM)

    override fun kill() = sendSignal(SIGKILL)

    override fun toString(): String = "<AsyncProcess $pid>"

    /** Feeds a reader from a pipe; its end (or error) closes the pipe for the process. */
    private inner class ReaderProtocol(private val reader: StreamReaderImpl) : Protocol {
        override fun connectionMade(transport: TransportBase) {}

        override fun dataReceived(data: ByteBuffer) = reader.feedData(data)

        override fun eofReceived(): Boolean = false

        override fun connectionLost(exc: Throwable?) {
            if (exc == null) reader.feedEof() else reader.setException(exc)
            pipeClosed()
        }

        override fun pauseWriting() {}

        override fun resumeWriting() {}
    }

    /** The flow control of stdin's writer; its close is `stdin.wait_closed()`. */
    private inner class StdinProtocol : FlowControl(loop) {
        override fun connectionMade(transport: TransportBase) {}

        override fun dataReceived(data: ByteBuffer) {}

        override fun eofReceived(): Boolean = false

        override fun connectionLost(exc: Throwable?) {
            super.connectionLost(exc)
            pipeClosed()
        }
    }

    companion object {
        const val SIGKILL = 9
        const val SIGTERM = 15

        /**
         * The JDK reports a death by signal N as exit status 128 + N; Python reports -N. Statuses 129..192 are
         * taken as signals (a child can also exit with such a status itself: see docs/design.md).
         */
        fun statusOf(exitValue: Int): Int = if (exitValue in 129..192) -(exitValue - 128) else exitValue
    }
}
