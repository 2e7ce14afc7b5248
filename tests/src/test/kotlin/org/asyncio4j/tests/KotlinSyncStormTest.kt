package org.asyncio4j.tests

import org.asyncio4j.Asyncio
import org.asyncio4j.CancelledError
import org.asyncio4j.Coroutine
import org.asyncio4j.QueueShutDown
import org.asyncio4j.Task
import org.asyncio4j.kotlin.Condition
import org.asyncio4j.kotlin.Lock
import org.asyncio4j.kotlin.Queue
import org.asyncio4j.kotlin.coGet
import org.asyncio4j.kotlin.coPut
import org.asyncio4j.kotlin.coWaitFor
import org.asyncio4j.kotlin.createTask
import org.asyncio4j.kotlin.sleep
import org.asyncio4j.kotlin.withLock
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertFalse
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.params.ParameterizedTest
import org.junit.jupiter.params.provider.ValueSource
import java.util.concurrent.CancellationException

/**
 * Cancellation storms (see [Storm]) where Kotlin coroutines and Java bodies share one primitive. Each Kotlin
 * operation is a Kotlin task of its own, so that cancelling it (final in Kotlin) ends just that operation: timeouts,
 * random cancellations and cancellations right after a handoff all go through the Kotlin paths (awaitFuture's
 * cancellation handler, the non-cancellable re-acquire of Condition).
 */
class KotlinSyncStormTest : LoopTest() {

    /**
     * From a Java driver body: runs [op] as a Kotlin task in [line], with a timeout on half the calls.
     * @return true if it completed (even if the driver's await was cancelled after that), false if it was cancelled
     * @throws Exception what the operation threw, other than a cancellation
     */
    private fun Storm.kotlinOp(line: Storm.Line, maxTicks: Int, op: suspend () -> Unit): Boolean {
        val t = createTask { op() }
        val timeout = if (rnd.nextBoolean()) loop.callLater((1 + rnd.nextInt(maxTicks)) * Storm.TICK) { t.cancel() } else null
        line.enter(t)
        return try {
            t.await()
            true
        } catch (e: CancelledError) {
            // The driver's own await was cancelled: what counts is how the operation ended (result() rethrows its
            // exception, such as QueueShutDown).
            if (t.done() && !t.cancelled()) {
                t.result()
                true
            } else {
                false
            }
        } finally {
            line.leave(t)
            timeout?.cancel()
        }
    }

    private fun sleepQuietly(delay: Double) {
        try {
            Asyncio.sleep(delay)
        } catch (e: CancelledError) {
            // a cancellation between operations is part of the storm
        }
    }

