package org.asyncio4j.impl

import org.asyncio4j.Engine
import java.util.concurrent.locks.LockSupport

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

    internal inner class VirtualThreadFiber(private val task: JavaTask<*>) : Fiber, Runnable {
        private val thread: Thread = builder.unstarted(this)
        @Volatile private var baton = false
        private var started = false
        /** Set when this body's step has come up while it was running the loop, or when an exiting body handed over. */
        private var stepped = false
        private var exiting = false
        /** An eager start is under way: the first suspension returns the baton to [creator] (null: the loop's thread). */
        private var eager = false
        private var creator: VirtualThreadFiber? = null

        override fun started(): Boolean = started

        override fun run() {
            EventLoopImpl.RUNNING_LOOP.set(loop)
            baton = false
            task.runBody()
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
                else -> {
                    me.awaitBaton()
                    me.stepped = true
                }
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
            loop.owner = thread
            baton = true
            if (!started) {
                started = true
                thread.start()
            } else {
                LockSupport.unpark(thread)
            }
        }

        override fun suspend() {
            stepped = false
            if (returnToCreator()) {
                awaitBaton()
                return
            }
            while (true) {
                val h = loop.nextHandle(false)
                if (h == null) {
                    handToMain()
                    awaitBaton()
                    return
                }
                loop.runHandle(h)
                if (stepped) return
            }
        }

        override fun exit() {
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
                loop.owner = c.thread
                c.baton = true
                LockSupport.unpark(c.thread)
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
}
