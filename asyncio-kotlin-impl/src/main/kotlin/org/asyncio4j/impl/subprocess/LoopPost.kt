package org.asyncio4j.impl.subprocess

import org.asyncio4j.impl.EventLoopImpl

/** Hands [action] from a pipe thread to the loop; dropped if the loop is already closed (nobody is left to tell). */
internal fun EventLoopImpl.post(action: Runnable) {
    try {
        callSoonThreadsafe(action)
    } catch (closed: IllegalStateException) {
        // The loop was closed: the process's streams are gone with it.
    }
}
