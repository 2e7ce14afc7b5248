package org.asyncio4j.tests

import kotlinx.coroutines.async
import kotlinx.coroutines.isActive
import kotlinx.coroutines.launch
import org.asyncio4j.Asyncio
import org.asyncio4j.CancelledError
import org.asyncio4j.Coroutine
import org.asyncio4j.Runner
import org.asyncio4j.kotlin.asFuture
import org.asyncio4j.kotlin.coAwait
import org.asyncio4j.kotlin.gather
import org.asyncio4j.kotlin.scope
import org.asyncio4j.kotlin.sleep
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertFalse
import org.junit.jupiter.api.Assertions.assertNull
import org.junit.jupiter.api.Assertions.assertSame
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import java.util.concurrent.CountDownLatch
import java.util.concurrent.TimeUnit

/** `EventLoop.scope`: kotlinx coroutines on the loop that are not tasks, and their lifetime. */
class LoopScopeTest : LoopTest() {

    @Test
    fun `launch on the loop's scope runs on the loop, in FIFO order with Java bodies, and awaits asyncio futures`() {
        val trace = mutableListOf<String>()
        runMain(
            Coroutine {
                val javaTask = Asyncio.createTask(Coroutine { Asyncio.sleep(1.0, "java") })
                val job = loop.scope.launch {
                    trace += "launched"
                    sleep(0.5)
                    trace += "slept until ${loop.time()}"
                    trace += "awaited ${javaTask.coAwait()} at ${loop.time()}"
                }
                trace += "main goes on"
                Asyncio.sleep(0.0)
                trace += "main after sleep(0)"
                Asyncio.await(javaTask)
                Asyncio.sleep(0.0)
                assertTrue(job.isCompleted)
                null
            },
        )
        assertEquals(listOf("main goes on", "launched", "main after sleep(0)", "slept until 0.5", "awaited java at 1.0"), trace)
    }

    @Test
    fun `a coroutine of the scope is not a task`() {
        runMain(
            Coroutine {
                val seen = loop.scope.async { Asyncio.currentTask() to Asyncio.allTasks().size }
                val (current, tasks) = Asyncio.await(seen.asFuture())
                assertNull(current)
                assertEquals(1, tasks, "only the main task")
                null
            },
        )
    }

    @Test
    fun `async on the scope gives a Deferred that a Java body awaits, and the suspend API works inside`() {
        val r = runMain(
            Coroutine {
                val d = loop.scope.async { gather(Asyncio.createTask(Coroutine { Asyncio.sleep(0.1, 1) }), Asyncio.createTask(Coroutine { 2 })).sum() }
                Asyncio.await(d.asFuture())
            },
        )
        assertEquals(3, r)
    }

    @Test
    fun `a failing child goes to the exception handler and cancels neither its siblings nor the scope`() {
        val trace = mutableListOf<String>()
        runMain(
            Coroutine {
                loop.scope.launch {
                    sleep(0.1)
                    throw IllegalStateException("child failed")
                }
                val sibling = loop.scope.launch {
                    sleep(0.2)
                    trace += "sibling done"
                }
                Asyncio.await(sibling.asFutureOfUnit())
                assertTrue(loop.scope.isActive)
                null
            },
        )
        assertEquals(listOf("sibling done"), trace)
        val ctx = assertOneHandlerCall("Unhandled exception in a coroutine of the loop's scope")
        assertEquals("child failed", (ctx["exception"] as Throwable).message)
    }

    @Test
    fun `the shutdown of a Runner cancels the scope's coroutines, runs their finally blocks, then closes the scope`() {
        val trace = mutableListOf<String>()
        val runner = Runner { loop }
        runner.use {
            it.run(
                Coroutine {
                    loop.scope.launch {
                        try {
                            sleep(100.0)
                        } catch (e: CancelledError) {
                            trace += "cancelled: ${e.message}"
                            throw e
                        } finally {
                            trace += "finally at ${loop.time()}"
                        }
                    }
                    Asyncio.sleep(1.0)
                    null
                },
            )
            assertEquals(emptyList<String>(), trace, "still running after run()")
        }
        assertEquals(listOf("cancelled: the event loop is shutting down", "finally at 1.0"), trace)
        assertTrue(loop.isClosed)
        assertFalse(loop.scope.isActive)
    }

    @Test
    fun `closing the loop cancels its scope, whose suspended coroutines unwind at once`() {
        val trace = mutableListOf<String>()
        assertSame(loop.scope, loop.scope)
        val job = loop.scope.launch {
            try {
                sleep(100.0)
            } finally {
                trace += "finally"
            }
        }
        loop.runUntilComplete(Coroutine { Asyncio.sleep(0.0) })
        assertTrue(loop.scope.isActive)
        loop.close()
        assertFalse(loop.scope.isActive)
        assertTrue(job.isCancelled && job.isCompleted)
        assertEquals(listOf("finally"), trace)
    }

    @Test
    fun `a coroutine launched on the scope of a closed loop is cancelled before it starts`() {
        loop.close()
        var ran = false
        val job = loop.scope.launch { ran = true }
        assertTrue(job.isCancelled && job.isCompleted)
        assertFalse(ran)
    }

    @Test
    fun `another thread launches on the scope of a running loop`() {
        val ran = CountDownLatch(1)
        var loopThread: Thread? = null
        var ranOn: Thread? = null
        runMain(
            Coroutine {
                loopThread = Thread.currentThread()
                val outside = Thread.ofPlatform().start {
                    loop.scope.launch {
                        ranOn = Thread.currentThread()
                        ran.countDown()
                    }
                }
                while (ran.count > 0) Asyncio.sleep(0.0)
                outside.join()
                null
            },
        )
        assertTrue(ran.await(1, TimeUnit.SECONDS))
        if (loop.engine() == org.asyncio4j.Engine.CONTINUATION) assertSame(loopThread, ranOn)
    }

    private fun kotlinx.coroutines.Job.asFutureOfUnit() = loop.scope.async { join() }.asFuture()
}
