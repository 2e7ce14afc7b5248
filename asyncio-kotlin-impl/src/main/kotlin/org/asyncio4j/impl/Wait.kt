package org.asyncio4j.impl

import org.asyncio4j.DoneAndPending
import org.asyncio4j.Future
import org.asyncio4j.ReturnWhen
import java.util.function.Consumer

/**
 * Python's `asyncio.wait(fs, timeout=..., return_when=...)`: waits until [returnWhen] holds or the timeout
 * passes, and returns the futures split into done and pending. Nothing is cancelled, and a timeout is not an
 * error. Cancelling the waiting task only stops the wait.
 */
internal suspend fun <F : Future<*>> waitFutures(fs: Collection<F>, timeout: Double?, returnWhen: ReturnWhen): DoneAndPending<F> {
    require(fs.isNotEmpty()) { "wait: the set of futures is empty" }
    require(timeout == null || !timeout.isNaN()) { "wait: timeout must be a number, got NaN" }
    val distinct = LinkedHashSet(fs)
    val futures = distinct.map { it.asImpl() }
    val loop = futures[0].loop
    val waiter = FutureImpl<Unit>(loop)
    val timer = timeout?.let { loop.callLater(it) { if (!waiter.isDone) waiter.completeWithResult(Unit) } }
    var counter = futures.size
    val onCompletion = Consumer<Future<*>> { f ->
        counter--
        if (counter <= 0 ||
            returnWhen == ReturnWhen.FIRST_COMPLETED ||
            returnWhen == ReturnWhen.FIRST_EXCEPTION && !f.cancelled() && f.exception() != null
        ) {
            timer?.cancel()
            if (!waiter.isDone) waiter.completeWithResult(Unit)
        }
    }
    for (f in futures) f.addDoneCallback(onCompletion)
    try {
        awaitFuture(waiter)
    } finally {
        timer?.cancel()
        for (f in futures) f.removeDoneCallback(onCompletion)
    }
    val done = LinkedHashSet<F>()
    val pending = LinkedHashSet<F>()
    for (f in distinct) if (f.done()) done.add(f) else pending.add(f)
    return DoneAndPending(done, pending)
}
