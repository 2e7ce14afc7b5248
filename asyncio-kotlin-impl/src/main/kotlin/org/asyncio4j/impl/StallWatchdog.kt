package org.asyncio4j.impl

/**
 * Debug mode's loop-stall detector. A daemon platform thread watches the loop's progress counter while it
 * runs; when no callback or step has completed for [EventLoopImpl.stallWarningDuration] seconds although the
 * loop is not waiting idle, it logs a warning once per stall. The cause is a body or callback that blocks
 * (`Thread.sleep`, blocking I/O, a contended monitor) or, with the virtual-thread engine, CPU-bound virtual
 * threads elsewhere in the JVM that keep the bodies from getting a carrier thread.
 *
 * Overhead: none outside debug mode; in debug mode, one volatile increment per callback.
 */
internal class StallWatchdog(private val loop: EventLoopImpl) : Runnable {
    fun start() {
        Thread.ofPlatform().daemon().name("asyncio4j-stall-watchdog").start(this)
    }

    override fun run() {
        var seen = loop.progress
        var since = System.nanoTime()
        var reported = false
        while (loop.isRunning() && loop.getDebug()) {
            val limitNanos = (loop.stallWarningDuration * 1e9).toLong()
            Thread.sleep(maxOf(1L, limitNanos / 4_000_000))
            val now = System.nanoTime()
            val p = loop.progress
            if (p != seen || loop.isIdle()) {
                seen = p
                since = now
                reported = false
            } else if (!reported && now - since >= limitNanos) {
                reported = true
                EventLoopImpl.LOG.log(
                    System.Logger.Level.WARNING,
                    "asyncio4j: the event loop has made no progress for %.1f seconds (engine ${loop.engine()}): "
                        .format((now - since) / 1e9) +
                        "a body or callback is blocking it (Thread.sleep, blocking I/O, a contended lock)" +
                        if (loop.engine() == org.asyncio4j.Engine.VIRTUAL_THREADS) ", or CPU-bound virtual threads elsewhere starve its bodies" else "",
                )
            }
        }
    }
}
