package org.asyncio4j.impl

import org.asyncio4j.Context
import org.asyncio4j.ContextSlot
import org.asyncio4j.Coroutine
import org.asyncio4j.Engine
import org.asyncio4j.EventLoop
import org.asyncio4j.ExceptionHandler
import org.asyncio4j.Future
import org.asyncio4j.Handle
import org.asyncio4j.LoopConfig
import org.asyncio4j.Task
import org.asyncio4j.TaskFactory
import org.asyncio4j.TimerHandle
import java.nio.channels.SelectableChannel
import java.util.PriorityQueue
import java.util.concurrent.Callable
import java.util.concurrent.Executor
import java.util.concurrent.ExecutorService
import java.util.concurrent.ConcurrentLinkedQueue
import java.util.concurrent.locks.LockSupport

/**
 * The event loop: a ready queue, a timer heap and an idle wait, run by one thread at a time.
 *
 * The run cycle is CPython's `_run_once`: wait for work (no longer than the next timer), move due timers
 * to the ready queue, then run exactly the callbacks that were ready at that point; callbacks they
 * schedule run in the next iteration. The cycle is a state machine ([nextHandle]) rather than a
 * blocking loop, so that the virtual-thread engine can let a suspending body run it (see
 * [VirtualThreadEngine]); only the loop's own thread ([runForever]'s caller) ever waits idle.
 *
 * Not thread-safe except for [callSoonThreadsafe], [isRunning], [isClosed], [time] and [getDebug].
 */
class EventLoopImpl(config: LoopConfig) : EventLoop {
    internal val clock = config.clock
    internal val engine: CoroutineEngine = Engines.create(config.engine, this)

    /** Ready callbacks: loop thread only. Public handles and internal runnables (task steps) alike. */
    internal val ready = ArrayDeque<Runnable>()
    private val timers = PriorityQueue<TimerHandleImpl>()
    private var cancelledTimers = 0
    private var timerSeq = 0L
    private val incoming = ConcurrentLinkedQueue<Runnable>()
    private val io = IoSelector(this)
    /** Direct buffers shared by this loop's socket transports (created on first use). */
    internal val ioBuffers by lazy(LazyThreadSafetyMode.NONE) { org.asyncio4j.impl.streams.IoBuffers() }

    /** The thread that runs [runForever]; only it waits idle. */
    @Volatile internal var mainThread: Thread? = null
    /** The thread allowed to touch the loop now: the main thread or, with virtual threads, the body holding the baton. */
    @Volatile internal var owner: Thread? = null
    /** The context slot of [owner] while a platform thread runs or closes the loop: the continuation engine's bodies run there. */
    @JvmField internal var ownerContextSlot: ContextSlot? = null
    /** Baton of the main thread (virtual-thread engine): set when a body hands the loop back. */
    @Volatile internal var mainBaton = false
    @Volatile private var idle = false

    @Volatile private var running = false
    @Volatile private var closed = false
    internal var closing = false
    private var stopping = false
    private var batchRemaining = 0
    private var iterationOpen = false

    internal var currentTask: TaskImpl<*>? = null
    private var taskListHead: TaskImpl<*>? = null
    internal val unretrieved = UnretrievedExceptions(this)

    /** Async generators that started and have not ended: closed by [shutdownAsyncgens]. */
    internal val asyncGenerators = java.util.WeakHashMap<AsyncGeneratorImpl<*>, Unit>()
    private var exceptionHandler: ExceptionHandler? = null
    private var taskFactory: TaskFactory? = null
    @Volatile private var debug = config.debug
    private var slowCallbackDuration = 0.1
    /** Debug mode: callbacks run so far, read by the [StallWatchdog]. */
    @Volatile internal var progress = 0L

    // ---- time -------------------------------------------------------------------------------------

    override fun time(): Double = toSeconds(clock.nanoTime())

    internal fun toSeconds(nanos: Long): Double = nanos / 1e9

