package org.asyncio4j.tests

import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.delay
import kotlinx.coroutines.withContext
import kotlinx.coroutines.withTimeout
import org.asyncio4j.Asyncio
import org.asyncio4j.CancelledError
import org.asyncio4j.ContextVar
import org.asyncio4j.Coroutine
import org.asyncio4j.kotlin.coAwait
import org.asyncio4j.kotlin.createSuspendTask
import org.asyncio4j.kotlin.createTask
import org.asyncio4j.kotlin.runAsyncio
import org.asyncio4j.kotlin.sleep
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertSame
import org.junit.jupiter.api.Assertions.assertThrows
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import java.util.concurrent.CountDownLatch
import java.util.concurrent.TimeUnit

class SuspendTaskTest : LoopTest() {

    @Test
    fun `a suspend lambda runs as a task that starts on the next iteration`() {
        val result = loop.runUntilComplete(
            loop.createSuspendTask("main") {
                expect(1)
                val t = createTask {
                    expect(3)
                    42
                }
                expect(2)
                t.coAwait().also { finish(4) }
            },
        )
        assertEquals(42, result)
    }

    @Test
    fun `Kotlin and Java tasks interleave at sleep(0) in FIFO order`() {
        val trace = mutableListOf<String>()
        runMain(
            Coroutine {
                val k = createTask {
                    trace += "k1"; sleep(0.0); trace += "k2"; sleep(0.0); trace += "k3"
                }
                val j = Asyncio.createTask(
                    Coroutine {
                        trace += "j1"; Asyncio.sleep(0.0); trace += "j2"; Asyncio.sleep(0.0); trace += "j3"; null
                    },
                )
                k.await()
                j.await()
            },
        )
        assertEquals(listOf("k1", "j1", "k2", "j2", "k3", "j3"), trace)
    }

    @Test
    fun `a Java body awaits a Kotlin task and a Kotlin task awaits a Java task`() {
        val r = runMain(
            Coroutine {
                val java = Asyncio.createTask(Coroutine { Asyncio.sleep(1.0, "java") })
                val kotlin = createTask { java.coAwait() + "+kotlin" }
                kotlin.await()
            },
        )
        assertEquals("java+kotlin", r)
        assertEquals(1.0, loop.time(), 1e-9)
    }

    @Test
    fun `kotlinx delay and withTimeout run on the loop's timers and clock`() {
        val r = loop.runUntilComplete(
            loop.createSuspendTask {
                delay(2_000)
                val t0 = loop.time()
                val e = runCatching { withTimeout(500) { delay(10_000) } }.exceptionOrNull()
                Pair(t0, e)
            },
        )
        assertEquals(2.0, r.first, 1e-9)
        assertTrue(r.second is kotlinx.coroutines.TimeoutCancellationException)
        assertEquals(2.5, loop.time(), 1e-9)
    }

    @Test
    fun `the Kotlin task is the current task while its coroutine runs`() {
        loop.runUntilComplete(
            loop.createSuspendTask("k") {
                val me = Asyncio.currentTask()
                assertEquals("k", me!!.name)
                sleep(0.5)
                assertSame(me, Asyncio.currentTask())
            },
        )
        loop.callSoon { assertEquals(null, Asyncio.currentTask(loop)) }
    }

    @Test
    fun `a withContext block off the loop runs in a copy of the task's context and leaves the loop's current task alone`() {
        val v = ContextVar("v", "unset")
        val offLoopStarted = CountDownLatch(1)
        val loopTaskRan = CountDownLatch(1)
        val trace = mutableListOf<String>()
        loop.runUntilComplete(
            loop.createSuspendTask("k") {
                val other = Asyncio.createTask(
                    Coroutine {
                        assertTrue(offLoopStarted.await(10, TimeUnit.SECONDS), "the withContext block did not start")
                        trace += "loop task: current=${Asyncio.currentTask()!!.name} v=${v.get()}"
                        loopTaskRan.countDown()
                        null
                    },
                    "other",
                )
                v.set("k's value")
                val seenOffLoop = withContext(Dispatchers.IO) {
                    offLoopStarted.countDown()
                    assertTrue(loopTaskRan.await(10, TimeUnit.SECONDS), "the loop's other task did not run")
                    val seen = "off loop: v=${v.get()}"
                    v.set("set off loop") // in a copy of k's context, as in asyncio.to_thread
                    seen
                }
                trace += seenOffLoop
                trace += "back: current=${Asyncio.currentTask()!!.name} v=${v.get()}"
                other.coAwait()
            },
        )
        assertEquals(listOf("loop task: current=other v=unset", "off loop: v=k's value", "back: current=k v=k's value"), trace)
    }

    @Test
    fun `cancelling a Kotlin task cancels its coroutine after its finally block ran`() {
        val trace = mutableListOf<String>()
        runMain(
            Coroutine {
                val k = createTask {
                    try {
                        sleep(100.0)
                    } finally {
                        trace += "finally"
                    }
                }
                Asyncio.sleep(0.0)
                assertTrue(k.cancel("stop"))
                val e = assertThrows(CancelledError::class.java) { k.await() }
                trace += "awaiter got ${e.message}"
                assertTrue(k.cancelled())
                assertEquals(1, k.cancelling())
                null
            },
        )
        assertEquals(listOf("finally", "awaiter got stop"), trace)
    }

    @Test
    fun `cancelling the Kotlin awaiter of a future cancels the future as Python's await does`() {
        runMain(
            Coroutine {
                val f = loop.createFuture<Int>()
                val k = createTask { f.coAwait() }
                Asyncio.sleep(0.0)
                k.cancel()
                assertThrows(CancelledError::class.java) { k.await() }
                assertTrue(f.cancelled())
                null
            },
        )
    }

    @Test
    fun `an exception of a Kotlin task reaches its awaiter unchanged`() {
        val boom = IllegalArgumentException("boom")
        val e = assertThrows(IllegalArgumentException::class.java) {
            loop.runUntilComplete(loop.createSuspendTask { sleep(0.0); throw boom })
        }
        assertSame(boom, e)
    }

    @Test
    fun `a Kotlin task pending when the loop is closed is reported, and its coroutine unwinds with its finally block`() {
        val trace = mutableListOf<String>()
        val k = loop.createSuspendTask("pending") {
            try {
                sleep(100.0)
            } finally {
                trace += "finally"
            }
        }
        loop.runUntilComplete(Coroutine { Asyncio.sleep(0.0) })
        loop.close()
        assertOneHandlerCall("Task was destroyed but it is pending!")
        assertEquals(listOf("finally"), trace)
        assertTrue(k.cancelled())
    }

    @Test
    fun `runAsyncio runs a suspend main on a fresh loop`() {
        assertEquals(7, runAsyncio { sleep(0.0, 7) })
    }

    @Test
    fun `an eager Kotlin task runs until its first suspension inside createTask`() {
        val trace = mutableListOf<String>()
        runMain(
            Coroutine {
                val k = createTask(eagerStart = true) {
                    trace += "eager start, current=${Asyncio.currentTask()?.name}"
                    sleep(0.0)
                    trace += "eager resumed"
                    7
                }
                trace += "after createTask, current=${Asyncio.currentTask()?.name}"
                trace += "result ${k.await()}"
                null
            },
        )
        assertEquals(3, trace.size - 1)
        assertTrue(trace[0].startsWith("eager start, current=Task-"), trace[0])
        assertEquals(listOf("eager resumed", "result 7"), trace.drop(2))
        assertTrue(trace[1].startsWith("after createTask, current=Task-") && trace[1] != trace[0].replace("eager start", "after createTask"), trace[1])
    }
}
