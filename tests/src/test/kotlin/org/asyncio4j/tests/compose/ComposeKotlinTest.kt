package org.asyncio4j.tests.compose

import kotlinx.coroutines.CoroutineScope
import kotlinx.coroutines.NonCancellable
import kotlinx.coroutines.withContext
import org.asyncio4j.Asyncio
import org.asyncio4j.CancelledError
import org.asyncio4j.Coroutine
import org.asyncio4j.ExceptionGroup
import org.asyncio4j.Future
import org.asyncio4j.ReturnWhen
import org.asyncio4j.Task
import org.asyncio4j.TimeoutError
import org.asyncio4j.kotlin.asCompleted
import org.asyncio4j.kotlin.coAwait
import org.asyncio4j.kotlin.coShutdownDefaultExecutor
import org.asyncio4j.kotlin.createSuspendTask
import org.asyncio4j.kotlin.createTask
import org.asyncio4j.kotlin.ensureFuture
import org.asyncio4j.kotlin.gather
import org.asyncio4j.kotlin.runCoroutineThreadsafe
import org.asyncio4j.kotlin.shield
import org.asyncio4j.kotlin.sleep
import org.asyncio4j.kotlin.taskGroup
import org.asyncio4j.kotlin.timeout
import org.asyncio4j.kotlin.timeoutAt
import org.asyncio4j.kotlin.toCompletableFuture
import org.asyncio4j.kotlin.toThread
import org.asyncio4j.kotlin.wait
import org.asyncio4j.kotlin.waitFor
import org.asyncio4j.kotlin.wrapFuture
import org.asyncio4j.tests.LoopTest
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertFalse
import org.junit.jupiter.api.Assertions.assertInstanceOf
import org.junit.jupiter.api.Assertions.assertNull
import org.junit.jupiter.api.Assertions.assertSame
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import java.util.concurrent.CompletableFuture
import java.util.concurrent.TimeUnit

/** The Kotlin API of the composition functions: the same algorithms, called from suspend code. */
class ComposeKotlinTest : LoopTest() {
    private val trace = mutableListOf<String>()

    private fun <T> runKotlin(block: suspend CoroutineScope.() -> T): T =
        loop.runUntilComplete(loop.createSuspendTask(block = block))

    /** What [block] throws (it must throw an [E]). */
    private suspend inline fun <reified E : Throwable> assertThrowsSuspend(block: suspend () -> Any?): E {
        val e = try {
            block()
            null
        } catch (t: Throwable) {
            t
        }
        return assertInstanceOf(E::class.java, e)
    }

    /**
     * A Kotlin child that is cancelled while sleeping; its cleanup awaits in NonCancellable, as a cancelled Kotlin
     * coroutine must (its cancellation is terminal).
     */
    private suspend fun cancellable(n: Int, cleanup: Double = 0.0): Any? = try {
        sleep(10.0, null)
    } catch (e: CancelledError) {
        trace += "$n cancelled"
        if (cleanup > 0) {
            withContext(NonCancellable) { sleep(cleanup) }
            trace += "$n cleanup done"
        }
        throw e
    }

    @Test
    fun `gather returns results in argument order for futures and suspend lambdas`() {
        val r = runKotlin {
            val a = createTask { sleep(0.2, "a") }
            val b = createTask { sleep(0.1, "b") }
            val futures = gather(a, b)
            val blocks = gather({ sleep(0.3, 1) }, { sleep(0.1, 2) })
            futures to blocks
        }
        assertEquals(listOf("a", "b") to listOf(1, 2), r)
        assertEquals(0.5, loop.time(), 1e-9)
    }

    @Test
    fun `gather with returnExceptions lists the exceptions`() {
        val boom = IllegalStateException("boom")
        val r = runKotlin {
            val bad = createTask<Int> { throw boom }
            gather(bad, createTask { sleep(0.1, 2) }, returnExceptions = true)
        }
        assertSame(boom, r[0])
        assertEquals(2, r[1])
    }

    @Test
    fun `cancelling a Kotlin caller of gather cancels the children`() {
        runKotlin {
            val caller = createTask { gather({ cancellable(1, 0.5) }, { cancellable(2) }) }
            sleep(1.0)
            caller.cancel()
            assertThrowsSuspend<CancelledError> { caller.coAwait() }
            trace += "caller done at ${loop.time()}"
            sleep(1.0)
        }
        // as in Python, gather ends with the first cancelled child (2); the other one is still cancelled
        assertEquals(listOf("1 cancelled", "2 cancelled", "caller done at 1.0", "1 cleanup done"), trace)
    }