    private fun toNanos(seconds: Double): Long = when {
        seconds >= MAX_SECONDS -> Long.MAX_VALUE / 2
        seconds <= -MAX_SECONDS -> Long.MIN_VALUE / 2
        else -> (seconds * 1e9).toLong()
    }

    // ---- scheduling -------------------------------------------------------------------------------

    override fun callSoon(callback: Runnable): Handle {
        checkClosed()
        checkThread("callSoon")
        val h = HandleImpl(this, callback)
        ready.addLast(h)
        return h
    }

    override fun callSoonThreadsafe(callback: Runnable): Handle {
        checkClosed()
        val h = HandleImpl(this, callback)
        incoming.add(h)
        if (idle) {
            LockSupport.unpark(mainThread)
            io.wakeup()
        }
        return h
    }

    override fun callLater(delay: Double, callback: Runnable): TimerHandle {
        require(!delay.isNaN()) { "callLater: delay must be a number, got NaN" }
        checkClosed()
        return schedule(clock.nanoTime() + toNanos(maxOf(delay, 0.0)), callback)
    }

    override fun callAt(`when`: Double, callback: Runnable): TimerHandle {
        require(!`when`.isNaN()) { "callAt: when must be a number, got NaN" }
        checkClosed()
        return schedule(toNanos(`when`), callback)
    }

    private fun schedule(whenNanos: Long, callback: Runnable): TimerHandle {
        checkThread("callLater/callAt")
        val h = TimerHandleImpl(this, whenNanos, timerSeq++, callback)
        timers.add(h)
        return h
    }

    /** The loop as a kotlinx dispatcher (created on first use). */
    internal val dispatcher: LoopDispatcher by lazy { LoopDispatcher(this) }

    private val scopeHolder = lazy { LoopScope(this) }

    /** The loop's CoroutineScope for Kotlin code (created on first use): see [LoopScope]. */
    internal val kotlinScope: LoopScope get() = scopeHolder.value

    /** [kotlinScope] if it was ever asked for. */
    internal fun kotlinScopeIfCreated(): LoopScope? = if (scopeHolder.isInitialized()) scopeHolder.value else null

    /** True where loop-bound calls are allowed: the loop's current thread, or any thread while it is not running. */
    internal fun onLoopThread(): Boolean = !running || Thread.currentThread() === owner

    internal fun timerCancelled() {
        cancelledTimers++
    }

    /** Schedules an internal callback (no handle, no checks): loop thread only. */
    internal fun readyAdd(r: Runnable) {
        ready.addLast(r)
    }

    // ---- futures and tasks ------------------------------------------------------------------------

    /** As in CPython, also allowed on a closed loop (the future just cannot be completed with callbacks there). */
    override fun <T> createFuture(): Future<T> = FutureImpl(this)

    override fun <T> createTask(coro: Coroutine<T>): Task<T> = createTask(coro, null)

    override fun <T> createTask(coro: Coroutine<T>, name: String?): Task<T> {
        val factory = taskFactory ?: return newTask(coro, name, false)
        return factory.createTask(this, coro, name)
    }

    override fun <T> newTask(coro: Coroutine<T>, name: String?, eagerStart: Boolean): Task<T> {
        checkClosed()
        checkThread("createTask")
        return JavaTask(this, coro, name, eagerStart && running)
    }

    override fun setTaskFactory(factory: TaskFactory?) {
        taskFactory = factory
    }

    override fun getTaskFactory(): TaskFactory? = taskFactory
    // ---- executors (see LoopExecutors) -------------------------------------------------------------

    internal val executors = LoopExecutors(this)

    override fun <T> runInExecutor(executor: Executor?, fn: Callable<T>): Future<T> = executors.runInExecutor(executor, fn)

    override fun setDefaultExecutor(executor: ExecutorService) = executors.setDefault(executor)

    override fun shutdownDefaultExecutor(timeout: Double?) = runInBody { executors.shutdownDefault(timeout) }

