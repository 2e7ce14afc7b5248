package org.asyncio4j.bench

import kotlinx.coroutines.CoroutineScope
import org.asyncio4j.Asyncio
import org.asyncio4j.Future
import org.asyncio4j.LoopConfig
import org.asyncio4j.Runner
import org.asyncio4j.Task
import org.asyncio4j.kotlin.Lock
import org.asyncio4j.kotlin.Queue
import org.asyncio4j.kotlin.coAwait
import org.asyncio4j.kotlin.coGet
import org.asyncio4j.kotlin.coPut
import org.asyncio4j.kotlin.createSuspendTask
import org.asyncio4j.kotlin.createTask
import org.asyncio4j.kotlin.gather
import org.asyncio4j.kotlin.sleep
import org.asyncio4j.kotlin.waitFor
import org.asyncio4j.kotlin.withLock

/**
 * The workloads as Kotlin `suspend` bodies running as asyncio4j tasks (`createTask { }`, `coAwait()`,
 * `sleep(0.0)`, `gather`, `waitFor`, `Lock().withLock { }`, `Queue<T>(1).coPut/coGet`): kotlinx coroutines dispatched by the asyncio4j loop, whatever its engine. Each repetition
 * runs on a fresh loop (default configuration); the time is taken inside the main task.
 */
class KotlinTasks : Contender {
    override fun key(): String = "kotlin-tasks"

    override fun label(): String = "asyncio4j Kotlin tasks"

    override fun description(): String =
        "Kotlin suspend bodies as asyncio4j tasks (org.asyncio4j.kotlin createTask/coAwait/sleep/gather/waitFor) on the loop's dispatcher"

    override fun run(w: Workload, n: Int): Sample = Runner { Asyncio.newEventLoop(LoopConfig.defaults()) }.use { runner ->
        val loop = runner.loop
        val main: suspend CoroutineScope.() -> Sample = when (w) {
            Workload.YIELD -> { { yields(n) } }
            Workload.YIELD2 -> { { yield2(n) } }
            Workload.PINGPONG -> { { pingpong(n) } }
            Workload.SPAWN -> { { spawn(n) } }
            Workload.SUSPENDED -> { { suspended(n) } }
            Workload.GATHER -> { { gathers(n) } }
            Workload.WAITFOR -> { { waitFors(n) } }
            Workload.LOCK -> { { locks(n) } }
            Workload.QPINGPONG -> { { queuePingpong(n) } }
        }
        loop.runUntilComplete(loop.createSuspendTask(block = main))
    }

    private suspend fun yields(n: Int): Sample {
        val t0 = System.nanoTime()
        repeat(n) { sleep(0.0) }
        return Sample.time(System.nanoTime() - t0)
    }

    private suspend fun yield2(n: Int): Sample {
        val each = n / 2
        val t0 = System.nanoTime()
        val a = createTask { repeat(each) { sleep(0.0) }; each }
        val b = createTask { repeat(each) { sleep(0.0) }; each }
        val done = a.coAwait() + b.coAwait()
        val t = System.nanoTime() - t0
        Check.equal(2L * each, done.toLong(), "yield2 count")
        return Sample.time(t)
    }

    /** The two mailboxes of the ping-pong: each message is the result of the receiver's current future. */
    private class Boxes(var toA: Future<Int>, var toB: Future<Int>)

    private suspend fun CoroutineScope.pingpong(n: Int): Sample {
        val loop = Asyncio.getRunningLoop()
        val rounds = n / 2
        val box = Boxes(loop.createFuture(), loop.createFuture())
        val t0 = System.nanoTime()
        val ping = createTask {
            var sum = 0L
            for (i in 0 until rounds) {
                box.toB.setResult(i)
                val v = box.toA.coAwait()
                box.toA = loop.createFuture()
                Check.equal(i.toLong(), v.toLong(), "pingpong reply")
                sum += v
            }
            sum
        }
        val pong = createTask {
            var sum = 0L
            for (i in 0 until rounds) {
                val v = box.toB.coAwait()
                box.toB = loop.createFuture()
                box.toA.setResult(v)
                sum += v
            }
            sum
        }
        val sum = ping.coAwait() + pong.coAwait()
        val t = System.nanoTime() - t0
        Check.equal(rounds.toLong() * (rounds - 1), sum, "pingpong sum")
        return Sample.time(t)
    }