    @Test
    fun `wait splits done and pending`() {
        runKotlin {
            val quick = createTask { sleep(1.0, 1) }
            val slow = createTask { sleep(5.0, 2) }
            val r = wait(listOf(quick, slow), returnWhen = ReturnWhen.FIRST_COMPLETED)
            assertEquals(setOf(quick), r.done())
            assertEquals(setOf(slow), r.pending())
            val r2 = wait(listOf(slow), timeout = 1.0)
            assertEquals(setOf(slow), r2.pending())
            slow.cancel()
        }
    }

    @Test
    fun `waitFor cancels and awaits the inner task, then throws TimeoutError, and the coroutine goes on`() {
        runKotlin {
            val inner = createTask {
                try {
                    sleep(10.0)
                } catch (e: CancelledError) {
                    trace += "inner cancelled"
                    withContext(NonCancellable) { sleep(0.5) }
                    trace += "inner cleanup done"
                    throw e
                }
            }
            try {
                waitFor(inner, 1.0)
            } catch (t: TimeoutError) {
                trace += "TimeoutError at ${loop.time()} inner.cancelled=${inner.cancelled()}"
            }
            sleep(1.0)
            trace += "still running at ${loop.time()}"
        }
        assertEquals(listOf("inner cancelled", "inner cleanup done", "TimeoutError at 1.5 inner.cancelled=true",
            "still running at 2.5"), trace)
    }

    @Test
    fun `waitFor returns the value of an inner Java task that swallows the cancellation`() {
        // (a Kotlin task cannot swallow its cancellation: it is terminal)
        val r = runKotlin {
            val inner = Asyncio.createTask(Coroutine {
                try {
                    Asyncio.sleep(10.0, 0)
                } catch (e: CancelledError) {
                    Asyncio.sleep(0.5)
                    7
                }
            })
            waitFor(inner, 1.0) to loop.time()
        }
        assertEquals(7 to 1.5, r)
    }

    @Test
    fun `waitFor of a block runs it in the caller, and a non-positive timeout never runs it`() {
        runKotlin {
            assertEquals(3, waitFor(1.0) { sleep(0.5, 3) })
            var ran = false
            val e = runCatching { waitFor(0.0) { ran = true } }.exceptionOrNull()
            assertInstanceOf(TimeoutError::class.java, e)
            assertFalse(ran)
            val e2 = runCatching { waitFor(1.0) { sleep(5.0) } }.exceptionOrNull()
            assertInstanceOf(TimeoutError::class.java, e2)
            assertEquals("late", waitFor(null) { sleep(100.0, "late") })
        }
    }

    @Test
    fun `cancelling the Kotlin caller of waitFor cancels the inner task`() {
        runKotlin {
            val blocked = Asyncio.createTask(Coroutine { Asyncio.await(loop.createFuture<Any>()) })
            val w = createTask { waitFor(blocked, 60.0) }
            sleep(0.0)
            w.cancel()
            assertThrowsSuspend<CancelledError> { w.coAwait() }
            assertTrue(blocked.cancelled())
        }
    }

    @Test
    fun `shield keeps the inner running when the Kotlin caller is cancelled`() {
        runKotlin {
            val inner = createTask { sleep(1.0, "r") }
            val caller = createTask { shield(inner) }
            sleep(0.5)
            caller.cancel()
            assertThrowsSuspend<CancelledError> { caller.coAwait() }
            assertFalse(inner.done())
            assertEquals("r", inner.coAwait())
            assertEquals(4, shield { sleep(0.1, 4) })
        }
    }

    @Test
    fun `timeout converts its own cancellation and the Kotlin coroutine goes on`() {
        runKotlin {
            var cm: org.asyncio4j.Timeout? = null
            try {
                timeout(1.0) { t ->
                    cm = t
                    sleep(10.0)
                }
            } catch (e: TimeoutError) {
                assertInstanceOf(CancelledError::class.java, e.cause)
                trace += "TimeoutError at ${loop.time()} expired=${cm!!.expired()}"
            }
            sleep(1.0)
            trace += "after at ${loop.time()}"
            val r = timeoutAt(loop.time() + 5) { t ->
                t.reschedule(null)
                sleep(10.0, "no deadline")
            }
            trace += r
        }
        assertEquals(listOf("TimeoutError at 1.0 expired=true", "after at 2.0", "no deadline"), trace)
    }