    internal fun register(task: TaskImpl<*>) {
        val head = taskListHead
        task.nextTask = head
        head?.prevTask = task
        taskListHead = task
    }

    internal fun unregister(task: TaskImpl<*>) {
        val prev = task.prevTask
        val next = task.nextTask
        if (prev != null) prev.nextTask = next else if (taskListHead === task) taskListHead = next
        next?.prevTask = prev
        task.prevTask = null
        task.nextTask = null
    }

    /** The pending tasks of this loop, oldest first. */
    fun allTasks(): Set<Task<*>> {
        val out = ArrayList<Task<*>>()
        var t = taskListHead
        while (t != null) {
            if (!t.done()) out.add(t)
            t = t.nextTask
        }
        out.reverse()
        return LinkedHashSet(out)
    }

    /** The task whose body or Kotlin coroutine is running now, if any. */
    fun currentTask(): Task<*>? = currentTask

    internal fun enterTask(task: TaskImpl<*>) {
        val cur = currentTask
        check(cur == null) { "Cannot enter into task $task while another task $cur is being executed." }
        currentTask = task
    }

    internal fun leaveTask(task: TaskImpl<*>) {
        check(currentTask === task) { "Leaving task $task does not match the current task $currentTask." }
        currentTask = null
    }

    /** The Java task whose body is running on this thread, for an await on a future of this loop. */
    internal fun awaitingTask(): JavaTask<*> {
        val t = currentTask
        if (t is JavaTask<*> && Thread.currentThread() === owner) return t
        throw notInCoroutine(t)
    }

    private fun notInCoroutine(t: TaskImpl<*>?): IllegalStateException {
        val here = runningLoop()
        return IllegalStateException(
            when {
                here == null -> "await() called outside a coroutine: no event loop is running in thread " +
                    "${Thread.currentThread().name}. Await only inside a coroutine body run as a task (run, createTask)."
                here !== this -> "await() on a future bound to a different event loop than the running one"
                t == null -> "await() called outside a coroutine: this code runs in a loop callback, not in a task's body"
                else -> "await() is the blocking-style await of Java coroutine bodies; in a Kotlin suspend task use coAwait()"
            },
        )
    }

    // ---- running ----------------------------------------------------------------------------------

    override fun <T> runUntilComplete(future: Future<T>): T {
        checkClosed()
        checkNotRunning()
        require(future.getLoop() === this) { "runUntilComplete: the future is bound to a different event loop" }
        val stopper = java.util.function.Consumer<Future<T>> { stop() }
        future.addDoneCallback(stopper)
        try {
            runForever()
        } catch (e: Throwable) {
            if (future.done() && !future.cancelled()) future.exception()
            throw e
        } finally {
            future.removeDoneCallback(stopper)
        }
        if (!future.done()) throw IllegalStateException("Event loop stopped before Future completed.")
        return future.result()
    }

    override fun <T> runUntilComplete(coro: Coroutine<T>): T {
        checkClosed()
        checkNotRunning()
        return runUntilComplete(createTask(coro))
    }

    override fun runForever() {
        checkClosed()
        checkNotRunning()
        val previous = RUNNING_LOOP.get()
        val me = Thread.currentThread()
        mainThread = me
        owner = me
        ownerContextSlot = Context.currentThreadSlot()
        val previousRouter = Context.routeThreadSlot(engine.threadSlotRouter)
        running = true
        RUNNING_LOOP.set(this)
        recentLoop = this
        if (debug) StallWatchdog(this).start()
        try {
            while (true) {
                val h = nextHandle(true)
                if (h === STOP) break
                runHandle(h!!)
            }
        } finally {
            stopping = false
            running = false
            owner = null
            Context.routeThreadSlot(previousRouter)
            if (previous == null) RUNNING_LOOP.remove() else RUNNING_LOOP.set(previous)
        }
    }