    private fun driver(body: () -> Unit): Task<*> = Asyncio.createTask(Coroutine { body(); null })

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = [1, 2, 3, 4, 5])
    fun `Kotlin and Java tasks keep a lock consistent through a storm`(seed: Long) {
        val storm = Storm(loop, 5001 * seed)
        val lock = Lock()
        val acquirers = storm.Line()
        var owner: Any? = null
        var acquired = 0
        var gaveUp = 0
        val workers = 24
        val ops = 40
        storm.checkBetweenTicks { if (!lock.locked() && lock.toString().contains("waiters")) "free lock with waiters $lock" else null }
        storm.run(
            Coroutine {
                val drivers = (0 until workers).map { w ->
                    driver {
                        repeat(ops) {
                            val me = Any()
                            var held = false
                            if (w % 2 == 0) {
                                storm.kotlinOp(acquirers, 8) {
                                    lock.withLock {
                                        check(owner == null) { "two holders at once" }
                                        owner = me
                                        held = true
                                        try {
                                            sleep(storm.ticks(2))
                                        } finally {
                                            owner = null
                                        }
                                    }
                                    acquirers.maybeCancelTheWoken(3)
                                }
                            } else {
                                storm.maybeTimed(acquirers, 8) {
                                    lock.acquire()
                                    try {
                                        check(owner == null) { "two holders at once" }
                                        owner = me
                                        held = true
                                        sleepQuietly(storm.ticks(2))
                                    } finally {
                                        owner = null
                                        lock.release()
                                        acquirers.maybeCancelTheWoken(3)
                                    }
                                    null
                                }
                            }
                            // A Kotlin holder cancelled inside the lock (final) held it all the same.
                            if (held) acquired++ else gaveUp++
                            sleepQuietly(storm.ticks(3))
                        }
                    }
                }
                storm.chaos(drivers, 300, 500)
                drivers.forEach { it.await() }
                null
            },
        ) { lock.toString() }
        assertTrue(acquired > 0 && gaveUp > 0, "the storm must hit every path")
        assertEquals(workers * ops, acquired + gaveUp)
        assertEquals("<Lock [unlocked]>", lock.toString())
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = [1, 2, 3, 4, 5])
    fun `Kotlin consumers of a condition lose no signal and leave cancelled waits holding the lock`(seed: Long) {
        val storm = Storm(loop, 5002 * seed)
        val cond = Condition()
        val consumerLine = storm.Line()
        val producerLine = storm.Line()
        var tokens = 0
        var consumed = 0
        var idleWaiters = 0
        var done = false
        val producers = 4
        val perProducer = 80
        storm.checkBetweenTicks {
            if (!cond.locked() && tokens > 0 && idleWaiters > 0) "$tokens tokens while $idleWaiters consumers wait" else null
        }
        storm.run(
            Coroutine {
                val prod = (0 until producers).map {
                    driver {
                        var made = 0
                        while (made < perProducer) {
                            if (storm.maybeTimed(producerLine, 3) { cond.acquire(); null }) {
                                try {
                                    tokens++
                                    made++
                                    cond.signal()
                                    consumerLine.maybeCancelTheWoken(3)
                                    if (storm.rnd.nextInt(4) == 0) sleepQuietly(Storm.TICK)
                                } finally {
                                    cond.release()
                                }
                            }
                            sleepQuietly(storm.ticks(4))
                        }
                    }
                }
                val cons = (0 until 6).map {
                    driver {
                        var finished = false
                        while (!finished) {
                            var got = false
                            val completed = storm.kotlinOp(consumerLine, 12) {
                                var idle = false
                                cond.withLock {
                                    try {
                                        cond.coWaitFor {
                                            val ready = tokens > 0 || done
                                            if (ready == idle) {
                                                idle = !ready
                                                idleWaiters += if (ready) -1 else 1
                                            }
                                            ready
                                        }
                                    } catch (e: CancellationException) {
                                        check(cond.locked()) { "a cancelled Kotlin waiter must leave with the lock held" }
                                        throw e
                                    } finally {
                                        if (idle) {
                                            idle = false
                                            idleWaiters--
                                        }
                                    }
                                    if (tokens > 0) {
                                        tokens--
                                        consumed++
                                        got = true
                                    } else {
                                        finished = true
                                    }
                                }
                            }
                            sleepQuietly(if (!completed) storm.backoff() else if (got) (1 + storm.rnd.nextInt(3)) * Storm.TICK else 0.0)
                        }
                    }
                }
                storm.chaos(prod, 60, 400)
                prod.forEach { it.await() }
                cond.acquire()
                try {
                    done = true
                    cond.signalAll()
                } finally {
                    cond.release()
                }
                cons.forEach { it.await() }
                null
            },
        ) { "$cond tokens=$tokens" }
        assertEquals(producers * perProducer, consumed)
        assertEquals(0, tokens)
        assertEquals("<Condition [unlocked]>", cond.toString())
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = [1, 2, 3, 4, 5])
    fun `Kotlin and Java producers and consumers deliver every item exactly once`(seed: Long) {
        val storm = Storm(loop, 5003 * seed)
        val q = Queue<Int>(3)
        val getters = storm.Line()
        val putters = storm.Line()
        val producers = 8
        val perProducer = 50
        val seen = BooleanArray(producers * perProducer)
        var received = 0
        storm.checkBetweenTicks {
            val s = q.toString()
            when {
                q.qsize() > 0 && s.contains("getters[") -> "items while getters wait: $s"
                !q.full() && s.contains("putters[") -> "room while putters wait: $s"
                else -> null
            }
        }
        storm.run(
            Coroutine {
                val prod = (0 until producers).map { p ->
                    driver {
                        for (item in p * perProducer until (p + 1) * perProducer) {
                            while (true) {
                                val ok = if (p % 2 == 0) {
                                    storm.kotlinOp(putters, 4) { q.coPut(item) }
                                } else {
                                    storm.maybeTimed(putters, 4) { q.put(item); null }
                                }
                                if (ok) break
                                sleepQuietly(storm.backoff())
                            }
                            getters.maybeCancelTheWoken(3)
                            sleepQuietly(storm.ticks(if ((loop.time() / Storm.TICK).toInt() / 16 % 2 == 0) 6 else 0))
                        }
                    }
                }
                val cons = (0 until 10).map { c ->
                    driver {
                        try {
                            while (true) {
                                var item = -1
                                val ok = if (c % 2 == 0) {
                                    storm.kotlinOp(getters, 6) { item = q.coGet() }
                                } else {
                                    storm.maybeTimed(getters, 6) { item = q.get(); null }
                                }
                                if (!ok) {
                                    sleepQuietly(storm.backoff())
                                    continue
                                }
                                putters.maybeCancelTheWoken(3)
                                assertFalse(seen[item], "item $item delivered twice")
                                seen[item] = true
                                received++
                                q.taskDone()
                                sleepQuietly(storm.ticks(if ((loop.time() / Storm.TICK).toInt() / 16 % 2 == 0) 0 else 6))
                            }
                        } catch (e: QueueShutDown) {
                            // the end of the storm
                        }
                    }
                }
                storm.chaos(prod + cons, 300, 150)
                prod.forEach { it.await() }
                q.join()
                q.shutdown()
                cons.forEach { it.await() }
                null
            },
        ) { q.toString() }
        assertEquals(seen.size, received)
        assertTrue(seen.all { it }, "an item was lost")
    }
}
