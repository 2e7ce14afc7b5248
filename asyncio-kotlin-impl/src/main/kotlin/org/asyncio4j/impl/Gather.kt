package org.asyncio4j.impl

import org.asyncio4j.CancelledError
import java.util.IdentityHashMap

/**
 * Python's `asyncio.gather(*aws, return_exceptions=...)`: a future of the children's results in argument order.
 * [toFuture] turns an argument into its child future (Python's `ensure_future`); an argument given twice is one
 * child. With no argument, the result is an empty list at once.
 */
internal fun <T> gather(
    aws: Collection<*>,
    returnExceptions: Boolean,
    loop: EventLoopImpl,
    toFuture: (Any?) -> FutureImpl<*>,
): FutureImpl<List<T>> {
    if (aws.isEmpty()) {
        return FutureImpl<List<T>>(loop).apply { completeWithResult(emptyList()) }
    }
    val outer = GatheringFuture<T>(loop, aws.size, returnExceptions)
    val seen: MutableMap<Any?, FutureImpl<*>>? = if (aws.size > SMALL) IdentityHashMap() else null
    val args = arrayOfNulls<Any?>(aws.size)
    var done: ArrayList<FutureImpl<*>>? = null
    try {
        var i = 0
        for (arg in aws) {
            val known = if (seen != null) seen[arg] else outer.childOf(arg, args, i)
            args[i++] = arg
            if (known != null) {
                outer.children.add(known)
                continue
            }
            val fut = toFuture(arg)
            seen?.put(arg, fut)
            outer.distinct++
            outer.children.add(fut)
            if (fut.isDone) {
                (done ?: ArrayList<FutureImpl<*>>(2).also { done = it }).add(fut)
            } else {
                fut.addInternalCallback(outer.ChildDone(fut))
            }
        }
    } catch (e: Throwable) {
        // A bad argument: the gather does not exist, so the children taken so far must not report to it.
        outer.abandoned = true
        throw e
    }
    // Children done already are handled now, after all were added: if all were, gather is done at once.
    done?.forEach(outer::onChildDone)
    return outer
}

private const val SMALL = 16

/**
 * The future gather returns (Python's `_GatheringFuture`): cancelling it cancels the children that are not done
 * (it then ends with CancelledError once they all are), rather than cancelling itself at once.
 */
internal class GatheringFuture<T>(loop: EventLoopImpl, size: Int, private val returnExceptions: Boolean) :
    FutureImpl<List<T>>(loop) {
    @JvmField val children = ArrayList<FutureImpl<*>>(size)
    @JvmField var distinct = 0
    /** Set when gather failed on a bad argument: the children made so far no longer report. */
    @JvmField var abandoned = false
    private var finished = 0
    private var cancelRequested = false

    /** The child already made for an argument identical to [arg] among the first [n] of [args], or null. */
    fun childOf(arg: Any?, args: Array<Any?>, n: Int): FutureImpl<*>? {
        for (j in 0 until n) if (args[j] === arg) return children[j]
        return null
    }

    override fun cancel(msg: String?): Boolean {
        loop.checkThread("Future.cancel")
        if (isDone) return false
        var any = false
        for (child in children) if (child.cancel(msg)) any = true
        // The request stands even if return_exceptions is set (bpo-32684).
        if (any) cancelRequested = true
        return any
    }

    /** Python's `_done_callback` of gather, for one child. */
    fun onChildDone(fut: FutureImpl<*>) {
        finished++
        if (isDone || abandoned) {
            if (!fut.cancelled()) fut.exception()
            return
        }
        if (!returnExceptions) {
            if (fut.cancelled()) {
                completeWithException(fut.makeCancelledError())
                return
            }
            val exc = fut.exception()
            if (exc != null) {
                completeWithException(exc)
                return
            }
        }
        if (finished < distinct) return
        // A cancelled child is listed as a new CancelledError with the future's own cancel message (a task's is
        // null: the message went to the CancelledError thrown in its body), as CPython does.
        val results = ArrayList<Any?>(children.size)
        for (child in children) {
            results.add(
                when {
                    child.cancelled() -> CancelledError(child.cancelMessage)
                    else -> child.exception() ?: child.result()
                },
            )
        }
        if (cancelRequested) {
            completeWithException(fut.makeCancelledError())
        } else {
            @Suppress("UNCHECKED_CAST")
            completeWithResult(results as List<T>)
        }
    }

    /** The done callback of one child. */
    inner class ChildDone(private val child: FutureImpl<*>) : InternalDoneCallback() {
        override fun run() = onChildDone(child)
    }

    override fun describe(): String = "GatheringFuture"
}