    /**
     * The next ready callback of the run cycle. With [mayBlock] (the loop's own thread) it waits for work
     * and returns [STOP] when the loop must stop; without (a body of the virtual-thread engine) it returns
     * null where the loop's own thread has to take over: to wait (when a poll of the selector finds no channel
     * ready), or to stop.
     */
    internal fun nextHandle(mayBlock: Boolean): Runnable? {
        while (true) {
            if (batchRemaining > 0) {
                batchRemaining--
                return ready.removeFirst()
            }
            if (iterationOpen) {
                if (stopping) {
                    if (!mayBlock) return null
                    iterationOpen = false
                    return STOP
                }
                iterationOpen = false
            }
            drainIncoming()
            dropCancelledTimers()
            var timeout = when {
                ready.isNotEmpty() || stopping -> 0L
                timers.isEmpty() -> -1L
                else -> maxOf(0L, timers.peek().whenNanos - clock.nanoTime())
            }
            if (timeout != 0L) {
                val first = timers.peek()
                if (first != null && clock.advanceTo(first.whenNanos)) {
                    timeout = 0L
                } else if (mayBlock) {
                    waitIdle(timeout)
                } else {
                    // A body does not wait in the selector: it polls, and leaves the wait to the loop's own
                    // thread (a thread switch each way) only when no channel is ready yet.
                    if (!io.active) return null
                    io.select(0L)
                    if (ready.isEmpty()) return null
                }
            }
            if (timeout == 0L && io.active) io.select(0L)
            runDueTimers()
            batchRemaining = ready.size
            iterationOpen = true
        }
    }

    /**
     * True when [r] is the only ready callback and the current batch is done: the next iteration's batch then
     * starts with [r] (whatever due timers, I/O or thread-safe callbacks it adds come after it).
     */
    internal fun startsNextIteration(r: Runnable): Boolean = batchRemaining == 0 && ready.size == 1 && ready.first() === r

    private fun drainIncoming() {
        while (true) ready.addLast(incoming.poll() ?: return)
    }

    private fun waitIdle(timeoutNanos: Long) {
        idle = true
        try {
            if (incoming.isEmpty()) {
                when {
                    io.active -> io.select(timeoutNanos)
                    timeoutNanos < 0 -> LockSupport.park(this)
                    else -> LockSupport.parkNanos(this, timeoutNanos)
                }
            }
        } finally {
            idle = false
        }
        drainIncoming()
    }

    // ---- I/O readiness ----------------------------------------------------------------------------

    override fun addReader(channel: SelectableChannel, callback: Runnable): Handle {
        checkClosed()
        checkThread("addReader")
        return io.add(channel, callback, writer = false)
    }

    override fun removeReader(channel: SelectableChannel): Boolean {
        checkThread("removeReader")
        return io.remove(channel, writer = false)
    }

    override fun addWriter(channel: SelectableChannel, callback: Runnable): Handle {
        checkClosed()
        checkThread("addWriter")
        return io.add(channel, callback, writer = true)
    }

    override fun removeWriter(channel: SelectableChannel): Boolean {
        checkThread("removeWriter")
        return io.remove(channel, writer = true)
    }

    private fun dropCancelledTimers() {
        if (cancelledTimers > MIN_CANCELLED_TIMERS_TO_CLEAN && cancelledTimers * 2 > timers.size) {
            timers.removeIf { if (it.cancelled()) { it.scheduled = false; true } else false }
            cancelledTimers = 0
            return
        }
        while (true) {
            val head = timers.peek() ?: return
            if (!head.cancelled()) return
            timers.poll()
            head.scheduled = false
            cancelledTimers--
        }
    }

    private fun runDueTimers() {
        if (timers.isEmpty()) return
        val now = clock.nanoTime()
        while (true) {
            val head = timers.peek() ?: return
            if (head.cancelled()) {
                timers.poll()
                head.scheduled = false
                cancelledTimers--
                continue
            }
            if (head.whenNanos > now) return
            timers.poll()
            head.scheduled = false
            ready.addLast(head)
        }
    }

