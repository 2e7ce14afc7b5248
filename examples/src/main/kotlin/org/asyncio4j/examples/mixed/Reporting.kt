package org.asyncio4j.examples.mixed

import kotlinx.coroutines.Deferred
import kotlinx.coroutines.TimeoutCancellationException
import kotlinx.coroutines.async
import kotlinx.coroutines.withTimeout
import org.asyncio4j.Asyncio
import org.asyncio4j.Coroutine
import org.asyncio4j.Task
import org.asyncio4j.TimeoutError
import org.asyncio4j.kotlin.asFlow
import org.asyncio4j.kotlin.coAwait
import org.asyncio4j.kotlin.createTask
import org.asyncio4j.kotlin.scope
import org.asyncio4j.kotlin.waitFor

/**
 * Kotlin code driving the Java [UserService] on the same loop: it awaits Java tasks, collects a Java async generator
 * as a Flow, and cancels Java work, once with asyncio's `waitFor` and once with kotlinx's `withTimeout`.
 */
class Reporting(private val service: UserService, private val repository: UserRepository) {

    /** The report, a suspend function. */
    suspend fun report() {
        val users = Asyncio.createTask(Coroutine { service.loadAll() }).coAwait()   // Kotlin awaits a Java task
        println("kotlin: awaited the Java task: ${users.size} users")

        service.auditEvents().asFlow().collect { println("kotlin: audit $it") }     // a Java generator as a Flow

        val job = Asyncio.createTask(Coroutine { service.longJavaJob() })
        try {
            waitFor(job, 0.02)                                   // asyncio's wait_for: cancels the Java task
        } catch (e: TimeoutError) {
            println("kotlin: waitFor timed out; the Java task is cancelled: ${job.cancelled()}")
        }

        val another = Asyncio.createTask(Coroutine { service.longJavaJob() })
        try {
            withTimeout(20) { another.coAwait() }                // kotlinx's timeout cancels the coAwait, which
        } catch (e: TimeoutCancellationException) {              // cancels the awaited task, as Python's await does
            runCatching { another.coAwait() }                    // the Java body handles it; wait until it has
            println("kotlin: withTimeout cancelled the awaited Java task: ${another.cancelled()}")
        }
    }

    /** [report] as an asyncio task, for Java. */
    fun reportAsync(): Task<Unit> = createTask("report") { report() }

    /**
     * A name looked up by a coroutine of the loop's scope (not a task): a Deferred, which Java awaits through
     * `asFuture()`.
     */
    fun upperCaseNameAsync(id: Int): Deferred<String> =
        Asyncio.getRunningLoop().scope.async { repository.findUser(id).name.uppercase() }
}
