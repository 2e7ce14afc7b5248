@file:JvmName("KotlinStreams")

package org.asyncio4j.kotlin

import kotlinx.coroutines.CoroutineScope
import org.asyncio4j.AsyncProcess
import org.asyncio4j.Connection
import org.asyncio4j.ProcessOutput
import org.asyncio4j.SubprocessOptions
import org.asyncio4j.Server
import org.asyncio4j.StreamOptions
import org.asyncio4j.StreamReader
import org.asyncio4j.StreamWriter
import org.asyncio4j.impl.streams.HandlerStarter
import org.asyncio4j.impl.streams.ServerImpl
import org.asyncio4j.impl.streams.StreamReaderImpl
import org.asyncio4j.impl.streams.StreamWriterImpl
import org.asyncio4j.impl.streams.Streams
import org.asyncio4j.impl.EventLoopImpl
import org.asyncio4j.impl.SuspendTask
import org.asyncio4j.impl.runningLoop
import org.asyncio4j.impl.subprocess.AsyncProcessImpl
import org.asyncio4j.impl.subprocess.Subprocesses
import javax.net.ssl.SSLContext

/*
 * The Kotlin API of streams: the same algorithms as the Java facade, called as suspend functions.
 * Members of the interfaces that await get a `co` prefix here (`reader.coReadline()`, `writer.coDrain()`).
 */

/** Python's `asyncio.open_connection(host, port, ...)`. */
suspend fun openConnection(host: String?, port: Int, options: StreamOptions = StreamOptions.defaults()): Connection =
    Streams.openConnection(runningLoop(), host, port, options)

/** Python's `asyncio.open_unix_connection(path, ...)`. */
suspend fun openUnixConnection(path: String, options: StreamOptions = StreamOptions.defaults()): Connection =
    Streams.openUnixConnection(runningLoop(), path, options)

/** Python's `asyncio.start_server(handler, host, port, ...)`: [handler] runs as a Kotlin task per connection. */
suspend fun startServer(
    host: String?,
    port: Int,
    options: StreamOptions = StreamOptions.defaults(),
    handler: suspend CoroutineScope.(StreamReader, StreamWriter) -> Unit,
): Server {
    val loop = runningLoop()
    return Streams.startServer(loop, kotlinHandler(loop, handler), host, port, options)
}

/** Python's `asyncio.start_unix_server(handler, path, ...)`. */
suspend fun startUnixServer(
    path: String,
    options: StreamOptions = StreamOptions.defaults(),
    handler: suspend CoroutineScope.(StreamReader, StreamWriter) -> Unit,
): Server {
    val loop = runningLoop()
    return Streams.startUnixServer(loop, kotlinHandler(loop, handler), path, options)
}

private fun kotlinHandler(loop: EventLoopImpl, handler: suspend CoroutineScope.(StreamReader, StreamWriter) -> Unit): HandlerStarter =
    { r, w -> SuspendTask(loop, { handler(r, w) }, null) }

/** `val (reader, writer) = openConnection(...)`. */
operator fun Connection.component1(): StreamReader = reader()

/** `val (reader, writer) = openConnection(...)`. */
operator fun Connection.component2(): StreamWriter = writer()

private fun StreamReader.impl() = this as? StreamReaderImpl ?: error("not an asyncio4j stream reader: $this")

private fun StreamWriter.impl() = this as? StreamWriterImpl ?: error("not an asyncio4j stream writer: $this")

/** `await reader.read(n)`; n < 0 reads to the end. */
suspend fun StreamReader.coRead(n: Int = -1): ByteArray = impl().coRead(n)

/** `await reader.readline()`. */
suspend fun StreamReader.coReadline(): ByteArray = impl().coReadline()

/** `await reader.readexactly(n)`. */
suspend fun StreamReader.coReadexactly(n: Int): ByteArray = impl().coReadexactly(n)

/** `await reader.readuntil(separator)`. */
suspend fun StreamReader.coReaduntil(separator: ByteArray = byteArrayOf('\n'.code.toByte())): ByteArray =
    impl().coReaduntil(listOf(separator))

/** `async for line in reader`: calls [action] with each line until the end of the stream. */
suspend fun StreamReader.forEachLine(action: suspend (ByteArray) -> Unit) {
    while (true) {
        val line = coReadline()
        if (line.isEmpty()) return
        action(line)
    }
}

/** `await writer.drain()`. */
suspend fun StreamWriter.coDrain() = impl().coDrain()

/** `await writer.wait_closed()`. */
suspend fun StreamWriter.coWaitClosed() = impl().coWaitClosed()

/** `await writer.start_tls(sslcontext, server_hostname=..., ...)`. */
suspend fun StreamWriter.coStartTls(
    context: SSLContext,
    serverHostname: String? = null,
    sslHandshakeTimeout: Double? = null,
    sslShutdownTimeout: Double? = null,
) = impl().coStartTls(context, serverHostname, sslHandshakeTimeout, sslShutdownTimeout)

private fun Server.impl() = this as? ServerImpl ?: error("not an asyncio4j server: $this")

/** `await server.serve_forever()`. */
suspend fun Server.coServeForever() = impl().coServeForever()

/** `await server.wait_closed()`. */
suspend fun Server.coWaitClosed() = impl().coWaitClosed()

/** `await server.start_serving()`. */
suspend fun Server.coStartServing() = impl().coStartServing()

/** Python's `asyncio.create_subprocess_exec(*command, ...)`. */
fun createSubprocessExec(vararg command: String, options: SubprocessOptions = SubprocessOptions.defaults()): AsyncProcess =
    Subprocesses.createSubprocessExec(command.toList(), options)

/** Python's `asyncio.create_subprocess_shell(cmd, ...)`. */
fun createSubprocessShell(cmd: String, options: SubprocessOptions = SubprocessOptions.defaults()): AsyncProcess =
    Subprocesses.createSubprocessShell(cmd, options)

private fun AsyncProcess.impl() = this as? AsyncProcessImpl ?: error("not an asyncio4j process: $this")

/** `await proc.wait()`. */
suspend fun AsyncProcess.coWait(): Int = impl().coWait()

/** `await proc.communicate(input)`. */
suspend fun AsyncProcess.coCommunicate(input: ByteArray? = null): ProcessOutput = impl().coCommunicate(input)
