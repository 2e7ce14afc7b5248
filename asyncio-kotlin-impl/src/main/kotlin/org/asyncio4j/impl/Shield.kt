package org.asyncio4j.impl

import java.util.function.Consumer

/**
 * Python's `asyncio.shield(aw)`: a future with [inner]'s outcome, whose cancellation leaves [inner] running (its
 * result is then dropped, marked retrieved). A cancellation of [inner] itself cancels the shield. A done [inner]
 * is returned as it is.
 */
internal fun <T> shieldFuture(inner: FutureImpl<T>): FutureImpl<T> {
    if (inner.isDone) return inner
    val outer = FutureImpl<T>(inner.loop)
    val innerDone = Consumer<Any?> {
        if (outer.cancelled()) {
            if (!inner.cancelled()) inner.exception()
        } else if (inner.cancelled()) {
            outer.cancelFuture(null)
        } else {
            val exc = inner.exception()
            if (exc != null) outer.completeWithException(exc) else outer.completeWithResult(inner.result())
        }
    }
    inner.addDoneCallback(innerDone)
    outer.addDoneCallback { if (!inner.isDone) inner.removeDoneCallback(innerDone) }
    return outer
}
