package org.asyncio4j.impl

import kotlinx.coroutines.Job
import kotlinx.coroutines.coroutineScope
import kotlinx.coroutines.job
import org.asyncio4j.CancelledError
import kotlin.coroutines.coroutineContext

/*
 * Python's `async with` for the scoped primitives (Timeout, TaskGroup), written once for Java bodies and Kotlin
 * coroutines: the primitive is an [AsyncScope] (its __aenter__/__aexit__), and [runScoped] runs a block inside it.
 */

/**
 * What a scoped primitive cancels to interrupt its block: Python's "current task", with its count of
 * cancellation requests ([cancelling]/[uncancel]), which tells a cancellation the primitive asked for from one
 * that came from elsewhere.
 */
internal interface CancelTarget {
    /** Requests a cancellation of the block (Python's `task.cancel()`). */
    fun cancel()

    /** Takes back one request; returns the number left (Python's `task.uncancel()`). */
    fun uncancel(): Int

    /** @return the number of pending cancellation requests */
    fun cancelling(): Int

    /** @return true once whatever runs the block (the task) is done */
    fun ownerDone(): Boolean
}

/** A Java body: the task running it, exactly as in CPython. */
private class TaskTarget(private val task: TaskImpl<*>) : CancelTarget {
    override fun cancel() {
        task.cancel(null)
    }

    override fun uncancel(): Int = task.uncancel()

    override fun cancelling(): Int = task.cancelling()

    override fun ownerDone(): Boolean = task.isDone

    override fun toString(): String = task.toString()
}

/**
 * A Kotlin block runs in a child scope of its coroutine: cancelling the scope interrupts the block without
 * cancelling the coroutine for good. A cancellation of the coroutine itself (from outside) counts as one request
 * that cannot be taken back.
 */
private class ScopeTarget(private val scope: Job, private val owner: Job?) : CancelTarget {
    private var requests = 0

    override fun cancel() {
        requests++
        scope.cancel(CancelledError())
    }

    override fun uncancel(): Int {
        if (requests > 0) requests--
        return cancelling()
    }

    override fun cancelling(): Int = requests + if (owner?.isCancelled == true) 1 else 0

    override fun ownerDone(): Boolean = owner?.isCompleted == true

    override fun toString(): String = "coroutine ${owner ?: scope}"
}

/** Python's asynchronous context manager protocol, for a primitive that interrupts its block by cancellation. */
internal interface AsyncScope {
    /** Python's `__aenter__`: the block is about to run; [target] interrupts it. */
    fun enter(target: CancelTarget)

    /**
     * Python's `__aexit__`: the block ended, normally ([error] null) or with [error]. Returns what the statement
     * raises: [error] itself to let it through, another exception to replace it, or null to end normally (for an
     * error: to suppress it).
     */
    suspend fun exit(error: Throwable?): Throwable?
}

/**
 * Python's `async with scope: block`. Returns the block's result, or null when [AsyncScope.exit] suppressed the
 * block's exception. In a Java body the scope interrupts the body's task; in a Kotlin coroutine the block runs in
 * a child scope (see [ScopeTarget]), and [AsyncScope.exit] runs in the coroutine after the block.
 */
internal suspend fun <T> AsyncScope.runScoped(block: suspend () -> T): T? =
    if (coroutineContext[JavaBody] != null) runInJavaBody(block) else runInKotlinScope(block)

/** Python's `__aenter__` from a Java body (the scope's own aenter, or [runScoped]): it interrupts the body's task. */
internal fun AsyncScope.enterJavaBody() {
    enter(TaskTarget(runningLoop().awaitingTask()))
}

/**
 * Python's `__aexit__` from a Java body, as [org.asyncio4j.AsyncContextManager.aexit] reports it: true to suppress
 * [error]; an exception replacing [error] is thrown. A body unwound by its loop's close passes through.
 */
internal fun AsyncScope.exitJavaBody(error: Throwable?): Boolean {
    if (error is CoroutineExit) return false
    val outcome = runInBody { exit(error) }
    return when {
        outcome == null -> error != null
        outcome === error -> false
        else -> throw outcome
    }
}

private suspend fun <T> AsyncScope.runInJavaBody(block: suspend () -> T): T? {
    enterJavaBody()
    val value = try {
        block()
    } catch (e: Throwable) {
        if (e is CoroutineExit) throw e
        exit(e)?.let { throw it }
        return null
    }
    exit(null)?.let { throw it }
    return value
}

private suspend fun <T> AsyncScope.runInKotlinScope(block: suspend () -> T): T? {
    val owner = coroutineContext[Job]
    var entered = false
    var returned = false
    var value: T? = null
    try {
        coroutineScope {
            enter(ScopeTarget(coroutineContext.job, owner))
            entered = true
            value = block()
            returned = true
        }
    } catch (e: Throwable) {
        if (!entered) throw e
        if (!returned) {
            exit(e)?.let { throw it }
            return null
        }
        // The block returned, but its scope was cancelled meanwhile: as in Python, the block ended normally.
    }
    exit(null)?.let { throw it }
    return value
}