    @Test
    fun `of nested timeouts the outermost expired one throws`() {
        runKotlin {
            val d = loop.time() + 1
            try {
                timeoutAt(d) {
                    try {
                        timeoutAt(d) { sleep(10.0) }
                    } catch (e: CancelledError) {
                        trace += "inner let the cancellation through"
                        throw e
                    }
                }
            } catch (e: TimeoutError) {
                trace += "outer TimeoutError"
            }
            try {
                timeout(10.0) {
                    try {
                        timeout(1.0) { sleep(5.0) }
                    } catch (e: TimeoutError) {
                        trace += "inner TimeoutError at ${loop.time()}"
                    }
                    sleep(2.0)
                    trace += "outer block done at ${loop.time()}"
                }
            } catch (e: TimeoutError) {
                trace += "outer TimeoutError?!"
            }
        }
        assertEquals(listOf("inner let the cancellation through", "outer TimeoutError", "inner TimeoutError at 2.0",
            "outer block done at 4.0"), trace)
    }

    @Test
    fun `a cancellation of the Kotlin task inside a timeout stays a cancellation`() {
        runKotlin {
            val t = createTask {
                try {
                    timeout(1.0) { sleep(10.0) }
                } catch (e: TimeoutError) {
                    trace += "TimeoutError"
                } catch (e: CancelledError) {
                    trace += "CancelledError"
                    throw e
                }
            }
            sleep(0.0)
            loop.callAt(loop.time() + 1) { t.cancel() }
            assertThrowsSuspend<CancelledError> { t.coAwait() }
            trace += "cancelled=${t.cancelled()}"
        }
        assertEquals(listOf("CancelledError", "cancelled=true"), trace)
    }

    @Test
    fun `taskGroup waits for Java and Kotlin children`() {
        val r = runKotlin {
            var k: Task<Int>? = null
            var j: Task<String>? = null
            val r = taskGroup { tg ->
                k = tg.createSuspendTask("k") { sleep(0.2, 1) }
                j = tg.createTask(Coroutine { Asyncio.sleep(0.1, "j") })
                "body"
            }
            Triple(r, k!!.result(), j!!.result())
        }
        assertEquals(Triple("body", 1, "j"), r)
        assertEquals(0.2, loop.time(), 1e-9)
    }

    @Test
    fun `a child failure cancels the siblings and the block, and the coroutine goes on after the group`() {
        runKotlin {
            try {
                taskGroup { tg ->
                    tg.createSuspendTask { sleep(1.0); throw IllegalArgumentException("a") }
                    tg.createSuspendTask { cancellable(1, 0.5) }
                    try {
                        sleep(10.0)
                    } catch (e: CancelledError) {
                        trace += "block cancelled at ${loop.time()}"
                        throw e
                    }
                }
            } catch (eg: ExceptionGroup) {
                trace += "ExceptionGroup ${eg.exceptions().map { it.message }} at ${loop.time()}"
            }
            sleep(1.0)
            trace += "after the group at ${loop.time()}"
        }
        assertEquals(listOf("1 cancelled", "block cancelled at 1.0", "1 cleanup done", "ExceptionGroup [a] at 1.5",
            "after the group at 2.5"), trace)
    }

    @Test
    fun `cancelling the Kotlin task cancels the children and waits for them`() {
        runKotlin {
            val r = createTask {
                taskGroup { tg ->
                    tg.createSuspendTask { cancellable(1, 0.5) }
                    tg.createTask(Coroutine { cancellableJava(2) })
                    sleep(10.0)
                }
            }
            sleep(1.0)
            r.cancel()
            assertThrowsSuspend<CancelledError> { r.coAwait() }
            trace += "task done at ${loop.time()}"
        }
        assertEquals(listOf("1 cancelled", "2 cancelled", "1 cleanup done", "task done at 1.5"), trace)
    }

    private fun cancellableJava(n: Int): Any? = try {
        Asyncio.sleep(10.0, null)
    } catch (e: CancelledError) {
        trace += "$n cancelled"
        throw e
    }

    @Test
    fun `taskGroup cancel stops the group without an error`() {
        val r = runKotlin {
            val r = taskGroup { tg ->
                tg.createSuspendTask { cancellable(1) }
                sleep(1.0)
                tg.cancel()
                sleep(5.0)
                "unreached"
            }
            trace += "after group at ${loop.time()}"
            r
        }
        assertNull(r)
        assertEquals(listOf("1 cancelled", "after group at 1.0"), trace)
    }

