package org.asyncio4j.bench

import kotlinx.coroutines.CompletableDeferred
import kotlinx.coroutines.CoroutineScope
import kotlinx.coroutines.Deferred
import kotlinx.coroutines.ExecutorCoroutineDispatcher
import kotlinx.coroutines.async
import kotlinx.coroutines.awaitAll
import kotlinx.coroutines.channels.Channel
import kotlinx.coroutines.newSingleThreadContext
import kotlinx.coroutines.runBlocking
import kotlinx.coroutines.sync.Mutex
import kotlinx.coroutines.sync.withLock
import kotlinx.coroutines.withContext
import kotlinx.coroutines.withTimeout
import kotlinx.coroutines.yield

/**
 * The limit: the same workloads as plain Kotlin `suspend` code on one thread, without asyncio4j.
 * `sleep(0)` is `yield()`, a task is an `async` coroutine, a future is a `CompletableDeferred`, `gather` is
 * `awaitAll()` of `async` children, `waitFor` is `withTimeout` around the call (as asyncio4j and CPython 3.12+ run it),
 * a Lock is a (fair) `Mutex`, a `Queue(maxsize=1)` is a `Channel(1)`.
 *
 * With [singleThread] false (the default) the coroutines run in `runBlocking`'s event loop on the calling
 * thread; with true, on a `newSingleThreadContext` dispatcher (a one-thread executor) entered from `runBlocking`.
 */
class KotlinRaw(private val singleThread: Boolean) : Contender {
    private val dispatcher: ExecutorCoroutineDispatcher? =
        if (singleThread) @Suppress("OPT_IN_USAGE") newSingleThreadContext("kotlinx-bench") else null

    override fun key(): String = "kotlinx"

    override fun label(): String = "raw kotlinx"

    override fun description(): String =
        if (singleThread) "Kotlin suspend code, kotlinx.coroutines newSingleThreadContext (one executor thread)"
        else "Kotlin suspend code, kotlinx.coroutines runBlocking event loop (the calling thread)"

    override fun run(w: Workload, n: Int): Sample = onOneThread {
        when (w) {
            Workload.YIELD -> yields(n)
            Workload.YIELD2 -> yield2(n)
            Workload.PINGPONG -> pingpong(n)
            Workload.SPAWN -> spawn(n)
            Workload.SUSPENDED -> suspended(n)
            Workload.GATHER -> gathers(n)
            Workload.WAITFOR -> waitFors(n)
            Workload.LOCK -> locks(n)
            Workload.QPINGPONG -> channelPingpong(n)
        }
    }

    override fun close() {
        dispatcher?.close()
    }

    private fun <T> onOneThread(block: suspend CoroutineScope.() -> T): T {
        val d = dispatcher ?: return runBlocking(block = block)
        return runBlocking { withContext(d, block) }
    }

    private suspend fun yields(n: Int): Sample {
        val t0 = System.nanoTime()
        repeat(n) { yield() }
        return Sample.time(System.nanoTime() - t0)
    }

    private suspend fun CoroutineScope.yield2(n: Int): Sample {
        val each = n / 2
        val t0 = System.nanoTime()
        val a = async { repeat(each) { yield() }; each }
        val b = async { repeat(each) { yield() }; each }
        val done = a.await() + b.await()
        val t = System.nanoTime() - t0
        Check.equal(2L * each, done.toLong(), "yield2 count")
        return Sample.time(t)
    }

    /** The two mailboxes of the ping-pong: each message is the value of the receiver's current deferred. */
    private class Boxes {
        var toA = CompletableDeferred<Int>()
        var toB = CompletableDeferred<Int>()
    }

    private suspend fun CoroutineScope.pingpong(n: Int): Sample {
        val rounds = n / 2
        val box = Boxes()
        val t0 = System.nanoTime()
        val ping = async {
            var sum = 0L
            for (i in 0 until rounds) {
                box.toB.complete(i)
                val v = box.toA.await()
                box.toA = CompletableDeferred()
                Check.equal(i.toLong(), v.toLong(), "pingpong reply")
                sum += v
            }
            sum
        }
        val pong = async {
            var sum = 0L
            for (i in 0 until rounds) {
                val v = box.toB.await()
                box.toB = CompletableDeferred()
                box.toA.complete(v)
                sum += v
            }
            sum
        }
        val sum = ping.await() + pong.await()
        val t = System.nanoTime() - t0
        Check.equal(rounds.toLong() * (rounds - 1), sum, "pingpong sum")
        return Sample.time(t)
    }

