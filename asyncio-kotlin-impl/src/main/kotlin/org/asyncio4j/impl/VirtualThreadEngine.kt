package org.asyncio4j.impl

import org.asyncio4j.Context
import org.asyncio4j.ContextSlot
import org.asyncio4j.Engine
import java.util.concurrent.locks.LockSupport
import java.util.function.Supplier

/**
 * The flagless engine: each body is a virtual thread, and a strict baton lets exactly one thread (the
 * loop's own or one body) touch the loop at a time.
 *
 * The body that is about to suspend runs the loop's ready callbacks itself ([VirtualThreadFiber.suspend]):
 * when the next ready step is its own it just goes on (no thread switch), when it is another body's it
 * hands the baton straight to that body; only when the loop must wait idle or stop does it hand the
 * baton back to the loop's own thread. A real switch is one virtual-thread park/unpark pair.
 *
 * Hazard: bodies share the JDK's virtual-thread scheduler with the rest of the application; CPU-bound
 * virtual threads elsewhere can delay them (see docs/design.md).
 */
internal class VirtualThreadEngine(private val loop: EventLoopImpl) : CoroutineEngine {
    override val kind: Engine get() = Engine.VIRTUAL_THREADS
    private val builder = Thread.ofVirtual().name("asyncio4j-task")
    /** The body holding the baton, or null when the loop's own thread holds it. */
    @Volatile internal var holder: VirtualThreadFiber? = null

    override fun newFiber(task: JavaTask<*>): Fiber = VirtualThreadFiber(task)

    override fun newGeneratorFiber(body: Runnable): GeneratorFiber = VirtualThreadGenerator(body)

    /** A body's or generator's own slot (no thread-local), or the loop's own thread's. */
    override fun contextSlot(): ContextSlot = Context.currentThreadSlot()

    /** Bodies run on threads of their own, each its own slot: nothing to route. */
    override val threadSlotRouter: Supplier<ContextSlot>? get() = null

    /** The engine thread running now: a body's or an async generator's (each is its thread's slot). */
    private fun runningEngineThread(): EngineThread = Thread.currentThread().uncaughtExceptionHandler as EngineThread

    /**
     * What a thread of this engine keeps instead of thread-locals: its loop ([EventLoopImpl.runningLoop]) and
     * its current context ([ContextSlot]). It is the thread's uncaught-exception handler, a field every thread
     * has, so a suspended body's thread carries no ThreadLocalMap.
     */
    internal abstract inner class EngineThread : Thread.UncaughtExceptionHandler, ContextSlot {
        val loop: EventLoopImpl get() = this@VirtualThreadEngine.loop
        private var context: Context? = null
        /** What was current on this thread before [enterBodyContext]: current again at [leaveBodyContext]. */
        private var outerContext: Context? = null

        /** Makes a body's context current on this thread (this is the thread's slot): the body runs here now. */
        fun enterBodyContext(body: Context) {
            outerContext = Context.enter(body, this)
        }

        /**
         * Leaves the body's current context (its task's, or one the body entered with `Context.run` and awaits in):
         * the body stops running on this thread for now. Returns that context, to enter again where it resumes.
         */
        fun leaveBodyContext(): Context {
            val body = context!!
            Context.exit(outerContext, this)
            return body
        }

        override fun currentContext(): Context? = context

        override fun setCurrentContext(context: Context?) {
            this.context = context
        }

        /** Bodies catch what they throw: anything left goes where it would without this handler. */
        override fun uncaughtException(t: Thread, e: Throwable) = t.threadGroup.uncaughtException(t, e)

        protected fun newThread(body: Runnable): Thread = builder.unstarted(body).also { it.uncaughtExceptionHandler = this }
    }