    private suspend fun spawn(n: Int): Sample {
        val t0 = System.nanoTime()
        val tasks = ArrayList<Task<Int>>(n)
        for (i in 0 until n) tasks.add(createTask { sleep(0.0); i })
        var sum = 0L
        for (task in tasks) sum += task.coAwait()
        val t = System.nanoTime() - t0
        Check.equal(n.toLong() * (n - 1) / 2, sum, "spawn sum")
        return Sample.time(t)
    }

    private suspend fun suspended(n: Int): Sample {
        var started = 0
        val heap0 = Heap.usedAfterGc()
        val gate = Asyncio.getRunningLoop().createFuture<Int>()
        val t0 = System.nanoTime()
        val tasks = ArrayList<Task<Int>>(n)
        for (i in 0 until n) tasks.add(createTask { started++; gate.coAwait() })
        while (started < n) sleep(0.0)
        val t = System.nanoTime() - t0
        val heap = Heap.usedAfterGc() - heap0
        gate.setResult(1)
        var sum = 0L
        for (task in tasks) sum += task.coAwait()
        Check.equal(n.toLong(), sum, "suspended sum")
        return Sample(t, heap)
    }

    /** n rounds of `gather` over [Workload.GATHER_WIDTH] fresh blocks, each returning its index (distinct blocks). */
    private suspend fun gathers(rounds: Int): Sample {
        val width = Workload.GATHER_WIDTH
        var sum = 0L
        val t0 = System.nanoTime()
        repeat(rounds) {
            val children = Array<suspend CoroutineScope.() -> Int>(width) { j -> { j } }
            for (v in gather(*children)) sum += v
        }
        val t = System.nanoTime() - t0
        Check.equal(rounds.toLong() * width * (width - 1) / 2, sum, "gather sum")
        return Sample.time(t)
    }

    /** n calls of `waitFor(1.0) { immediate() }`. */
    private suspend fun waitFors(n: Int): Sample {
        var sum = 0L
        val t0 = System.nanoTime()
        repeat(n) { sum += waitFor(1.0) { immediate() } }
        val t = System.nanoTime() - t0
        Check.equal(n.toLong(), sum, "waitfor sum")
        return Sample.time(t)
    }

    /** The counter of the lock workload. */
    private class Counter {
        var value = 0
    }

    /** [Workload.LOCK_TASKS] tasks, n `withLock` acquisitions of one asyncio4j Lock in all, each across one `sleep(0.0)`. */
    private suspend fun locks(n: Int): Sample {
        val iters = n / Workload.LOCK_TASKS
        val lock = Lock()
        val counter = Counter()
        val workers = List(Workload.LOCK_TASKS) {
            createTask {
                repeat(iters) {
                    lock.withLock {
                        val v = counter.value
                        sleep(0.0)
                        counter.value = v + 1
                    }
                }
                iters
            }
        }
        val t0 = System.nanoTime()
        var done = 0L
        for (w in workers) done += w.coAwait()
        val t = System.nanoTime() - t0
        Check.equal(Workload.LOCK_TASKS.toLong() * iters, done, "lock iterations")
        Check.equal(Workload.LOCK_TASKS.toLong() * iters, counter.value.toLong(), "lock mutual exclusion")
        return Sample.time(t)
    }

    /** n messages in all through two asyncio4j `Queue(1)` (`coPut`/`coGet`), as Python's pingpong. */
    private suspend fun queuePingpong(n: Int): Sample {
        val rounds = n / 2
        val ab = Queue<Int>(1)
        val ba = Queue<Int>(1)
        val ping = createTask {
            var sum = 0L
            for (i in 0 until rounds) {
                ab.coPut(i)
                val v = ba.coGet()
                Check.equal(i.toLong(), v.toLong(), "qpingpong reply")
                sum += v
            }
            sum
        }
        val pong = createTask {
            var sum = 0L
            for (i in 0 until rounds) {
                val v = ab.coGet()
                ba.coPut(v)
                sum += v
            }
            sum
        }
        val t0 = System.nanoTime()
        val sum = ping.coAwait() + pong.coAwait()
        val t = System.nanoTime() - t0
        Check.equal(rounds.toLong() * (rounds - 1), sum, "qpingpong sum")
        return Sample.time(t)
    }
}