    /**
     * Runs one callback; an exception goes to the exception handler and the loop goes on. Inlined into the run
     * cycle, whose frame then returns straight to the callback: a body's step resumes it from one frame less.
     */
    @Suppress("NOTHING_TO_INLINE")
    internal inline fun runHandle(h: Runnable) {
        if (getDebug()) runHandleTimed(h) else runCallback(h)
    }

    /** Runs [h]; an exception goes to the exception handler. */
    @Suppress("NOTHING_TO_INLINE")
    internal inline fun runCallback(h: Runnable) {
        try {
            h.run()
        } catch (e: Throwable) {
            callbackFailed(h, e)
        }
    }

    /** [runHandle] in debug mode: also times the callback and reports it when slow. */
    internal fun runHandleTimed(h: Runnable) {
        val t0 = System.nanoTime()
        runCallback(h)
        progress++
        val took = (System.nanoTime() - t0) / 1e9
        if (took >= slowCallbackDuration) {
            LOG.log(System.Logger.Level.WARNING, "Executing $h took %.3f seconds".format(took))
        }
    }

    internal fun callbackFailed(h: Runnable, e: Throwable) {
        callExceptionHandler(
            linkedMapOf("message" to "Exception in callback $h", "exception" to e, "handle" to h),
        )
    }

    /** Makes the current thread the one that waits for the baton (virtual-thread engine). */
    internal fun parkMain() {
        while (!mainBaton) LockSupport.park(this)
        mainBaton = false
    }

    /** Hands the loop back to its own thread (virtual-thread engine). */
    internal fun giveMain() {
        val m = mainThread!!
        owner = m
        mainBaton = true
        LockSupport.unpark(m)
    }

    override fun shutdownAsyncgens() {
        val open = asyncGenerators.keys.toList()
        if (open.isEmpty()) return
        runUntilComplete<Any?> {
            for (g in open) {
                try {
                    g.aclose()
                } catch (e: Throwable) {
                    callExceptionHandler(
                        linkedMapOf(
                            "message" to "an error occurred during closing of asynchronous generator $g",
                            "exception" to e,
                            "asyncgen" to g,
                        ),
                    )
                }
            }
            null
        }
    }

    override fun stop() {
        stopping = true
    }

    override fun isRunning(): Boolean = running

    override fun isClosed(): Boolean = closed

    override fun close() {
        check(!running) { "Cannot close a running event loop" }
        if (closed) return
        closing = true
        val me = Thread.currentThread()
        mainThread = me
        owner = me
        ownerContextSlot = Context.currentThreadSlot()
        val previousRouter = Context.routeThreadSlot(engine.threadSlotRouter)
        try {
            ready.clear()
            timers.clear()
            incoming.clear()
            closePendingTasks()
            kotlinScopeIfCreated()?.close()
            unretrieved.reportAll()
            io.close()
            executors.close()
        } finally {
            closed = true
            owner = null
            Context.routeThreadSlot(previousRouter)
            if (recentLoop === this) recentLoop = null
        }
    }

    /** Reports tasks still pending, then closes their bodies (their finally blocks run), as CPython does when they are collected. */
    private fun closePendingTasks() {
        val pending = allTasks()
        for (t in pending) {
            callExceptionHandler(linkedMapOf("message" to "Task was destroyed but it is pending!", "task" to t))
        }
        val previous = RUNNING_LOOP.get()
        RUNNING_LOOP.set(this)
        try {
            for (t in pending) (t as TaskImpl<*>).closeBody()
        } finally {
            if (previous == null) RUNNING_LOOP.remove() else RUNNING_LOOP.set(previous)
        }
    }

    // ---- checks -----------------------------------------------------------------------------------

    internal fun checkClosed() {
        if (closed || closing) throw IllegalStateException("Event loop is closed")
    }

