package org.asyncio4j;

import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;

/**
 * An event loop: Python's {@code asyncio.AbstractEventLoop}. It runs callbacks, timers and tasks on one
 * thread at a time; exactly one callback or coroutine body runs at any moment, and control switches only
 * at awaits.
 *
 * <p>Thread safety: only {@link #callSoonThreadsafe}, {@link #isRunning()}, {@link #isClosed()},
 * {@link #time()} and {@link #getDebug()} may be called from any thread. Every other method must be
 * called on the loop's thread while it runs (or from any one thread while it is not running); a call
 * from another thread while the loop runs throws {@link IllegalStateException}. Every scheduling
 * method of a closed loop throws {@link IllegalStateException}.
 *
 * <p>Ordering: ready callbacks run first in, first out; timers run by deadline, ties in scheduling order.
 * Callbacks scheduled while the loop runs one batch of ready callbacks run in the next batch, after due
 * timers have been added, as in CPython's {@code _run_once}.
 */
public interface EventLoop extends AutoCloseable {

    /**
     * Schedules {@code callback} to run on the next iteration of the loop.
     *
     * @param callback the callback
     * @return a handle that can cancel it
     */
    Handle callSoon(Runnable callback);

    /**
     * Like {@link #callSoon}, but may be called from any thread; it wakes up the loop.
     *
     * @param callback the callback
     * @return a handle that can cancel it
     */
    Handle callSoonThreadsafe(Runnable callback);

    /**
     * Schedules {@code callback} to run after {@code delay} seconds (at once if not positive).
     *
     * @param delay seconds
     * @param callback the callback
     * @return a handle that can cancel it
     */
    TimerHandle callLater(double delay, Runnable callback);

    /**
     * Schedules {@code callback} to run at loop time {@code when} (see {@link #time()}).
     *
     * @param when the loop time, seconds
     * @param callback the callback
     * @return a handle that can cancel it
     */
    TimerHandle callAt(double when, Runnable callback);

    /**
     * Runs {@code callback} on the loop whenever {@code channel} is readable (or, for a server channel, has a
     * connection to accept): Python's {@code loop.add_reader}. The channel is made non-blocking. A new call
     * for the same channel replaces the callback. From then on the loop waits in a NIO selector.
     *
     * @param channel the channel
     * @param callback what to run, on the loop's thread, each time the channel is ready
     * @return a handle; cancelling it stops the callback
     */
    Handle addReader(java.nio.channels.SelectableChannel channel, Runnable callback);

    /** @param channel a channel @return true if a reader callback was registered for it and is now removed */
    boolean removeReader(java.nio.channels.SelectableChannel channel);

    /**
     * Runs {@code callback} on the loop whenever {@code channel} is writable (or, for a socket whose connection
     * is pending, can finish connecting): Python's {@code loop.add_writer}.
     *
     * @param channel the channel
     * @param callback what to run, on the loop's thread, each time the channel is ready
     * @return a handle; cancelling it stops the callback
     */
    Handle addWriter(java.nio.channels.SelectableChannel channel, Runnable callback);

    /** @param channel a channel @return true if a writer callback was registered for it and is now removed */
    boolean removeWriter(java.nio.channels.SelectableChannel channel);

    /** @return the loop's clock: monotonic time in seconds */
    double time();

    /** @param <T> the result type @return a new pending future bound to this loop */
    <T> Future<T> createFuture();

    /**
     * Wraps the coroutine in a task scheduled to start on the next loop iteration (through the task factory,
     * if one is set). The task runs in a copy of the current {@link Context}.
     *
     * @param coro the body
     * @param <T> the result type
     * @return the task
     */
    <T> Task<T> createTask(Coroutine<T> coro);

    /**
     * As {@link #createTask(Coroutine)}, with a name.
     *
     * @param coro the body
     * @param name the task name, or null for {@code Task-N}
     * @param <T> the result type
     * @return the task
     */
    <T> Task<T> createTask(Coroutine<T> coro, String name);

    /**
     * Creates a task without going through the task factory: Python's {@code Task(coro, loop=loop, name=name,
     * eager_start=eagerStart)}. An eager task, created while the loop runs, starts its body at once, inside this
     * call, and runs it until its first await that must wait; a task that finishes without waiting never enters
     * the ready queue. Otherwise the body starts on the next loop iteration.
     *
     * @param coro the body
     * @param name the task name, or null for {@code Task-N}
     * @param eagerStart start the body at once
     * @param <T> the result type
     * @return the task
     */
    <T> Task<T> newTask(Coroutine<T> coro, String name, boolean eagerStart);