    internal inner class VirtualThreadFiber(private val task: JavaTask<*>) : EngineThread(), Fiber, Runnable {
        private val thread: Thread = newThread(this)
        /** The thread running this task's code now: its own, or an async generator's it is inside. */
        @Volatile internal var activeThread: Thread = thread
        @Volatile private var baton = false
        private var started = false
        /** Set when this body's step has come up while it was running the loop, or when an exiting body handed over. */
        private var stepped = false
        /** Set when this body, running the loop, has just handed the baton to another body: it waits once unwound. */
        private var handedOff = false
        private var exiting = false
        /** An eager start is under way: the first suspension returns the baton to [creator] (null: the loop's thread). */
        private var eager = false
        private var creator: VirtualThreadFiber? = null

        override fun started(): Boolean = started

        /** The thread's whole life: the body, the task's completion, then the baton goes on for good. */
        override fun run() {
            baton = false
            var result: Any? = null
            var failure: Throwable? = null
            enterBodyContext(task.context)
            try {
                result = task.callBody()
            } catch (t: Throwable) {
                failure = t
            } finally {
                leaveBodyContext()
            }
            @Suppress("UNCHECKED_CAST")
            (task as JavaTask<Any?>).finishBody(result, failure)
            exit()
        }

        override fun resume() {
            val me = holder
            if (me === this) {
                stepped = true
                return
            }
            handOver()
            when {
                me == null -> loop.parkMain()
                me.exiting -> me.stepped = true
                else -> me.handedOff = true
            }
        }

        override fun resumeEagerly() {
            val me = holder
            eager = true
            creator = me
            handOver()
            if (me == null) loop.parkMain() else me.awaitBaton()
        }

        /** Makes this body the holder of the baton and lets it run. */
        private fun handOver() {
            holder = this
            loop.owner = activeThread
            baton = true
            if (!started) {
                started = true
                thread.start()
            } else {
                LockSupport.unpark(activeThread)
            }
        }

        /** Running the loop here already takes this body's own step when it comes next. */
        override fun suspendYielding() = suspend()

        /**
         * While the thread running the body's code (its own, or an async generator's it is inside) runs the loop
         * and waits, the task's context is left there.
         */
        override fun suspend() {
            val here = runningEngineThread()
            val body = here.leaveBodyContext()
            try {
                // Parks in this frame, once the loop has been run: the parked stack is shallower.
                if (!runLoopUntilStepped()) awaitBaton()
            } finally {
                here.enterBodyContext(body)
            }
        }

        /**
         * Runs the loop's callbacks until this body's step comes up (true), or until the baton has gone to another
         * thread (false: this body must wait for it).
         */
        private fun runLoopUntilStepped(): Boolean {
            stepped = false
            if (returnToCreator()) return false
            while (true) {
                val h = loop.nextHandle(false)
                if (h == null) {
                    handToMain()
                    return false
                }
                loop.runHandle(h)
                if (handedOff) {
                    handedOff = false
                    return false
                }
                if (stepped) return true
            }
        }

        private fun exit() {
            exiting = true
            stepped = false
            if (returnToCreator()) return
            if (loop.closing) {
                handToMain()
                return
            }
            while (true) {
                val h = loop.nextHandle(false)
                if (h == null) {
                    handToMain()
                    return
                }
                loop.runHandle(h)
                if (stepped) return
            }
        }

        /** After an eager start, hands the baton back to the creator; false if this is not an eager start. */
        private fun returnToCreator(): Boolean {
            if (!eager) return false
            eager = false
            val c = creator
            creator = null
            if (c == null) {
                handToMain()
            } else {
                holder = c
                loop.owner = c.activeThread
                c.baton = true
                LockSupport.unpark(c.activeThread)
            }
            return true
        }

        private fun handToMain() {
            holder = null
            loop.giveMain()
        }

        private fun awaitBaton() {
            while (!baton) LockSupport.park(this)
            baton = false
        }

        override fun toString(): String = "VirtualThreadFiber($task)"
    }

    /**
     * An async generator's body on its own virtual thread. While it runs, it is its consumer task's active
     * thread: the task's baton, steps and context go to it; [emit] and the body's end hand everything back.
     */
    internal inner class VirtualThreadGenerator(private val body: Runnable) : EngineThread(), GeneratorFiber, Runnable {
        private val thread: Thread = newThread(this)
        private var started = false
        @Volatile private var generatorTurn = false
        @Volatile private var consumerTurn = false
        private var task: JavaTask<*>? = null
        private var consumer: Thread? = null

        override fun enter(task: JavaTask<*>) {
            val fiber = task.fiber as VirtualThreadFiber
            // The consumer: the task's own thread, or the thread of a generator that consumes this one.
            val here = runningEngineThread()
            this.task = task
            consumer = fiber.activeThread
            val consumerContext = here.leaveBodyContext()
            fiber.activeThread = thread
            loop.owner = thread
            consumerTurn = false
            generatorTurn = true
            if (!started) {
                started = true
                thread.start()
            } else {
                LockSupport.unpark(thread)
            }
            while (!consumerTurn) LockSupport.park(this)
            here.enterBodyContext(consumerContext)
        }

        override fun run() {
            generatorTurn = false
            enterBodyContext(task!!.context)
            body.run()
            leaveBodyContext()
            handBack()
        }

        override fun emit() {
            val generatorContext = leaveBodyContext()
            handBack()
            while (!generatorTurn) LockSupport.park(this)
            generatorTurn = false
            enterBodyContext(generatorContext)
        }

        private fun handBack() {
            val t = task!!
            val c = consumer!!
            (t.fiber as VirtualThreadFiber).activeThread = c
            loop.owner = c
            task = null
            consumer = null
            consumerTurn = true
            LockSupport.unpark(c)
        }
    }
}
