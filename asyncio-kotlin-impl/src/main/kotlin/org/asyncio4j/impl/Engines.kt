package org.asyncio4j.impl

import org.asyncio4j.Engine

/**
 * Chooses the engine of a loop. AUTO (the default, or the system property `asyncio4j.engine` =
 * `auto|continuation|virtual`) picks the continuation engine when `jdk.internal.vm` is exported to
 * asyncio4j, else the virtual-thread engine. The choice is logged once, at the first loop.
 */
internal object Engines {
    private const val CONTINUATION_ENGINE_CLASS = "org.asyncio4j.impl.ContinuationEngine"
    const val FLAG = "--add-exports java.base/jdk.internal.vm=ALL-UNNAMED"

    /** True when this JVM lets asyncio4j use `jdk.internal.vm.Continuation`. */
    val continuationAvailable: Boolean by lazy {
        try {
            val base = Any::class.java.module
            base.isExported("jdk.internal.vm", Engines::class.java.module) &&
                Class.forName("jdk.internal.vm.Continuation") != null
        } catch (e: Throwable) {
            false
        }
    }

    private val defaultEngine: Engine by lazy {
        val chosen = resolve(fromProperty())
        EventLoopImpl.LOG.log(
            System.Logger.Level.INFO,
            if (chosen == Engine.CONTINUATION) {
                "asyncio4j: continuation engine (jdk.internal.vm is exported)"
            } else {
                "asyncio4j: virtual-thread engine (for the faster continuation engine, run java with $FLAG)"
            },
        )
        chosen
    }

    private fun fromProperty(): Engine = when (val p = System.getProperty("asyncio4j.engine", "auto").lowercase()) {
        "auto", "" -> Engine.AUTO
        "continuation" -> Engine.CONTINUATION
        "virtual", "virtual_threads", "virtual-threads" -> Engine.VIRTUAL_THREADS
        else -> throw IllegalArgumentException("asyncio4j.engine must be auto, continuation or virtual, not '$p'")
    }

    private fun resolve(requested: Engine): Engine = when (requested) {
        Engine.AUTO -> if (continuationAvailable) Engine.CONTINUATION else Engine.VIRTUAL_THREADS
        else -> requested
    }

    fun create(requested: Engine, loop: EventLoopImpl): CoroutineEngine {
        val kind = if (requested == Engine.AUTO) defaultEngine else requested
        return when (kind) {
            Engine.CONTINUATION -> {
                check(continuationAvailable) { "the continuation engine needs $FLAG on the java command line" }
                Class.forName(CONTINUATION_ENGINE_CLASS).getDeclaredConstructor(EventLoopImpl::class.java)
                    .newInstance(loop) as CoroutineEngine
            }
            else -> VirtualThreadEngine(loop)
        }
    }
}
