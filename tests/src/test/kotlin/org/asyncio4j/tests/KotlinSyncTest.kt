package org.asyncio4j.tests

import kotlinx.coroutines.withTimeoutOrNull
import org.asyncio4j.Asyncio
import org.asyncio4j.BrokenBarrierError
import org.asyncio4j.Coroutine
import org.asyncio4j.QueueFull
import org.asyncio4j.Task
import org.asyncio4j.kotlin.Barrier
import org.asyncio4j.kotlin.BoundedSemaphore
import org.asyncio4j.kotlin.Condition
import org.asyncio4j.kotlin.Event
import org.asyncio4j.kotlin.LifoQueue
import org.asyncio4j.kotlin.Lock
import org.asyncio4j.kotlin.PriorityQueue
import org.asyncio4j.kotlin.Queue
import org.asyncio4j.kotlin.Semaphore
import org.asyncio4j.kotlin.coAbort
import org.asyncio4j.kotlin.coAcquire
import org.asyncio4j.kotlin.coAwait
import org.asyncio4j.kotlin.coGet
import org.asyncio4j.kotlin.coJoin
import org.asyncio4j.kotlin.coPut
import org.asyncio4j.kotlin.coReset
import org.asyncio4j.kotlin.coWaitFor
import org.asyncio4j.kotlin.createTask
import org.asyncio4j.kotlin.sleep
import org.asyncio4j.kotlin.withLock
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertFalse
import org.junit.jupiter.api.Assertions.assertNull
import org.junit.jupiter.api.Assertions.assertThrows
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import java.util.concurrent.CancellationException

/**
 * The Kotlin API of the primitives and queues: factories, co-prefixed suspend calls, withLock, and Kotlin
 * cancellation (final for a coroutine) giving the same traces as CPython (sync_traces.py) where it matters.
 */
class KotlinSyncTest : LoopTest() {

    private fun runKotlinMain(block: suspend () -> Unit) {
        runMain(Coroutine { createTask { block() }.await() })
    }

    private suspend fun Task<*>.join() {
        runCatching { coAwait() }
    }

    /** Runs [wait]; if it is cancelled, adds [event] (evaluated then) to this trace and lets the cancellation go on. */
    private inline fun <T> MutableList<String>.recordingCancellation(event: () -> String, wait: () -> T): T {
        try {
            return wait()
        } catch (e: CancellationException) {
            this += event()
            throw e
        }
    }

    @Test
    fun `withLock serializes Kotlin and Java tasks on one lock in FIFO order`() {
        val trace = mutableListOf<String>()
        runKotlinMain {
            val lock = Lock()
            lock.coAcquire()
            val tasks = mutableListOf<Task<*>>()
            for (i in 1..4) {
                tasks += if (i % 2 == 0) {
                    createTask { lock.withLock { trace += "kotlin $i"; sleep(0.0) } }
                } else {
                    Asyncio.createTask(
                        Coroutine {
                            lock.hold().use { trace += "java $i"; Asyncio.sleep(0.0) }
                            null
                        },
                    )
                }
            }
            sleep(0.0)
            lock.release()
            for (t in tasks) t.coAwait()
            assertFalse(lock.locked())
        }
        assertEquals(listOf("java 1", "kotlin 2", "java 3", "kotlin 4"), trace)
    }

    @Test
    fun `withLock releases when its block throws or its coroutine is cancelled`() {
        runKotlinMain {
            val lock = Lock()
            val e = runCatching { lock.withLock { throw IllegalArgumentException("boom") } }.exceptionOrNull()
            assertTrue(e is IllegalArgumentException)
            assertFalse(lock.locked())
            val holder = createTask { lock.withLock { sleep(10.0) } }
            sleep(1.0)
            assertTrue(lock.locked())
            holder.cancel()
            holder.join()
            assertFalse(lock.locked())
        }
    }

    /** CPython trace: sync_traces.py lock_cancel_after_handoff, with Kotlin waiters. */
    @Test
    fun `a Kotlin waiter cancelled after the lock was passed to it wakes the next`() {
        val trace = mutableListOf<String>()
        runKotlinMain {
            val lock = Lock()
            lock.coAcquire()
            fun waiter(name: String) = createTask {
                trace.recordingCancellation({ "$name cancelled locked=${lock.locked()}" }) { lock.coAcquire() }
                trace += "$name acquired"
                sleep(0.0)
                lock.release()
            }
            val t1 = waiter("t1")
            val t2 = waiter("t2")
            sleep(0.0)
            lock.release()
            t1.cancel()
            val t3 = waiter("t3")
            sleep(0.0)
            trace += "main locked=${lock.locked()}"
            t1.join()
            t2.coAwait()
            t3.coAwait()
            trace += "end locked=${lock.locked()}"
        }
        assertEquals(
            listOf("t1 cancelled locked=false", "main locked=false", "t2 acquired", "t3 acquired", "end locked=false"),
            trace,
        )
    }

    /** CPython trace: sync_traces.py condition_cancel_during_reacquire, with a Kotlin waiter. */
    @Test
    fun `a cancelled Kotlin waiter re-acquires the lock before the cancellation leaves coAwait`() {
        val trace = mutableListOf<String>()
        runKotlinMain {
            val cond = Condition()
            val w = createTask {
                cond.withLock {
                    trace.recordingCancellation({ "w cancelled locked=${cond.locked()}" }) { cond.coAwait() }
                }
            }
            sleep(0.0)
            cond.coAcquire()
            w.cancel()
            sleep(0.0)
            trace += "w is re-acquiring"
            w.cancel()
            sleep(0.0)
            trace += "w done=${w.done()}"
            cond.release()
            w.join()
            trace += "end cancelled=${w.cancelled()} locked=${cond.locked()}"
        }
        assertEquals(
            listOf("w is re-acquiring", "w done=false", "w cancelled locked=true", "end cancelled=true locked=false"),
            trace,
        )
    }

