package org.asyncio4j.impl

import org.asyncio4j.BoundedSemaphore

/** Python's `asyncio.BoundedSemaphore`: a [SemaphoreImpl] whose count may not be released above [bound]. */
internal class BoundedSemaphoreImpl(private val bound: Int) : SemaphoreImpl(bound), BoundedSemaphore {
    override fun release() {
        checkUse("BoundedSemaphore.release")
        check(value < bound) { "BoundedSemaphore released too many times (initial value $bound)" }
        super.release()
    }

    override val kind: String get() = "BoundedSemaphore"
}
