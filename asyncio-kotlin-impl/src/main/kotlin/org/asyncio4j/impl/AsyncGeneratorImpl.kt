package org.asyncio4j.impl

import org.asyncio4j.AsyncGenerator
import org.asyncio4j.AsyncGenerator.GeneratorExit
import org.asyncio4j.AsyncGeneratorBody
import org.asyncio4j.StopAsyncIteration

/**
 * Python's async generator for Java bodies. The body runs in a [GeneratorFiber] of the consuming task's loop,
 * inside that task, from one `emit` to the next; the generator is bound to a loop at its first step and
 * registered there until it ends, so that the loop can close it at shutdown.
 */
internal class AsyncGeneratorImpl<T>(private val body: AsyncGeneratorBody<T>) : AsyncGenerator<T> {
    private var loop: EventLoopImpl? = null
    private var fiber: GeneratorFiber? = null
    private var state = CREATED
    private var emitted: T? = null
    private var hasEmitted = false
    /** What the body's current `emit` throws when resumed (athrow, aclose). */
    private var throwIn: Throwable? = null
    private var failure: Throwable? = null

    private val emitter = AsyncGeneratorBody.Emitter<T> { value ->
        emitted = value
        hasEmitted = true
        fiber!!.emit()
        takeThrowIn()
    }

    private fun runBody() {
        try {
            takeThrowIn()
            body.run(emitter)
        } catch (t: Throwable) {
            failure = t
        }
    }

    private fun takeThrowIn() {
        val e = throwIn ?: return
        throwIn = null
        throw e
    }

    private fun step(error: Throwable?): T {
        val l = loop ?: EventLoopImpl.runningLoop()
            ?: throw IllegalStateException("an async generator can only be iterated inside a coroutine body")
        val task = l.awaitingTask()
        check(state != RUNNING) { "anext(): asynchronous generator is already running" }
        if (state == DONE) throw StopAsyncIteration()
        if (state == CREATED) {
            if (error != null) {
                state = DONE
                throw error
            }
            loop = l
            fiber = l.engine.newGeneratorFiber { runBody() }
            l.asyncGenerators[this] = Unit
        }
        throwIn = error
        hasEmitted = false
        state = RUNNING
        try {
            fiber!!.enter(task)
        } catch (pinned: PinnedAwaitException) {
            state = DONE
            throw pinned.toUserError()
        }
        if (hasEmitted) {
            state = SUSPENDED
            val v = emitted
            emitted = null
            @Suppress("UNCHECKED_CAST")
            return v as T
        }
        finish()
        val f = failure ?: throw StopAsyncIteration()
        failure = null
        if (f is StopAsyncIteration) throw IllegalStateException("async generator raised StopAsyncIteration", f)
        throw f
    }

    private fun finish() {
        state = DONE
        fiber = null
        loop?.asyncGenerators?.remove(this)
    }

    override fun anext(): T = step(null)

    override fun athrow(error: Throwable): T = step(error)

    override fun aclose() {
        when (state) {
            DONE -> return
            CREATED -> {
                state = DONE
                return
            }
        }
        try {
            step(GeneratorExit())
        } catch (end: StopAsyncIteration) {
            return
        } catch (exit: GeneratorExit) {
            return
        }
        throw IllegalStateException("async generator ignored GeneratorExit")
    }

    override fun toString(): String = "<AsyncGenerator ${STATES[state]}>"

    private companion object {
        const val CREATED = 0
        const val SUSPENDED = 1
        const val RUNNING = 2
        const val DONE = 3
        val STATES = arrayOf("created", "suspended", "running", "done")
    }
}