    /** CPython trace: sync_traces.py condition_notified_then_cancelled, with Kotlin waiters. */
    @Test
    fun `a Kotlin waiter cancelled after being signalled passes the signal on`() {
        val trace = mutableListOf<String>()
        runKotlinMain {
            val cond = Condition()
            fun waiter(name: String) = createTask {
                cond.withLock {
                    trace.recordingCancellation({ "$name cancelled locked=${cond.locked()}" }) { cond.coAwait() }
                    trace += "$name notified"
                }
            }
            val w1 = waiter("w1")
            val w2 = waiter("w2")
            val w3 = waiter("w3")
            sleep(0.0)
            cond.withLock {
                cond.signal(1)
                w1.cancel()
                trace += "notified 1 and cancelled w1"
            }
            w1.join()
            w2.coAwait()
            trace += "w3 done=${w3.done()}"
            cond.withLock { cond.signalAll() }
            w3.coAwait()
            trace += "end locked=${cond.locked()}"
        }
        assertEquals(
            listOf(
                "notified 1 and cancelled w1", "w1 cancelled locked=true", "w2 notified", "w3 done=false",
                "w3 notified", "end locked=false",
            ),
            trace,
        )
    }

    @Test
    fun `coWaitFor rechecks its predicate after each signal`() {
        runKotlinMain {
            val cond = Condition(Lock())
            var value = 0
            val waiter = createTask { cond.withLock { cond.coWaitFor { value == 2 }; value } }
            for (i in 1..2) {
                sleep(0.1)
                cond.withLock { value = i; cond.signalAll() }
            }
            assertEquals(2, waiter.coAwait())
        }
    }

    @Test
    fun `semaphores count permits and a bounded one refuses over-release`() {
        runKotlinMain {
            val sem = Semaphore(2)
            var inside = 0
            var most = 0
            val tasks = (1..5).map {
                createTask { sem.withLock { inside++; most = maxOf(most, inside); sleep(0.1); inside-- } }
            }
            for (t in tasks) t.coAwait()
            assertEquals(2, most)
            val bounded = BoundedSemaphore()
            bounded.coAcquire()
            bounded.release()
            assertThrows(IllegalStateException::class.java) { bounded.release() }
        }
    }

    @Test
    fun `coAwait of an event returns once it is set`() {
        runKotlinMain {
            val ev = Event()
            val waiters = (1..3).map { createTask { ev.coAwait(); loop.time() } }
            sleep(2.0)
            ev.set()
            for (w in waiters) assertEquals(2.0, w.coAwait(), 1e-9)
            ev.coAwait()
        }
    }

    @Test
    fun `a barrier passes Kotlin and Java tasks together and can be aborted and reset`() {
        runKotlinMain {
            val b = Barrier(3)
            val k = createTask { b.coAwait() }
            val j = Asyncio.createTask(Coroutine { b.await() })
            sleep(0.0)
            assertEquals(2, b.coAwait())
            assertEquals(setOf(0, 1), setOf(k.coAwait(), j.coAwait()))
            val late = createTask { b.coAwait() }
            sleep(0.0)
            b.coAbort()
            assertTrue(runCatching { late.coAwait() }.exceptionOrNull() is BrokenBarrierError)
            b.coReset()
            assertFalse(b.broken())
        }
    }

    /** CPython trace: sync_traces.py queue_getter_cancelled_after_put, with Kotlin getters. */
    @Test
    fun `a Kotlin getter cancelled after being woken leaves the item for the next`() {
        val trace = mutableListOf<String>()
        runKotlinMain {
            val q = Queue<String>()
            fun getter(name: String) = createTask {
                val v = trace.recordingCancellation({ "$name cancelled qsize=${q.qsize()}" }) { q.coGet() }
                trace += "$name got $v"
            }
            val g1 = getter("g1")
            val g2 = getter("g2")
            sleep(0.0)
            q.putNowait("x")
            g1.cancel()
            val g3 = getter("g3")
            g1.join()
            g3.coAwait()
            trace += "g2 done=${g2.done()} qsize=${q.qsize()}"
            q.putNowait("y")
            g2.coAwait()
        }
        assertEquals(listOf("g1 cancelled qsize=1", "g3 got x", "g2 done=false qsize=0", "g2 got y"), trace)
    }

    @Test
    fun `kotlinx timeouts on coGet and coPut lose no item`() {
        runKotlinMain {
            val q = Queue<Int>(1)
            assertNull(withTimeoutOrNull(100) { q.coGet() })
            assertEquals(0.1, loop.time(), 1e-9)
            q.coPut(1)
            assertNull(withTimeoutOrNull(100) { q.coPut(2) })
            assertEquals(1, q.qsize())
            assertEquals(1, q.coGet())
            q.taskDone()
            q.coJoin()
            assertThrows(QueueFull::class.java) { q.putNowait(3); q.putNowait(4) }
            assertEquals(3, q.coGet())
        }
    }

    @Test
    fun `priority and lifo queues order their items`() {
        val natural = PriorityQueue<Int>()
        listOf(3, 1, 2).forEach(natural::putNowait)
        assertEquals(listOf(1, 2, 3), List(3) { natural.getNowait() })
        val longestFirst = PriorityQueue<String>(comparator = compareByDescending { it.length })
        listOf("a", "ccc", "bb").forEach(longestFirst::putNowait)
        assertEquals("ccc", longestFirst.getNowait())
        val lifo = LifoQueue<String?>(2)
        lifo.putNowait("a")
        lifo.putNowait(null)
        assertNull(lifo.getNowait())
        assertEquals(2, lifo.maxsize())
    }
}
