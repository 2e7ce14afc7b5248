@file:JvmName("KotlinTaskGroups")

package org.asyncio4j.kotlin

import kotlinx.coroutines.CoroutineScope
import org.asyncio4j.Task
import org.asyncio4j.TaskGroup
import org.asyncio4j.impl.TaskGroupImpl
import org.asyncio4j.impl.runScoped

/**
 * Python's `async with asyncio.TaskGroup() as tg: block(tg)`: runs [block], then waits for every task created in
 * the group. The first failing child cancels the others and [block]; all failures are thrown together as an
 * [org.asyncio4j.ExceptionGroup]. Cancelling the calling coroutine cancels the children and waits for them.
 * Returns [block]'s result, or null if `tg.cancel()` ended the block. The block runs in a child scope of the caller,
 * which is what the group cancels.
 */
suspend fun <T> taskGroup(block: suspend (TaskGroup) -> T): T? {
    val group = TaskGroupImpl()
    return group.runScoped { block(group) }
}

/**
 * Creates a task of this group from a suspend lambda (the Kotlin counterpart of [TaskGroup.createTask], which takes
 * a Java [org.asyncio4j.Coroutine]).
 */
fun <T> TaskGroup.createSuspendTask(name: String? = null, block: suspend CoroutineScope.() -> T): Task<T> =
    (this as? TaskGroupImpl ?: error("not an asyncio4j task group: $this")).createSuspendTask(name, block)
