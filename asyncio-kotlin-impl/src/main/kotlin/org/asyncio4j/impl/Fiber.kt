package org.asyncio4j.impl

import org.asyncio4j.ContextSlot
import org.asyncio4j.Engine
import java.util.function.Supplier

/**
 * How Java coroutine bodies are run: the small internal interface behind the two engines. An engine
 * belongs to one loop.
 */
internal interface CoroutineEngine {
    val kind: Engine

    /** A fiber that will run [task]'s body ([JavaTask.callBody], then [JavaTask.finishBody]) when first resumed. */
    fun newFiber(task: JavaTask<*>): Fiber

    /** A fiber for the body of an async generator, which runs inside the tasks that consume it. */
    fun newGeneratorFiber(body: Runnable): GeneratorFiber

    /** The [ContextSlot] of the code the loop runs now (a body, or a callback outside bodies), for entering contexts. */
    fun contextSlot(): ContextSlot

    /** What the loop's thread routes its slot lookups to while the loop runs there (see [org.asyncio4j.Context.routeThreadSlot]), or null. */
    val threadSlotRouter: Supplier<ContextSlot>?
}

/**
 * The execution context of an async generator's body. It runs on behalf of the consuming task: its awaits
 * suspend that task (through the task's [Fiber]), and [emit] returns control to the consumer.
 */
internal interface GeneratorFiber {
    /** Consumer side, in a body of [task]: runs the generator until it emits or ends. */
    fun enter(task: JavaTask<*>)

    /** Generator side: returns control to the consumer; returns at the next [enter]. */
    fun emit()
}

/**
 * The execution context of one Java body. Control moves strictly: the loop side calls [resume] (from a
 * task step), the body runs until it calls [suspend] (at an await) or until it ended, and only then does
 * the loop go on. Never two at once. The engine keeps the task's context entered for the body while it runs
 * (in the slot that [CoroutineEngine.contextSlot] names there) and left while it is suspended.
 */
internal interface Fiber {
    /** Loop side: runs the body from its start or its last [suspend] until it suspends again or ends. */
    fun resume()

    /**
     * Loop or body side: starts the body of an eager task inside its creator (whoever runs now), and returns
     * to the creator as soon as the body first suspends or ends.
     */
    fun resumeEagerly()

    /** Body side: gives control back to the loop; returns when the task's next step resumes the body. */
    fun suspend()

    /**
     * Body side, after the task scheduled its own next step (`sleep(0)`): as [suspend], but an engine may take
     * that step at once when it is the loop's next callback. Apart from [suspend], so that an await's frames
     * (frozen with a suspended task) do not carry this check.
     */
    fun suspendYielding()

    /** @return true once the body has been resumed the first time */
    fun started(): Boolean
}
