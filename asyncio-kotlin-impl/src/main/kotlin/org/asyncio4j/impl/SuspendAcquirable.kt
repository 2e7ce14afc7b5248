package org.asyncio4j.impl

/**
 * The suspend form of [org.asyncio4j.Acquirable.acquire], written once per primitive: the Kotlin API calls it
 * directly, the Java method through [runInBody].
 */
internal interface SuspendAcquirable {
    suspend fun acquireSuspend()
}