    @Test
    fun `asCompleted iterates in completion order with a for loop`() {
        runKotlin {
            val a = createTask { sleep(0.2, "a") }
            val b = createTask { sleep(0.1, "b") }
            for (f in asCompleted(listOf(a, b))) trace += f.result()
            val slow = createTask { sleep(5.0, "slow") }
            val e = runCatching { for (f in asCompleted(listOf(slow), timeout = 1.0)) trace += f.result() }.exceptionOrNull()
            assertInstanceOf(TimeoutError::class.java, e)
            slow.cancel()
        }
        assertEquals(listOf("b", "a"), trace)
    }

    @Test
    fun `toThread runs on a virtual thread`() {
        runKotlin {
            val t = toThread { Thread.currentThread() }
            assertTrue(t.isVirtual)
            val e = runCatching { toThread { throw IllegalStateException("x") } }.exceptionOrNull()
            assertInstanceOf(IllegalStateException::class.java, e)
            loop.coShutdownDefaultExecutor(null)
        }
    }

    @Test
    fun `runCoroutineThreadsafe runs a suspend lambda from another thread`() {
        runKotlin {
            val done = loop.createFuture<Int>()
            Thread.ofPlatform().start {
                val cf = runCoroutineThreadsafe(loop) { sleep(1.0, 3) }
                val v = cf.get(10, TimeUnit.SECONDS)
                loop.callSoonThreadsafe { done.setResult(v) }
            }
            assertEquals(3, done.coAwait())
        }
    }

    @Test
    fun `futures bridge to CompletableFuture and back`() {
        runKotlin {
            val cf = CompletableFuture<String>()
            val f = wrapFuture(cf)
            Thread.ofVirtual().start { cf.complete("x") }
            assertEquals("x", f.coAwait())
            val t = createTask { sleep(0.1, "y") }
            assertSame(t, ensureFuture(t))
            val back = toCompletableFuture(t)
            t.coAwait()
            sleep(0.0)
            assertEquals("y", back.getNow(null))
        }
    }

    @Test
    fun `cancellation maps both ways between a Kotlin awaiter, a wrapped stage and a Kotlin task's CompletableFuture`() {
        runKotlin {
            val cf = CompletableFuture<String>()
            val waiter = createTask { wrapFuture(cf).coAwait() }
            sleep(0.0)
            waiter.cancel()
            assertThrowsSuspend<CancelledError> { waiter.coAwait() }
            assertTrue(cf.isCancelled, "cancelling the awaiting Kotlin task cancels the wrapped CompletableFuture")

            val stage = CompletableFuture<String>().also { it.cancel(false) }.thenApply { it }
            assertThrowsSuspend<CancelledError> { wrapFuture(stage).coAwait() }

            val t = createTask { sleep(10.0, "never") }
            val back = toCompletableFuture(t)
            Thread.ofVirtual().start { back.cancel(true) }.join()
            assertThrowsSuspend<CancelledError> { t.coAwait() }
            assertTrue(t.cancelled())
        }
    }

    @Test
    fun `a Kotlin awaiter that is cancelled cancels the Java task it awaits, which ends normally`() {
        runKotlin {
            val java: Task<Any?> = Asyncio.createTask(Coroutine {
                try {
                    Asyncio.sleep(10.0, null)
                } finally {
                    trace += "java finally"
                }
            })
            val k = createTask { java.coAwait() }
            sleep(0.0)
            k.cancel()
            assertThrowsSuspend<CancelledError> { k.coAwait() }
            assertThrowsSuspend<CancelledError> { java.coAwait() }
            assertTrue(java.cancelled())
        }
        assertEquals(listOf("java finally"), trace)
    }

    @Test
    fun `futures of a Kotlin API call are asyncio4j futures`() {
        runKotlin {
            val f: Future<Int> = loop.createFuture()
            f.setResult(1)
            assertEquals(listOf(1, 1), gather(f, f))
        }
    }

    @Test
    fun `withContext NonCancellable inside a Kotlin task keeps the task's context and current task`() {
        val user = org.asyncio4j.ContextVar<String>("user")
        runKotlin {
            user.set("alice")
            val me = Asyncio.currentTask()
            withContext(NonCancellable) {
                assertEquals("alice", user.get())
                assertSame(me, Asyncio.currentTask())
                sleep(0.1)
                assertEquals("alice", user.get())
            }
            assertEquals("alice", user.get())
            assertSame(me, Asyncio.currentTask())
        }
    }
}
