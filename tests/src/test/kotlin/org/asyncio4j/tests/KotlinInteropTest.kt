package org.asyncio4j.tests

import kotlinx.coroutines.CompletableDeferred
import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.GlobalScope
import kotlinx.coroutines.async
import kotlinx.coroutines.awaitCancellation
import kotlinx.coroutines.delay
import kotlinx.coroutines.flow.flow
import kotlinx.coroutines.flow.toList
import kotlinx.coroutines.runBlocking
import org.asyncio4j.Asyncio
import org.asyncio4j.CancelledError
import org.asyncio4j.Coroutine
import org.asyncio4j.kotlin.asAsyncIterable
import org.asyncio4j.kotlin.asDeferred
import org.asyncio4j.kotlin.asFlow
import org.asyncio4j.kotlin.asFuture
import org.asyncio4j.kotlin.coAwait
import org.asyncio4j.kotlin.createTask
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertFalse
import org.junit.jupiter.api.Assertions.assertSame
import org.junit.jupiter.api.Assertions.assertThrows
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test

class KotlinInteropTest : LoopTest() {

    @Test
    fun `a Java task seen as a Deferred gives its result to Kotlin code`() {
        val r = runMain(
            Coroutine {
                val java = Asyncio.createTask(Coroutine { Asyncio.sleep(1.0, "java") })
                createTask { java.asDeferred().await() + "!" }.await()
            },
        )
        assertEquals("java!", r)
    }

    @Test
    fun `a Kotlin task's Deferred view is its own coroutine`() {
        runMain(
            Coroutine {
                val k = createTask { 5 }
                val d = k.asDeferred()
                assertSame(d, k.asDeferred())
                assertEquals(5, k.await())
                assertTrue(d.isCompleted)
                null
            },
        )
    }

    @Test
    fun `cancelling the Deferred view requests cancellation of the Java task, which may handle it`() {
        val trace = mutableListOf<String>()
        runMain(
            Coroutine {
                val java = Asyncio.createTask(
                    Coroutine {
                        try {
                            Asyncio.sleep(10.0)
                        } catch (e: CancelledError) {
                            trace += "body got ${e.message}"
                        }
                        "handled"
                    },
                )
                Asyncio.sleep(0.0)
                java.asDeferred().cancel(CancelledError("from kotlin"))
                trace += "task result ${java.await()}"
                null
            },
        )
        assertEquals(listOf("body got from kotlin", "task result handled"), trace)
    }

    @Test
    fun `a failed or cancelled Java task fails or cancels its Deferred view`() {
        runMain(
            Coroutine {
                val failing = Asyncio.createTask(Coroutine<Int> { throw IllegalStateException("bad") })
                val f = failing.asDeferred()
                val cancelled = Asyncio.createTask(Coroutine { Asyncio.sleep(5.0) })
                val c = cancelled.asDeferred()
                Asyncio.sleep(0.0)
                cancelled.cancel("stop")
                val results = createTask {
                    listOf(runCatching { f.await() }.exceptionOrNull()?.message, runCatching { c.await() }.exceptionOrNull()?.message)
                }.await()
                assertEquals(listOf("bad", "stop"), results)
                null
            },
        )
    }

    @Test
    fun `a Java body awaits a Kotlin Deferred completed on another thread`() {
        val deferred = CompletableDeferred<String>()
        val r = Asyncio.run(
            Coroutine {
                Thread { Thread.sleep(50); deferred.complete("from another thread") }.start()
                deferred.asFuture().await()
            },
        )
        assertEquals("from another thread", r)
    }

    @OptIn(kotlinx.coroutines.DelicateCoroutinesApi::class)
    @Test
    fun `cancelling a Java body that awaits a Deferred cancels the Deferred`() {
        val deferred = GlobalScope.async(Dispatchers.Default) { awaitCancellation() }
        Asyncio.run(
            Coroutine {
                val waiter = Asyncio.createTask(Coroutine { deferred.asFuture().await() })
                Asyncio.sleep(0.01)
                waiter.cancel()
                assertThrows(CancelledError::class.java) { waiter.await() }
                null
            },
        )
        runBlocking { deferred.join() }
        assertTrue(deferred.isCancelled)
    }

    @Test
    fun `a Java body iterates a Kotlin Flow with for-each`() {
        val flow = flow { for (i in 1..3) { delay(1000); emit(i * 10) } }
        val got = runMain(
            Coroutine {
                val out = mutableListOf<Int>()
                for (x in flow.asAsyncIterable()) out += x
                out
            },
        )
        assertEquals(listOf(10, 20, 30), got)
        assertEquals(3.0, loop.time(), 1e-9)
    }

    @Test
    fun `a Kotlin task collects a Java async generator as a Flow`() {
        val finallyRan = mutableListOf<Boolean>()
        val got = runMain(
            Coroutine {
                val gen = Asyncio.asyncGenerator<String> { out ->
                    try {
                        out.emit("a"); Asyncio.sleep(1.0); out.emit("b")
                    } finally {
                        finallyRan += true
                    }
                }
                createTask { gen.asFlow().toList() }.await()
            },
        )
        assertEquals(listOf("a", "b"), got)
        assertEquals(listOf(true), finallyRan)
        assertFalse(loop.isRunning)
    }

    @Test
    fun `cancelling a Java body that iterates a Flow cancels the flow's collection`() {
        val trace = mutableListOf<String>()
        val flow = flow {
            try {
                emit(1)
                awaitCancellation()
            } finally {
                trace += "flow finally"
            }
        }
        runMain(
            Coroutine {
                val reader = Asyncio.createTask(
                    Coroutine {
                        for (x in flow.asAsyncIterable()) trace += "got $x"
                        null
                    },
                )
                Asyncio.sleep(1.0)
                reader.cancel()
                assertThrows(CancelledError::class.java) { reader.await() }
                Asyncio.sleep(0.0)
                null
            },
        )
        assertEquals(listOf("got 1", "flow finally"), trace)
    }

    @Test
    fun `cancelling a Kotlin collector of a Java generator throws into the generator's await`() {
        val trace = mutableListOf<String>()
        runMain(
            Coroutine {
                val gen = Asyncio.asyncGenerator<Int> { out ->
                    try {
                        out.emit(1)
                        Asyncio.sleep(100.0)
                        out.emit(2)
                    } catch (e: CancelledError) {
                        trace += "generator cancelled"
                        throw e
                    }
                }
                val collector = createTask { gen.asFlow().collect { trace += "collected $it" } }
                Asyncio.sleep(1.0)
                collector.cancel()
                assertThrows(CancelledError::class.java) { collector.await() }
                Asyncio.sleep(0.0)
                null
            },
        )
        assertEquals(listOf("collected 1", "generator cancelled"), trace)
    }
}
