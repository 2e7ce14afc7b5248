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

    /** @return the loop's clock: monotonic time in seconds */
    double time();

    /** @param <T> the result type @return a new pending future bound to this loop */
    <T> Future<T> createFuture();

    /**
     * Wraps the coroutine in a task scheduled to start on the next loop iteration.
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

    /** @param enabled debug mode: slow callbacks are logged (and, for the virtual-thread engine, loop stalls) */
    void setDebug(boolean enabled);

    /** @return true in debug mode */
    boolean getDebug();

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
