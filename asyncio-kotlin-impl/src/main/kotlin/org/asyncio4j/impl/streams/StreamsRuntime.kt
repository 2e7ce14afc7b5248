package org.asyncio4j.impl.streams

import org.asyncio4j.ClientConnectedHandler
import org.asyncio4j.Connection
import org.asyncio4j.Coroutine
import org.asyncio4j.Server
import org.asyncio4j.StreamOptions
import org.asyncio4j.StreamReader
import org.asyncio4j.impl.EventLoopImpl
import org.asyncio4j.impl.runInBody
import org.asyncio4j.impl.runningLoop

/** The streams functions of the `Asyncio` facade: the suspend algorithms of [Streams], run in the calling Java body. */
object StreamsRuntime {
    @JvmStatic
    fun openConnection(host: String?, port: Int, options: StreamOptions): Connection =
        runInBody { Streams.openConnection(runningLoop(), host, port, options) }

    @JvmStatic
    fun openUnixConnection(path: String, options: StreamOptions): Connection =
        runInBody { Streams.openUnixConnection(runningLoop(), path, options) }

    @JvmStatic
    fun startServer(handler: ClientConnectedHandler, host: String?, port: Int, options: StreamOptions): Server {
        val loop = runningLoop()
        return runInBody { Streams.startServer(loop, javaHandler(loop, handler), host, port, options) }
    }

    @JvmStatic
    fun startUnixServer(handler: ClientConnectedHandler, path: String, options: StreamOptions): Server {
        val loop = runningLoop()
        return runInBody { Streams.startUnixServer(loop, javaHandler(loop, handler), path, options) }
    }

    /** Python's `StreamReader(limit)`, bound to the running loop. */
    @JvmStatic
    fun newStreamReader(limit: Int): StreamReader = StreamReaderImpl(runningLoop(), limit)

    private fun javaHandler(loop: EventLoopImpl, handler: ClientConnectedHandler): HandlerStarter = { r, w ->
        loop.createTask(Coroutine<Any?> { handler.handle(r, w); null })
    }
}
