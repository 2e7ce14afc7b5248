package org.asyncio4j.impl

import org.asyncio4j.Context
import org.asyncio4j.Task
import java.util.concurrent.atomic.AtomicLong

/**
 * What every task shares, whatever runs its body: name, the loop's strong reference while pending,
 * the cancellation-request count, and the refusal of setResult/setException.
 */
internal abstract class TaskImpl<T>(loop: EventLoopImpl, name: String?) : FutureImpl<T>(loop), Task<T> {
    private var taskName: String? = name
    /** Python numbers only the tasks created without a name; the name string is made when first asked for. */
    private val number = if (name == null) COUNTER.incrementAndGet() else 0L

    @JvmField internal var prevTask: TaskImpl<*>? = null
    @JvmField internal var nextTask: TaskImpl<*>? = null
    @JvmField internal var numCancelsRequested = 0
    /** The task runs in a copy of the context current at its creation. */
    @JvmField internal val context: Context = Context.copyContext()

    init {
        loop.register(this)
    }

    override fun getName(): String = taskName ?: "Task-$number".also { taskName = it }

    override fun setName(name: String) {
        taskName = name
    }

    override fun cancelling(): Int = numCancelsRequested

    override fun setResult(result: T) {
        throw UnsupportedOperationException("Task does not support setResult(): its result is what its body returns")
    }

    override fun setException(exception: Throwable) {
        throw UnsupportedOperationException("Task does not support setException(): its exception is what its body throws")
    }

    override fun onDone() {
        loop.unregister(this)
    }

    /** The loop closes while this task is pending: end its body (its finally blocks run). */
    internal abstract fun closeBody()

    override fun describe(): String = "Task name='${getName()}'"

    private companion object {
        val COUNTER = AtomicLong()
    }
}