    private suspend fun CoroutineScope.spawn(n: Int): Sample {
        val t0 = System.nanoTime()
        val tasks = ArrayList<Deferred<Int>>(n)
        for (i in 0 until n) tasks.add(async { yield(); i })
        var sum = 0L
        for (task in tasks) sum += task.await()
        val t = System.nanoTime() - t0
        Check.equal(n.toLong() * (n - 1) / 2, sum, "spawn sum")
        return Sample.time(t)
    }

    private suspend fun CoroutineScope.suspended(n: Int): Sample {
        var started = 0
        val heap0 = Heap.usedAfterGc()
        val gate = CompletableDeferred<Int>()
        val t0 = System.nanoTime()
        val tasks = ArrayList<Deferred<Int>>(n)
        for (i in 0 until n) tasks.add(async { started++; gate.await() })
        while (started < n) yield()
        val t = System.nanoTime() - t0
        val heap = Heap.usedAfterGc() - heap0
        gate.complete(1)
        var sum = 0L
        for (task in tasks) sum += task.await()
        Check.equal(n.toLong(), sum, "suspended sum")
        return Sample(t, heap)
    }

    /** n rounds of `awaitAll()` over [Workload.GATHER_WIDTH] fresh `async` children, each returning its index. */
    private suspend fun CoroutineScope.gathers(rounds: Int): Sample {
        val width = Workload.GATHER_WIDTH
        var sum = 0L
        val t0 = System.nanoTime()
        repeat(rounds) {
            for (v in List(width) { j -> async { j } }.awaitAll()) sum += v
        }
        val t = System.nanoTime() - t0
        Check.equal(rounds.toLong() * width * (width - 1) / 2, sum, "gather sum")
        return Sample.time(t)
    }

    /** n calls of [immediate] under `withTimeout(1000)`: a timeout armed and disposed of per call. */
    private suspend fun waitFors(n: Int): Sample {
        var sum = 0L
        val t0 = System.nanoTime()
        repeat(n) { sum += withTimeout(1000) { immediate() } }
        val t = System.nanoTime() - t0
        Check.equal(n.toLong(), sum, "waitfor sum")
        return Sample.time(t)
    }
}

/** The counter of the lock workload. */
private class Counter {
    var value = 0
}

/** [Workload.LOCK_TASKS] coroutines, n `Mutex.withLock` acquisitions in all, each holding it across one `yield()`. */
private suspend fun CoroutineScope.locks(n: Int): Sample {
    val iters = n / Workload.LOCK_TASKS
    val mutex = Mutex()
    val counter = Counter()
    val workers = List(Workload.LOCK_TASKS) {
        async {
            repeat(iters) {
                mutex.withLock {
                    val v = counter.value
                    yield()
                    counter.value = v + 1
                }
            }
            iters
        }
    }
    val t0 = System.nanoTime()
    val done = workers.sumOf { it.await().toLong() }
    val t = System.nanoTime() - t0
    Check.equal(Workload.LOCK_TASKS.toLong() * iters, done, "lock iterations")
    Check.equal(Workload.LOCK_TASKS.toLong() * iters, counter.value.toLong(), "lock mutual exclusion")
    return Sample.time(t)
}

/** n messages in all through two `Channel(1)`, as Python's pingpong through two `Queue(maxsize=1)`. */
private suspend fun CoroutineScope.channelPingpong(n: Int): Sample {
    val rounds = n / 2
    val ab = Channel<Int>(1)
    val ba = Channel<Int>(1)
    val ping = async {
        var sum = 0L
        for (i in 0 until rounds) {
            ab.send(i)
            val v = ba.receive()
            Check.equal(i.toLong(), v.toLong(), "qpingpong reply")
            sum += v
        }
        sum
    }
    val pong = async {
        var sum = 0L
        for (i in 0 until rounds) {
            val v = ab.receive()
            ba.send(v)
            sum += v
        }
        sum
    }
    val t0 = System.nanoTime()
    val sum = ping.await() + pong.await()
    val t = System.nanoTime() - t0
    Check.equal(rounds.toLong() * (rounds - 1), sum, "qpingpong sum")
    return Sample.time(t)
}

/** The coroutine of the waitfor workload: Python's `async def imm(): return 1`. */
internal suspend fun immediate(): Int = 1
