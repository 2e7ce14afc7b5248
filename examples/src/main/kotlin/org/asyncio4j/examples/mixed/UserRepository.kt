package org.asyncio4j.examples.mixed

import kotlinx.coroutines.CancellationException
import kotlinx.coroutines.flow.Flow
import kotlinx.coroutines.flow.flow
import org.asyncio4j.AsyncIterable
import org.asyncio4j.Task
import org.asyncio4j.kotlin.asAsyncIterable
import org.asyncio4j.kotlin.createTask
import org.asyncio4j.kotlin.sleep

/** A user of the [UserRepository]. */
data class User(val id: Int, val name: String)

/**
 * The Kotlin side of the mixed program: a repository written with suspend functions and a [Flow], as Kotlin code
 * is. It runs on the asyncio loop: `sleep` is asyncio's, so its waits interleave with the Java bodies.
 *
 * Java cannot call a suspend function, so the repository also offers each operation the Java way: as an asyncio
 * [Task] (`findUserAsync`, which a Java body awaits or gathers) and as an asyncio async iterable (`userIdsAsync`,
 * which a Java body iterates with for-each, Python's `async for`).
 */
class UserRepository {
    private val names = linkedMapOf(1 to "ada", 2 to "grace", 3 to "linus")

    /** Reads one user; the "database" answers after 0.01 s. Throws for an unknown id. */
    suspend fun findUser(id: Int): User {
        sleep(0.01)
        return User(id, names[id] ?: throw IllegalStateException("no user $id"))
    }

    /** The ids of all users, emitted as they are read. */
    fun userIds(): Flow<Int> = flow {
        for (id in names.keys) {
            sleep(0.01)
            emit(id)
        }
    }

    /** A long query; cancelling it is reported, and the cancellation goes on (Kotlin's is terminal). */
    suspend fun slowReport(): String {
        try {
            sleep(10.0)
            return "report"
        } catch (e: CancellationException) {
            println("kotlin: slowReport cancelled (${e.message})")
            throw e
        }
    }

    /** [findUser] as an asyncio task, for Java. */
    fun findUserAsync(id: Int): Task<User> = createTask("findUser($id)") { findUser(id) }

    /** [userIds] as an asyncio async iterable, for Java's for-each. */
    fun userIdsAsync(): AsyncIterable<Int> = userIds().asAsyncIterable()

    /** [slowReport] as an asyncio task, for Java. */
    fun slowReportAsync(): Task<String> = createTask("slowReport") { slowReport() }
}
