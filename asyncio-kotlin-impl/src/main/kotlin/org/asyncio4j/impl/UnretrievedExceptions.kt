package org.asyncio4j.impl

import java.lang.ref.Cleaner
import java.lang.ref.WeakReference

/**
 * Futures whose exception was set and never retrieved. Each is reported to the loop's exception
 * handler exactly once: when the future is garbage-collected (through a [Cleaner]), and at the latest
 * when the loop is closed.
 */
internal class UnretrievedExceptions(private val loop: EventLoopImpl) {
    private val pending = LinkedHashSet<Report>()

    inner class Report(future: FutureImpl<*>, val exception: Throwable) : Runnable {
        private val futureRef = WeakReference(future)
        private val message = if (future is TaskImpl<*>) "Task exception was never retrieved" else "Future exception was never retrieved"
        private val description = future.toString()
        @Volatile var retrieved = false
        val cleanable: Cleaner.Cleanable = CLEANER.register(future, this)

        /** Runs on the cleaner's thread once the future is unreachable (or when retrieved, then it does nothing). */
        override fun run() {
            if (retrieved) return
            try {
                loop.callSoonThreadsafe { if (pending.remove(this)) deliver() }
            } catch (closed: IllegalStateException) {
                // The loop is closed: close() has reported it already.
            }
        }

        fun deliver() {
            val context = linkedMapOf<String, Any?>("message" to message, "exception" to exception)
            context["future"] = futureRef.get() ?: description
            loop.callExceptionHandler(context)
        }
    }

    fun track(future: FutureImpl<*>, exception: Throwable): Report = Report(future, exception).also { pending.add(it) }

    fun forget(report: Report) {
        pending.remove(report)
        report.retrieved = true
        report.cleanable.clean()
    }

    /** Reports every exception still unretrieved: called when the loop closes. */
    fun reportAll() {
        val all = pending.toList()
        pending.clear()
        for (r in all) {
            r.retrieved = true
            r.deliver()
        }
    }

    private companion object {
        val CLEANER: Cleaner = Cleaner.create()
    }
}