    private fun checkNotRunning() {
        check(!running) { "This event loop is already running" }
        val other = runningLoop()
        check(other == null) { "Cannot run the event loop while another loop is running in this thread" }
    }

    /** Loop-bound operations are not thread-safe: a call from another thread while the loop runs is an error. */
    internal fun checkThread(what: String) {
        if (!onLoopThread()) {
            throw IllegalStateException(
                "$what called from thread ${Thread.currentThread().name}, but the event loop runs in another thread; " +
                    "use callSoonThreadsafe() or runCoroutineThreadsafe() to reach it",
            )
        }
    }

    // ---- errors and debug -------------------------------------------------------------------------

    override fun setExceptionHandler(handler: ExceptionHandler?) {
        exceptionHandler = handler
    }

    override fun getExceptionHandler(): ExceptionHandler? = exceptionHandler

    override fun callExceptionHandler(context: Map<String, Any?>) {
        val handler = exceptionHandler
        if (handler == null) {
            defaultExceptionHandler(context)
            return
        }
        try {
            handler.handle(this, context)
        } catch (e: Throwable) {
            try {
                defaultExceptionHandler(
                    linkedMapOf(
                        "message" to "Unhandled error in exception handler",
                        "exception" to e,
                        "context" to context,
                    ),
                )
            } catch (ignored: Throwable) {
                // The default handler only logs; a failing logger must not break the loop.
            }
        }
    }

    override fun defaultExceptionHandler(context: Map<String, Any?>) {
        val message = context["message"] as? String ?: "Unhandled exception in event loop"
        val details = context.entries
            .filter { it.key != "message" && it.key != "exception" }
            .joinToString("") { "\n${it.key}: ${it.value}" }
        val exception = context["exception"] as? Throwable
        LOG.log(System.Logger.Level.ERROR, message + details, exception)
    }

    override fun setDebug(enabled: Boolean) {
        val start = enabled && !debug && running
        debug = enabled
        if (start) StallWatchdog(this).start()
    }

    internal fun isIdle(): Boolean = idle

    override fun getSlowCallbackDuration(): Double = slowCallbackDuration

    override fun setSlowCallbackDuration(seconds: Double) {
        require(seconds > 0) { "slowCallbackDuration must be positive, got $seconds" }
        slowCallbackDuration = seconds
    }

    /** Debug mode: a loop that completes no callback for this long while not idle is reported as stalled. */
    internal val stallWarningDuration: Double get() = slowCallbackDuration * STALL_FACTOR

    override fun getDebug(): Boolean = debug

    override fun engine(): Engine = engine.kind

    override fun toString(): String = "<EventLoop engine=${engine.kind} running=$running closed=$closed debug=$debug>"

    companion object {
        internal val LOG: System.Logger = System.getLogger("org.asyncio4j")
        /** The loop running in this thread, when this is not one of a virtual-thread engine's threads. */
        private val RUNNING_LOOP = ThreadLocal<EventLoopImpl>()
        /** The loop started last (until it closes): most programs run one, and its owner check spares the thread-local's lookup. */
        @Volatile private var recentLoop: EventLoopImpl? = null
        private val STOP = Runnable { }
        private const val MAX_SECONDS = 9.0e9
        private const val MIN_CANCELLED_TIMERS_TO_CLEAN = 100
        private const val STALL_FACTOR = 10

        /**
         * The loop running in the current thread, or null. A virtual-thread engine's threads (bodies, async
         * generators) know their loop without a thread-local, which would cost each of them a ThreadLocalMap.
         */
        @JvmStatic
        fun runningLoop(): EventLoopImpl? {
            val t = Thread.currentThread()
            recentLoop?.let { if (it.owner === t && it.running) return it }
            if (t.isVirtual) (t.uncaughtExceptionHandler as? VirtualThreadEngine.EngineThread)?.let { return it.loop }
            return RUNNING_LOOP.get()
        }
    }
}
