package org.asyncio4j.tests

import org.asyncio4j.Asyncio
import org.asyncio4j.CancelledError
import org.asyncio4j.Coroutine
import org.asyncio4j.IncompleteReadError
import org.asyncio4j.Stdio
import org.asyncio4j.SubprocessOptions
import org.asyncio4j.kotlin.coAwait
import org.asyncio4j.kotlin.coCommunicate
import org.asyncio4j.kotlin.coDrain
import org.asyncio4j.kotlin.coRead
import org.asyncio4j.kotlin.coReadexactly
import org.asyncio4j.kotlin.coReadline
import org.asyncio4j.kotlin.coReaduntil
import org.asyncio4j.kotlin.coWait
import org.asyncio4j.kotlin.coWaitClosed
import org.asyncio4j.kotlin.component1
import org.asyncio4j.kotlin.component2
import org.asyncio4j.kotlin.createSubprocessShell
import org.asyncio4j.kotlin.createSuspendTask
import org.asyncio4j.kotlin.createTask
import org.asyncio4j.kotlin.forEachLine
import org.asyncio4j.kotlin.openConnection
import org.asyncio4j.kotlin.sleep
import org.asyncio4j.kotlin.startServer
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertThrows
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import java.net.InetSocketAddress

class StreamsKotlinTest : NetTest() {

    @Test
    fun `a Kotlin server and a Kotlin client talk through the same streams`() {
        val got = loop.runUntilComplete(
            loop.createSuspendTask {
                val server = startServer(HOST, 0) { r, w ->
                    r.forEachLine { line ->
                        w.write("> ".toByteArray() + line)
                        w.coDrain()
                    }
                    w.close()
                }
                val port = (server.sockets()[0] as InetSocketAddress).port
                val (reader, writer) = openConnection(HOST, port)
                writer.write("one\ntwo\n".toByteArray())
                writer.writeEof()
                val first = String(reader.coReadline())
                val second = String(reader.coReaduntil("\n".toByteArray()))
                val e = runCatching { reader.coReadexactly(5) }.exceptionOrNull() as IncompleteReadError
                writer.close()
                writer.coWaitClosed()
                server.close()
                listOf(first, second, e.partial().size.toString())
            },
        )
        assertEquals(listOf("> one\n", "> two\n", "0"), got)
    }

    @Test
    fun `a Java body server answers a Kotlin client`() {
        val reply = runMain(
            Coroutine {
                val server = Asyncio.startServer({ r, w ->
                    w.write(r.readline())
                    w.close()
                }, HOST, 0)
                val client = createTask {
                    val (reader, writer) = openConnection(HOST, (server.sockets()[0] as InetSocketAddress).port)
                    writer.write("mixed\n".toByteArray())
                    val r = String(reader.coRead())
                    writer.close()
                    r
                }
                val r = client.await()
                server.close()
                server.waitClosed()
                r
            },
        )
        assertEquals("mixed\n", reply)
    }

    @Test
    fun `a subprocess from Kotlin communicates and reports its status`() {
        val out = loop.runUntilComplete(
            loop.createSuspendTask {
                val p = createSubprocessShell("tr a-z A-Z; exit 4", SubprocessOptions.pipes().withStderr(Stdio.DEVNULL))
                val o = p.coCommunicate("kotlin".toByteArray())
                Pair(String(o.stdout()), p.coWait())
            },
        )
        assertEquals(Pair("KOTLIN", 4), out)
    }

    @Test
    fun `cancelling a Kotlin read loses no data`() {
        val got = loop.runUntilComplete(
            loop.createSuspendTask {
                val reader = Asyncio.newStreamReader(1024)
                val waiting = createTask { reader.coReadline() }
                sleep(0.0)
                waiting.cancel()
                val e = runCatching { waiting.coAwait() }.exceptionOrNull()
                assertTrue(e is CancelledError, "the waiting read was cancelled: $e")
                reader.feedData("kept\n".toByteArray())
                String(reader.coReadline())
            },
        )
        assertEquals("kept\n", got)
    }

    @Test
    fun `awaiting streams outside a loop fails clearly`() {
        assertThrows(IllegalStateException::class.java) { Asyncio.openConnection(HOST, 1) }
    }
}