    /**
     * Sets the factory that {@link #createTask} uses: Python's {@code loop.set_task_factory}.
     *
     * @param factory the factory, or null for plain (lazily started) tasks; {@link TaskFactory#EAGER} for eager tasks
     */
    void setTaskFactory(TaskFactory factory);

    /** @return the task factory set, or null */
    TaskFactory getTaskFactory();

    /**
     * Runs the loop until {@code future} is done and returns its result (or throws its exception).
     *
     * @param future the future
     * @param <T> the result type
     * @return the result
     * @throws IllegalStateException if the loop is closed or already running, or stopped before the future was done
     */
    <T> T runUntilComplete(Future<T> future);

    /**
     * Wraps {@code coro} in a task and runs the loop until it is done.
     *
     * @param coro the body
     * @param <T> the result type
     * @return the result
     */
    <T> T runUntilComplete(Coroutine<T> coro);

    /** Runs the loop until {@link #stop()} is called. */
    void runForever();

    /**
     * Closes every async generator of this loop that started and has not ended, running their finally blocks:
     * Python's {@code loop.shutdown_asyncgens()}. Runs the loop until they are closed; errors go to the
     * exception handler. {@link Runner} calls it before closing its loop.
     */
    void shutdownAsyncgens();

    /** Stops the loop after the current batch of callbacks: Python's {@code loop.stop()}. */
    void stop();

    /** @return true if the loop is running */
    boolean isRunning();

    /** @return true if the loop was closed */
    boolean isClosed();

    /**
     * Closes the loop: drops pending callbacks and reports exceptions of futures never retrieved and
     * tasks still pending. Closing twice has no effect.
     *
     * @throws IllegalStateException if the loop is running
     */
    @Override
    void close();

    /** @param handler the new handler, or null for the default one */
    void setExceptionHandler(ExceptionHandler handler);

    /** @return the handler set, or null if the default one is used */
    ExceptionHandler getExceptionHandler();

    /**
     * Calls the current exception handler (the default one if none is set, or if it throws).
     *
     * @param context {@code "message"} and optionally {@code "exception"}, {@code "future"}, {@code "task"}, {@code "handle"}
     */
    void callExceptionHandler(Map<String, Object> context);

    /**
     * The default handler: logs the message and exception at ERROR through {@link System.Logger} {@code org.asyncio4j}.
     *
     * @param context as for {@link #callExceptionHandler}
     */
    void defaultExceptionHandler(Map<String, Object> context);

    /** @param enabled debug mode: slow callbacks and loop stalls are logged */
    void setDebug(boolean enabled);

    /** @return true in debug mode */
    boolean getDebug();

    /**
     * @return in debug mode, callbacks and steps that run longer than this many seconds are logged
     *         (Python's {@code loop.slow_callback_duration}, default 0.1); a loop that completes none for ten
     *         times as long while it is not idle is logged as stalled
     */
    double getSlowCallbackDuration();

    /** @param seconds see {@link #getSlowCallbackDuration()}; positive */
    void setSlowCallbackDuration(double seconds);

    /** @return the engine running the coroutine bodies of this loop */
    Engine engine();

    // ---- executors (Python's run_in_executor and the default executor) ------------------------------

    /**
     * Runs {@code fn} in {@code executor}: Python's {@code loop.run_in_executor(executor, fn)}. The call starts at
     * once; the returned future is done when {@code fn} returns (its result) or throws (its exception).
     * Cancelling the future before {@code fn} started keeps it from running; a running call is not interrupted
     * (its outcome is dropped).
     *
     * @param executor where to run it, or null for the loop's default executor, which runs each call on a new
     *        virtual thread (so CPU-bound calls run in parallel with the loop and with each other)
     * @param fn the blocking call
     * @param <T> its result type
     * @return a future of this loop
     * @throws IllegalStateException if the loop is closed, or {@code executor} is null and
     *         {@link #shutdownDefaultExecutor} was called
     */
    <T> Future<T> runInExecutor(Executor executor, Callable<T> fn);

    /**
     * Replaces the default executor used by {@link #runInExecutor} with a null executor and by {@code toThread}.
     *
     * @param executor the new default executor; the loop shuts it down when it closes
     */
    void setDefaultExecutor(ExecutorService executor);

    /**
     * Shuts the default executor down and waits for its running calls to finish: Python's
     * {@code await loop.shutdown_default_executor(timeout)}. Blocking style: call it inside a coroutine body.
     * Afterwards {@code runInExecutor(null, ...)} is an error. If the timeout passes first, a warning is logged
     * and the calls are left to finish on their own.
     *
     * @param timeout seconds to wait at most, or null to wait as long as it takes
     */
    void shutdownDefaultExecutor(Double timeout);
}
