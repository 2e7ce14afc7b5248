package org.asyncio4j.impl.streams

import org.asyncio4j.BrokenPipeError
import org.asyncio4j.ConnectionRefusedError
import org.asyncio4j.ConnectionResetError
import org.asyncio4j.SSLError
import java.io.IOException
import java.io.UncheckedIOException
import java.net.ConnectException
import javax.net.ssl.SSLException

/**
 * Python's OSError family for a JDK I/O exception: the mirrored connection errors where the JDK's exception
 * says which one it is, else a plain [UncheckedIOException] (Python's `OSError`).
 */
internal fun osError(e: IOException, context: String? = null): UncheckedIOException {
    val msg = (e.message ?: e.javaClass.simpleName).let { if (context == null) it else "$context: $it" }
    val text = e.message.orEmpty()
    return when {
        e is SSLException -> SSLError(msg, e)
        e is ConnectException -> ConnectionRefusedError(msg, e)
        text.contains("reset", ignoreCase = true) -> ConnectionResetError(msg, e)
        text.contains("broken pipe", ignoreCase = true) -> BrokenPipeError(msg, e)
        else -> UncheckedIOException(msg, e)
    }
}

/** True for errors of Python's OSError family, which transports report only in debug mode. */
internal fun isOsError(e: Throwable): Boolean = e is IOException || e is UncheckedIOException
