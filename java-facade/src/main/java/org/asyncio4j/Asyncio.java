package org.asyncio4j;

import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.asyncio4j.impl.Compose;
import org.asyncio4j.impl.Primitives;
import org.asyncio4j.impl.Runtime;
import org.asyncio4j.impl.streams.StreamsRuntime;
import org.asyncio4j.impl.subprocess.Subprocesses;

/**
 * The asyncio vocabulary for Java: {@code import static org.asyncio4j.Asyncio.*;}. Each function is the
 * Python function of the same name in camelCase, with CPython's semantics.
 *
 * <pre>{@code
 * String greeting = run(() -> {
 *     Task<String> t = createTask(() -> { sleep(0.1); return "world"; });
 *     return "hello " + await(t);
 * });
 * }</pre>
 *
 * <p>Functions that await ({@link #await}, {@link #sleep}) may only be called inside a coroutine body
 * (a {@link Coroutine} run as a task); elsewhere they throw {@link IllegalStateException}.
 */
public final class Asyncio {
    private Asyncio() {
    }

    // ---- running -----------------------------------------------------------------------------------

    /**
     * Python's {@code asyncio.run}: runs {@code main} as a task on a new event loop, then cancels the
     * tasks left over and waits for them, and closes the loop.
     *
     * @param main the main coroutine
     * @param <T> its result type
     * @return its result
     * @throws IllegalStateException if an event loop is already running in this thread
     */
    public static <T> T run(Coroutine<T> main) {
        checkNoRunningLoop();
        try (Runner runner = new Runner()) {
            return runner.run(main);
        }
    }

    /**
     * As {@link #run(Coroutine)}, with debug mode set.
     *
     * @param main the main coroutine
     * @param debug debug mode of the loop
     * @param <T> its result type
     * @return its result
     */
    public static <T> T run(Coroutine<T> main, boolean debug) {
        checkNoRunningLoop();
        try (Runner runner = new Runner(debug)) {
            return runner.run(main);
        }
    }

    private static void checkNoRunningLoop() {
        if (Runtime.runningLoopOrNull() != null) {
            throw new IllegalStateException("asyncio.run() cannot be called from a running event loop");
        }
    }

    /** @return a new event loop with the default configuration (see {@link LoopConfig#defaults()}) */
    public static EventLoop newEventLoop() {
        return Runtime.newEventLoop(LoopConfig.defaults());
    }

    /** @param config engine, clock and debug mode @return a new event loop */
    public static EventLoop newEventLoop(LoopConfig config) {
        return Runtime.newEventLoop(config);
    }

    /**
     * @return the event loop running in the current thread
     * @throws IllegalStateException if none is running
     */
    public static EventLoop getRunningLoop() {
        return Runtime.getRunningLoop();
    }

    // ---- tasks -------------------------------------------------------------------------------------

    /**
     * Wraps the coroutine in a task of the running loop, scheduled to start on its next iteration.
     *
     * @param coro the body
     * @param <T> its result type
     * @return the task
     */
    public static <T> Task<T> createTask(Coroutine<T> coro) {
        return getRunningLoop().createTask(coro);
    }

    /**
     * As {@link #createTask(Coroutine)}, with a name.
     *
     * @param coro the body
     * @param name the task's name
     * @param <T> its result type
     * @return the task
     */
    public static <T> Task<T> createTask(Coroutine<T> coro, String name) {
        return getRunningLoop().createTask(coro, name);
    }

    /**
     * Python 3.14's {@code asyncio.create_task(coro, name=name, eager_start=eagerStart)}: with {@code eagerStart},
     * the body starts at once, inside this call, and runs until its first await that must wait (a task that
     * finishes without waiting never enters the ready queue). See {@link EventLoop#newTask}.
     *
     * @param coro the body
     * @param name the task's name, or null
     * @param eagerStart start the body at once
     * @param <T> its result type
     * @return the task
     */
    public static <T> Task<T> createTask(Coroutine<T> coro, String name, boolean eagerStart) {
        return getRunningLoop().newTask(coro, name, eagerStart);
    }

    /**
     * Python's {@code asyncio.eager_task_factory}, for {@code loop.setTaskFactory(eagerTaskFactory())}: every task
     * the loop creates starts eagerly.
     *
     * @return the eager task factory
     */
    public static TaskFactory eagerTaskFactory() {
        return TaskFactory.EAGER;
    }

    /** @return the task running now on the running loop, or null in a plain callback */
    public static Task<?> currentTask() {
        return Runtime.currentTask(null);
    }

    /** @param loop a loop @return the task running now on that loop, or null */
    public static Task<?> currentTask(EventLoop loop) {
        return Runtime.currentTask(loop);
    }

    /** @return the pending (not done) tasks of the running loop */
    public static Set<Task<?>> allTasks() {
        return Runtime.allTasks(null);
    }

    /** @param loop a loop @return the pending (not done) tasks of that loop */
    public static Set<Task<?>> allTasks(EventLoop loop) {
        return Runtime.allTasks(loop);
    }

    // ---- awaiting ----------------------------------------------------------------------------------

    /**
     * Python's {@code await x}: suspends the current body until {@code x} is done; see {@link Awaitable#await()}.
     *
     * @param x what to await
     * @param <T> its result type
     * @return its result
     */
    public static <T> T await(Awaitable<T> x) {
        return x.await();
    }

    /**
     * Python's {@code await asyncio.sleep(delay)}: suspends the body for {@code delay} seconds; a delay of 0
     * or less yields control exactly once. Cancellation: {@link CancelledError} is thrown from here.
     *
     * @param delay seconds
     */
    public static void sleep(double delay) {
        Runtime.sleep(delay, null);
    }

    /**
     * As {@link #sleep(double)}, then returns {@code result}.
     *
     * @param delay seconds
     * @param result the value to return
     * @param <T> its type
     * @return {@code result}
     */
    public static <T> T sleep(double delay, T result) {
        return Runtime.sleep(delay, result);
    }

    // ---- async iteration ---------------------------------------------------------------------------

    /**
     * Python's {@code async def} generator: the body emits elements with {@code out.emit(x)} ({@code yield x})
     * and may await between them. Iterate it inside a body with for-each ({@code async for}) or
     * {@link AsyncIterator#anext()}; close it with try-with-resources ({@code aclosing}). See {@link AsyncGenerator}.
     *
     * @param body the generator's body
     * @param <T> the element type
     * @return a new generator, not started
     */
    public static <T> AsyncGenerator<T> asyncGenerator(AsyncGeneratorBody<T> body) {
        return Runtime.asyncGenerator(body);
    }

    /**
     * Python's {@code await anext(it)}.
     *
     * @param it an asynchronous iterator
     * @param <T> the element type
     * @return the next element
     * @throws StopAsyncIteration when there is none
     */
    public static <T> T anext(AsyncIterator<T> it) {
        return it.anext();
    }

    // ---- streams (Python's asyncio streams: open_connection, start_server and the Unix variants) -------

    /**
     * Python's {@code await asyncio.open_connection(host, port)}: connects over TCP and returns the stream
     * pair. A host name is resolved off the loop; the addresses are tried in order.
     *
     * @param host a host name or address literal (null: the loopback address)
     * @param port the port
     * @return the reader and writer of the connection
     * @throws ConnectionRefusedError if nothing listens there; other {@link java.io.UncheckedIOException}s for other failures
     */
    public static Connection openConnection(String host, int port) {
        return StreamsRuntime.openConnection(host, port, StreamOptions.defaults());
    }

    /**
     * As {@link #openConnection(String, int)}, over TLS: Python's {@code open_connection(host, port, ssl=ctx)}.
     * The server's certificate must match {@code host}.
     *
     * @param host the host
     * @param port the port
     * @param ssl the TLS configuration
     * @return the reader and writer of the connection
     * @throws SSLError if the handshake fails
     */
    public static Connection openConnection(String host, int port, javax.net.ssl.SSLContext ssl) {
        return StreamsRuntime.openConnection(host, port, StreamOptions.defaults().withSsl(ssl));
    }

    /**
     * As {@link #openConnection(String, int)} with options (limit, TLS, server name, TLS timeouts).
     *
     * @param host the host
     * @param port the port
     * @param options the options
     * @return the reader and writer of the connection
     */
    public static Connection openConnection(String host, int port, StreamOptions options) {
        return StreamsRuntime.openConnection(host, port, options);
    }

    /**
     * Python's {@code await asyncio.start_server(handler, host, port)}: listens and runs {@code handler} as a
     * task for each connection. Returns once listening. Cancellation of a handler's task closes its connection.
     *
     * @param handler the per-connection body
     * @param host the address to listen on (null or empty: every interface; a name: each of its addresses)
     * @param port the port (0: a free one, see {@link Server#sockets()})
     * @return the server
     */
    public static Server startServer(ClientConnectedHandler handler, String host, int port) {
        return StreamsRuntime.startServer(handler, host, port, StreamOptions.defaults());
    }

    /**
     * As {@link #startServer(ClientConnectedHandler, String, int)} with options: limit, TLS ({@code ssl}),
     * backlog, {@code reusePort} (several loops on one port), {@code startServing}.
     *
     * @param handler the per-connection body
     * @param host the address to listen on
     * @param port the port
     * @param options the options
     * @return the server
     */
    public static Server startServer(ClientConnectedHandler handler, String host, int port, StreamOptions options) {
        return StreamsRuntime.startServer(handler, host, port, options);
    }

    /**
     * Python's {@code await asyncio.open_unix_connection(path)}.
     *
     * @param path the socket file
     * @return the reader and writer of the connection
     */
    public static Connection openUnixConnection(String path) {
        return StreamsRuntime.openUnixConnection(path, StreamOptions.defaults());
    }

    /**
     * As {@link #openUnixConnection(String)} with options.
     *
     * @param path the socket file
     * @param options the options (TLS over a Unix socket needs {@code serverHostname})
     * @return the reader and writer of the connection
     */
    public static Connection openUnixConnection(String path, StreamOptions options) {
        return StreamsRuntime.openUnixConnection(path, options);
    }

    /**
     * Python's {@code await asyncio.start_unix_server(handler, path)}: a stale socket file at {@code path} is
     * replaced; the file is removed when the server closes.
     *
     * @param handler the per-connection body
     * @param path the socket file
     * @return the server
     */
    public static Server startUnixServer(ClientConnectedHandler handler, String path) {
        return StreamsRuntime.startUnixServer(handler, path, StreamOptions.defaults());
    }

    /**
     * As {@link #startUnixServer(ClientConnectedHandler, String)} with options.
     *
     * @param handler the per-connection body
     * @param path the socket file
     * @param options the options
     * @return the server
     */
    public static Server startUnixServer(ClientConnectedHandler handler, String path, StreamOptions options) {
        return StreamsRuntime.startUnixServer(handler, path, options);
    }

    /**
     * Python's {@code asyncio.StreamReader(limit=limit)}: a reader fed by hand ({@code feedData}, {@code feedEof}),
     * bound to the running loop.
     *
     * @param limit the limit (Python's default: {@link StreamReader#DEFAULT_LIMIT})
     * @return the reader
     */
    public static StreamReader newStreamReader(int limit) {
        return StreamsRuntime.newStreamReader(limit);
    }

    // ---- subprocesses (Python's asyncio.create_subprocess_exec / create_subprocess_shell) -------------

    /**
     * Python's {@code await asyncio.create_subprocess_exec(program, *args)}: starts the program with every
     * standard stream inherited.
     *
     * @param program the program (looked up on the PATH)
     * @param args its arguments
     * @return the process
     * @throws java.io.UncheckedIOException if it cannot be started (e.g. no such program)
     */
    public static AsyncProcess createSubprocessExec(String program, String... args) {
        java.util.List<String> command = new java.util.ArrayList<>();
        command.add(program);
        command.addAll(java.util.List.of(args));
        return Subprocesses.createSubprocessExec(command, SubprocessOptions.defaults());
    }

    /**
     * Python's {@code await asyncio.create_subprocess_exec(*command, stdin=..., stdout=..., stderr=..., limit=...)}.
     *
     * @param command the program and its arguments
     * @param options where the standard streams go ({@link Stdio}), reader limit, directory, environment
     * @return the process; its {@code stdin()/stdout()/stderr()} are the piped streams
     */
    public static AsyncProcess createSubprocessExec(java.util.List<String> command, SubprocessOptions options) {
        return Subprocesses.createSubprocessExec(command, options);
    }

    /**
     * Python's {@code await asyncio.create_subprocess_shell(cmd)}: runs {@code /bin/sh -c cmd}.
     *
     * @param cmd the shell command
     * @return the process
     */
    public static AsyncProcess createSubprocessShell(String cmd) {
        return Subprocesses.createSubprocessShell(cmd, SubprocessOptions.defaults());
    }

    /**
     * As {@link #createSubprocessShell(String)} with options.
     *
     * @param cmd the shell command
     * @param options where the standard streams go, reader limit, directory, environment
     * @return the process
     */
    public static AsyncProcess createSubprocessShell(String cmd, SubprocessOptions options) {
        return Subprocesses.createSubprocessShell(cmd, options);
    }

    // ---- async with --------------------------------------------------------------------------------

    /**
     * Python's {@code async with cm as r: block}: awaits {@code cm.aenter()}, runs the block, then awaits
     * {@code cm.aexit(e)} with the exception {@code e} leaving the block (null if none); an exception that
     * {@code aexit} suppresses (returns true for) is swallowed. Cancellation: a {@link CancelledError} leaving
     * the block is passed to {@code aexit} like any exception.
     *
     * @param cm the context manager
     * @param block the block
     * @param <R> what {@code aenter} returns
     * @param <T> the block's result type
     * @return the block's result, or null if {@code aexit} suppressed its exception
     */
    public static <R, T> T asyncWith(AsyncContextManager<R> cm, AsyncWithBody<R, T> block) {
        R resource = cm.aenter();
        T result;
        try {
            result = block.run(resource);
        } catch (Throwable e) {
            if (!cm.aexit(e)) {
                throw Asyncio.<RuntimeException>sneaky(e);
            }
            return null;
        }
        cm.aexit(null);
        return result;
    }

    /** Rethrows any exception as it is: bodies may throw checked exceptions, which callers see unchanged. */
    @SuppressWarnings("unchecked")
    private static <E extends Throwable> E sneaky(Throwable e) throws E {
        throw (E) e;
    }

    // =================================================================================================
    // Composition: gather, wait, waitFor, shield, timeout, TaskGroup, asCompleted, threads, futures.
    // Python's awaitables are futures (and tasks) and Coroutine lambdas, which are wrapped in tasks as
    // ensure_future does. Functions documented as "blocking style" await: call them inside a coroutine body.
    // =================================================================================================

    /** {@code asyncio.FIRST_COMPLETED}: see {@link ReturnWhen#FIRST_COMPLETED}. */
    public static final ReturnWhen FIRST_COMPLETED = ReturnWhen.FIRST_COMPLETED;
    /** {@code asyncio.FIRST_EXCEPTION}: see {@link ReturnWhen#FIRST_EXCEPTION}. */
    public static final ReturnWhen FIRST_EXCEPTION = ReturnWhen.FIRST_EXCEPTION;
    /** {@code asyncio.ALL_COMPLETED}: see {@link ReturnWhen#ALL_COMPLETED}. */
    public static final ReturnWhen ALL_COMPLETED = ReturnWhen.ALL_COMPLETED;

    // ---- gather ------------------------------------------------------------------------------------

    /**
     * Python's {@code asyncio.gather(*aws)}: runs the futures concurrently and returns a future of their results,
     * in argument order. {@code await(gather(a, b))} waits for all of them.
     *
     * <p>The first exception of a child becomes the gather future's exception at once (the awaiter gets it), while
     * the other children go on running. A cancelled child counts as a {@link CancelledError} of that child.
     * Cancelling the gather future cancels every child not yet done; it then ends with CancelledError when all of
     * them are done. A future given twice is one child (its result appears twice).
     *
     * @param futures futures or tasks of one loop; for none, use {@code gather(List.of())}
     * @param <T> the common result type
     * @return the gathering future
     */
    @SafeVarargs
    public static <T> Future<List<T>> gather(Future<? extends T>... futures) {
        return Compose.gather(Arrays.asList(futures), false);
    }

    /**
     * As {@link #gather(Future[])} for coroutines: each becomes a task of the running loop (the same lambda object
     * twice becomes one task).
     *
     * @param coros the coroutines
     * @param <T> the common result type
     * @return the gathering future
     */
    @SafeVarargs
    public static <T> Future<List<T>> gather(Coroutine<? extends T>... coros) {
        return Compose.gather(Arrays.asList(coros), false);
    }

    /**
     * As {@link #gather(Future[])} for a collection mixing futures, tasks and {@link Coroutine}s. An empty
     * collection gives a future whose result is an empty list.
     *
     * @param aws the awaitables
     * @param <T> the common result type
     * @return the gathering future
     * @throws IllegalArgumentException if an element is not a Future, Coroutine or Awaitable, or the futures
     *         belong to different loops
     */
    public static <T> Future<List<T>> gather(Collection<?> aws) {
        return Compose.gather(aws, false);
    }

    /**
     * Python's {@code asyncio.gather(*aws, return_exceptions=...)}: with {@code returnExceptions}, a child's
     * exception (a {@link CancelledError} for a cancelled child) is put in the result list in the place of its
     * result, and the gather future always completes with the list (unless the gather future itself was
     * cancelled).
     *
     * @param aws futures, tasks and coroutines
     * @param returnExceptions whether exceptions are results
     * @return the gathering future
     */
    public static Future<List<Object>> gather(Collection<?> aws, boolean returnExceptions) {
        return Compose.gather(aws, returnExceptions);
    }

    // ---- wait --------------------------------------------------------------------------------------

    /**
     * Python's {@code await asyncio.wait(fs)}: waits until all the futures are done. Blocking style. Call it as
     * {@code Asyncio.wait(...)}: inside a class, a static import of {@code wait} is hidden by {@code Object.wait}.
     *
     * @param fs futures or tasks, not empty
     * @param <F> their type
     * @return the futures split into done and pending
     * @throws IllegalArgumentException if {@code fs} is empty
     */
    public static <F extends Future<?>> DoneAndPending<F> wait(Collection<? extends F> fs) {
        return wait(fs, null, ReturnWhen.ALL_COMPLETED);
    }

    /**
     * Python's {@code await asyncio.wait(fs, return_when=...)}. Blocking style.
     *
     * @param fs futures or tasks, not empty
     * @param returnWhen when to return
     * @param <F> their type
     * @return the futures split into done and pending
     */
    public static <F extends Future<?>> DoneAndPending<F> wait(Collection<? extends F> fs, ReturnWhen returnWhen) {
        return wait(fs, null, returnWhen);
    }

    /**
     * Python's {@code await asyncio.wait(fs, timeout=..., return_when=...)}: waits until {@code returnWhen} holds or
     * the timeout passes. Neither a timeout nor the cancellation of the waiting task cancels the futures, and a
     * timeout is not an error: the futures not done are in {@link DoneAndPending#pending()}. Blocking style.
     *
     * @param fs futures or tasks, not empty
     * @param timeout seconds, or null for no limit
     * @param returnWhen when to return
     * @param <F> their type
     * @return the futures split into done and pending
     */
    public static <F extends Future<?>> DoneAndPending<F> wait(Collection<? extends F> fs, Double timeout, ReturnWhen returnWhen) {
        @SuppressWarnings("unchecked")
        Collection<F> all = (Collection<F>) fs;
        return Compose.wait(all, timeout, returnWhen);
    }

    // ---- waitFor -------------------------------------------------------------------------------------

    /**
     * Python's {@code await asyncio.wait_for(aw, timeout)} (3.13 semantics). Blocking style: returns {@code aw}'s
     * result or throws its exception. When the timeout passes first, {@code aw} is cancelled, the call waits until
     * it is done, and then throws {@link TimeoutError} (whose cause is the CancelledError); if {@code aw} ignores
     * the cancellation and returns a value, that value is returned. A timeout of 0 or less cancels {@code aw} at once
     * unless it is done; null waits forever. Cancelling the waiting task cancels {@code aw}. To keep {@code aw}
     * running after a timeout, pass {@code shield(aw)}.
     *
     * @param aw a future or task
     * @param timeout seconds, or null
     * @param <T> the result type
     * @return the result
     */
    public static <T> T waitFor(Future<T> aw, Double timeout) {
        return Compose.waitFor(aw, timeout);
    }

    /**
     * Python's {@code await asyncio.wait_for(coro(), timeout)}: runs {@code coro} in the calling body (no new task,
     * as in Python 3.12+), cancelled after {@code timeout} seconds, which then throws {@link TimeoutError}. If the
     * coroutine catches the cancellation and returns, its value is returned. With a timeout of 0 or less the
     * coroutine never runs. Blocking style.
     *
     * @param coro the coroutine
     * @param timeout seconds, or null
     * @param <T> the result type
     * @return the result
     */
    public static <T> T waitFor(Coroutine<T> coro, Double timeout) {
        return Compose.waitFor(coro, timeout);
    }

    // ---- shield --------------------------------------------------------------------------------------

    /**
     * Python's {@code asyncio.shield(aw)}: a future with {@code aw}'s outcome that can be cancelled without
     * cancelling {@code aw}: {@code await(shield(task))} throws CancelledError when the waiting task is cancelled,
     * while {@code task} runs on to completion. A cancellation of {@code aw} itself cancels the shield. If
     * {@code aw} is done, it is returned as it is.
     *
     * @param aw a future or task
     * @param <T> the result type
     * @return the shielding future
     */
    public static <T> Future<T> shield(Future<T> aw) {
        return Compose.shield(aw);
    }

    /**
     * As {@link #shield(Future)} for a coroutine, which becomes a task of the running loop.
     *
     * @param coro the coroutine
     * @param <T> the result type
     * @return the shielding future
     */
    public static <T> Future<T> shield(Coroutine<T> coro) {
        return Compose.shield(coro);
    }

    // ---- timeout -------------------------------------------------------------------------------------

    /**
     * Python's {@code asyncio.timeout(delay)}: a {@link Timeout} whose deadline is {@code delay} seconds from now,
     * to be entered with {@link #asyncWith}: {@code asyncWith(timeout(1.0), t -> ...)}. See
     * {@link #timeout(Double, Coroutine)}.
     *
     * @param delay seconds from now, or null for no deadline (it can be set later with {@link Timeout#reschedule})
     * @return the timeout, not entered yet
     * @throws IllegalStateException if no event loop runs in this thread
     */
    public static Timeout timeout(Double delay) {
        return Compose.timeout(delay);
    }

    /**
     * Python's {@code asyncio.timeout_at(when)}: a {@link Timeout} with a deadline in loop time
     * ({@link EventLoop#time()}), to be entered with {@link #asyncWith}.
     *
     * @param when the deadline, or null for none
     * @return the timeout, not entered yet
     */
    public static Timeout timeoutAt(Double when) {
        return Compose.timeoutAt(when);
    }

    /**
     * Python's {@code async with asyncio.timeout(delay): ...}: runs {@code body} in the calling body; if it is still
     * running after {@code delay} seconds, it is cancelled (it sees a {@link CancelledError} at its current await)
     * and, where it ends, that cancellation becomes a {@link TimeoutError} thrown from here. A cancellation from
     * elsewhere stays a CancelledError; with nested timeouts, the outermost expired one throws. Blocking style.
     * See {@link Timeout}.
     *
     * <p>Java's try-with-resources cannot replace the exception leaving its block, so a timeout takes its block as a
     * lambda (here, or through {@link #asyncWith}); see docs/differences-compose.md.
     *
     * @param delay seconds from now, or null for no deadline (it can be set later with {@link Timeout#reschedule})
     * @param body the block
     * @param <T> its result type
     * @return the block's result
     */
    public static <T> T timeout(Double delay, Coroutine<T> body) {
        return Compose.runTimeout(Compose.timeout(delay), t -> body.call());
    }

    /**
     * As {@link #timeout(Double, Coroutine)}; the block gets the {@link Timeout} (to read or move its deadline).
     *
     * @param delay seconds from now, or null for no deadline
     * @param body the block
     * @param <T> its result type
     * @return the block's result
     */
    public static <T> T timeout(Double delay, Timeout.Body<T> body) {
        return Compose.runTimeout(Compose.timeout(delay), body);
    }

    /**
     * Python's {@code async with asyncio.timeout_at(when): ...}: as {@link #timeout(Double, Coroutine)} with an
     * absolute deadline in loop time ({@link EventLoop#time()}).
     *
     * @param when the deadline, or null for none
     * @param body the block
     * @param <T> its result type
     * @return the block's result
     */
    public static <T> T timeoutAt(Double when, Coroutine<T> body) {
        return Compose.runTimeout(Compose.timeoutAt(when), t -> body.call());
    }

    /**
     * As {@link #timeoutAt(Double, Coroutine)}; the block gets the {@link Timeout}.
     *
     * @param when the deadline, or null for none
     * @param body the block
     * @param <T> its result type
     * @return the block's result
     */
    public static <T> T timeoutAt(Double when, Timeout.Body<T> body) {
        return Compose.runTimeout(Compose.timeoutAt(when), body);
    }

    // ---- TaskGroup -----------------------------------------------------------------------------------

    /**
     * Python's {@code asyncio.TaskGroup()}: a new task group, to be entered with {@link #asyncWith}:
     * {@code asyncWith(newTaskGroup(), tg -> ...)}. See {@link #taskGroup}.
     *
     * @return the group, not entered yet
     */
    public static TaskGroup newTaskGroup() {
        return Compose.newTaskGroup();
    }

    /**
     * Python's {@code async with asyncio.TaskGroup() as tg: ...}: runs {@code body} with a new {@link TaskGroup},
     * then waits for every task created in it. If a child fails, the other children and the body are cancelled,
     * and when all are done the failures are thrown as one {@link ExceptionGroup}; a failure of the body cancels the
     * children the same way. Cancelling the calling task cancels the children, waits for them, and throws
     * CancelledError. Blocking style.
     *
     * @param body the block
     * @param <T> its result type
     * @return the block's result, or null if {@link TaskGroup#cancel()} ended the block
     */
    public static <T> T taskGroup(TaskGroup.Body<T> body) {
        return Compose.taskGroup(body);
    }

    // ---- asCompleted ---------------------------------------------------------------------------------

    /**
     * Python 3.13's {@code asyncio.as_completed(aws)} used with {@code async for}: an asynchronous iterable of the
     * futures in completion order. Iterate it inside a body; each step of the loop waits (blocking style) for the
     * next future to be done and yields it: the very future or task given. A future given twice is yielded once.
     *
     * <pre>{@code
     * for (Future<String> f : asCompleted(List.of(t1, t2))) {
     *     System.out.println(f.result());
     * }
     * }</pre>
     *
     * <p>Cancelling the task while it waits for the next future loses nothing: that future is yielded by the next
     * step.
     *
     * @param futures futures or tasks of one loop
     * @param <T> the common result type
     * @return a single-use asynchronous iterable
     */
    public static <T> AsyncIterable<Future<T>> asCompleted(Collection<? extends Future<? extends T>> futures) {
        return Compose.asCompleted(futures, null);
    }

    /**
     * As {@link #asCompleted(Collection)}; once {@code timeout} seconds have passed, the iteration throws
     * {@link TimeoutError} for each future not yielded yet (the futures are not cancelled).
     *
     * @param futures futures or tasks of one loop
     * @param timeout seconds, or null
     * @param <T> the common result type
     * @return a single-use asynchronous iterable
     */
    public static <T> AsyncIterable<Future<T>> asCompleted(Collection<? extends Future<? extends T>> futures, Double timeout) {
        return Compose.asCompleted(futures, timeout);
    }

    /**
     * As {@link #asCompleted(Collection)} for coroutines, each wrapped in a task of the running loop at once; the
     * iteration yields those tasks.
     *
     * @param coros the coroutines
     * @param <T> the common result type
     * @return a single-use asynchronous iterable
     */
    @SafeVarargs
    public static <T> AsyncIterable<Future<T>> asCompleted(Coroutine<? extends T>... coros) {
        return Compose.asCompleted(Arrays.asList(coros), null);
    }

    /**
     * As {@link #asCompleted(Coroutine[])} with a timeout (see {@link #asCompleted(Collection, Double)}).
     *
     * @param timeout seconds, or null
     * @param coros the coroutines
     * @param <T> the common result type
     * @return a single-use asynchronous iterable
     */
    @SafeVarargs
    public static <T> AsyncIterable<Future<T>> asCompleted(Double timeout, Coroutine<? extends T>... coros) {
        return Compose.asCompleted(Arrays.asList(coros), timeout);
    }

    // ---- threads -------------------------------------------------------------------------------------

    /**
     * Python's {@code await asyncio.to_thread(fn)}: runs the blocking {@code fn} in the loop's default executor (a
     * new virtual thread: CPU-bound work runs in parallel), while the loop goes on; returns its result or throws its
     * exception. Cancelling the waiting task stops the wait; {@code fn} is not interrupted. Blocking style.
     *
     * @param fn the blocking call
     * @param <T> its result type
     * @return its result
     */
    public static <T> T toThread(Callable<T> fn) {
        return Compose.toThread(fn);
    }

    /**
     * As {@link #toThread(Callable)} for a call without result.
     *
     * @param fn the blocking call
     */
    public static void toThread(Runnable fn) {
        Compose.toThread(() -> {
            fn.run();
            return null;
        });
    }

    /**
     * Python's {@code asyncio.run_coroutine_threadsafe(coro, loop)}: from any thread, runs {@code coro} as a task of
     * {@code loop} (created in the loop's next iteration, in {@code callSoonThreadsafe} order). The returned future
     * completes with the task's result or exception, or is cancelled if the task is (as {@link #toCompletableFuture});
     * cancelling it cancels the task.
     *
     * @param coro the coroutine
     * @param loop a running loop
     * @param <T> the result type
     * @return a future usable from any thread
     * @throws IllegalStateException if the loop is closed
     */
    public static <T> CompletableFuture<T> runCoroutineThreadsafe(Coroutine<T> coro, EventLoop loop) {
        return Compose.runCoroutineThreadsafe(coro, loop);
    }

    // ---- futures -------------------------------------------------------------------------------------

    /**
     * Python's {@code asyncio.ensure_future(fut)}: the future itself.
     *
     * @param future a future or task
     * @param <T> the result type
     * @return {@code future}
     */
    public static <T> Future<T> ensureFuture(Future<T> future) {
        return Compose.ensureFuture(future, null);
    }

    /**
     * Python's {@code asyncio.ensure_future(coro)}: the coroutine as a task of the running loop.
     *
     * @param coro the coroutine
     * @param <T> the result type
     * @return the task
     */
    public static <T> Future<T> ensureFuture(Coroutine<T> coro) {
        return Compose.ensureFuture(coro, null);
    }

    /**
     * Python's {@code asyncio.ensure_future(coro, loop=loop)}.
     *
     * @param coro the coroutine
     * @param loop the loop of the task
     * @param <T> the result type
     * @return the task
     */
    public static <T> Future<T> ensureFuture(Coroutine<T> coro, EventLoop loop) {
        return Compose.ensureFuture(coro, loop);
    }

    /**
     * Python's {@code asyncio.wrap_future(fut)} for a {@link CompletableFuture}: a future of the running loop that
     * gets {@code future}'s outcome (on the loop's thread; a {@link java.util.concurrent.CancellationException}
     * cancels it). Cancelling it cancels {@code future}.
     *
     * @param future the Java future
     * @param <T> the result type
     * @return the asyncio4j future
     */
    public static <T> Future<T> wrapFuture(CompletableFuture<T> future) {
        return Compose.wrapFuture((CompletionStage<T>) future, null);
    }

    /**
     * As {@link #wrapFuture(CompletableFuture)} for any {@link CompletionStage}, on {@code loop} (null: the running
     * loop).
     *
     * @param stage the stage
     * @param loop the loop of the new future, or null
     * @param <T> the result type
     * @return the asyncio4j future
     */
    public static <T> Future<T> wrapFuture(CompletionStage<T> stage, EventLoop loop) {
        return Compose.wrapFuture(stage, loop);
    }

    /**
     * As {@link #wrapFuture(CompletableFuture)} for a plain {@link java.util.concurrent.Future} (e.g. of
     * {@code ExecutorService.submit}), which has no completion callback: a virtual thread waits for it.
     *
     * @param future the Java future
     * @param loop the loop of the new future, or null for the running loop
     * @param <T> the result type
     * @return the asyncio4j future
     */
    public static <T> Future<T> wrapFuture(java.util.concurrent.Future<T> future, EventLoop loop) {
        return Compose.wrapFuture(future, loop);
    }

    /**
     * The way back from {@link #wrapFuture}: a {@link CompletableFuture} that gets {@code future}'s outcome. If
     * {@code future} is cancelled, it is cancelled too: it completes with the {@link CancelledError}, and its
     * {@code get()} throws a {@link java.util.concurrent.CancellationException} caused by that CancelledError.
     * Cancelling it, from any thread, cancels {@code future} on its loop (in the loop's next iteration). Call it on
     * the loop's thread.
     *
     * @param future an asyncio4j future or task
     * @param <T> the result type
     * @return the Java future
     */
    public static <T> CompletableFuture<T> toCompletableFuture(Future<T> future) {
        return Compose.toCompletableFuture(future);
    }

    // ---- synchronization primitives and queues (Python's asyncio.Lock ... asyncio.LifoQueue) ---------
    //
    // Each factory is the Python constructor. A new object is bound to no loop: it belongs to the loop on
    // which it first has to wait (see Acquirable, Event, Barrier and Queue for binding, threads and
    // cancellation).

    /** @return a new unlocked {@link Lock}: Python's {@code asyncio.Lock()} */
    public static Lock newLock() {
        return Primitives.newLock();
    }

    /** @return a new {@link Event}, not set: Python's {@code asyncio.Event()} */
    public static Event newEvent() {
        return Primitives.newEvent();
    }

    /** @return a new {@link Condition} with its own lock: Python's {@code asyncio.Condition()} */
    public static Condition newCondition() {
        return Primitives.newCondition(null);
    }

    /**
     * Python's {@code asyncio.Condition(lock)}.
     *
     * @param lock the lock the condition uses (made by {@link #newLock()}); several conditions may share one
     * @return a new {@link Condition}
     * @throws IllegalArgumentException if the lock was not made by asyncio4j
     */
    public static Condition newCondition(Lock lock) {
        return Primitives.newCondition(Objects.requireNonNull(lock, "newCondition: lock is null"));
    }

    /**
     * Python's {@code asyncio.Semaphore(value)}.
     *
     * @param value the initial number of permits
     * @return a new {@link Semaphore}
     * @throws IllegalArgumentException if {@code value} is negative
     */
    public static Semaphore newSemaphore(int value) {
        return Primitives.newSemaphore(value);
    }

    /**
     * Python's {@code asyncio.BoundedSemaphore(value)}.
     *
     * @param value the initial and maximal number of permits
     * @return a new {@link BoundedSemaphore}
     * @throws IllegalArgumentException if {@code value} is negative
     */
    public static BoundedSemaphore newBoundedSemaphore(int value) {
        return Primitives.newBoundedSemaphore(value);
    }

    /**
     * Python's {@code asyncio.Barrier(parties)}.
     *
     * @param parties the number of tasks that pass the barrier together
     * @return a new {@link Barrier}
     * @throws IllegalArgumentException if {@code parties} is less than 1
     */
    public static Barrier newBarrier(int parties) {
        return Primitives.newBarrier(parties);
    }

    /** @param <T> the item type @return a new unbounded FIFO {@link Queue}: Python's {@code asyncio.Queue()} */
    public static <T> Queue<T> newQueue() {
        return Primitives.newQueue(0);
    }

    /**
     * Python's {@code asyncio.Queue(maxsize)}.
     *
     * @param maxsize the capacity; 0 or less is unbounded
     * @param <T> the item type
     * @return a new FIFO {@link Queue}
     */
    public static <T> Queue<T> newQueue(int maxsize) {
        return Primitives.newQueue(maxsize);
    }

    /**
     * Python's {@code asyncio.PriorityQueue()}: unbounded, smallest item first in natural order.
     *
     * @param <T> the item type
     * @return a new {@link PriorityQueue}
     */
    public static <T extends Comparable<? super T>> PriorityQueue<T> newPriorityQueue() {
        return Primitives.newPriorityQueue(0, null);
    }

    /**
     * Python's {@code asyncio.PriorityQueue(maxsize)}: smallest item first in natural order.
     *
     * @param maxsize the capacity; 0 or less is unbounded
     * @param <T> the item type
     * @return a new {@link PriorityQueue}
     */
    public static <T extends Comparable<? super T>> PriorityQueue<T> newPriorityQueue(int maxsize) {
        return Primitives.newPriorityQueue(maxsize, null);
    }

    /**
     * An unbounded {@link PriorityQueue} ordered by {@code comparator}, smallest first.
     *
     * @param comparator the order of the items
     * @param <T> the item type
     * @return a new {@link PriorityQueue}
     */
    public static <T> PriorityQueue<T> newPriorityQueue(Comparator<? super T> comparator) {
        return newPriorityQueue(0, comparator);
    }

    /**
     * A {@link PriorityQueue} of capacity {@code maxsize} ordered by {@code comparator}, smallest first.
     *
     * @param maxsize the capacity; 0 or less is unbounded
     * @param comparator the order of the items
     * @param <T> the item type
     * @return a new {@link PriorityQueue}
     */
    public static <T> PriorityQueue<T> newPriorityQueue(int maxsize, Comparator<? super T> comparator) {
        return Primitives.newPriorityQueue(maxsize,
                Objects.requireNonNull(comparator, "newPriorityQueue: comparator is null"));
    }

    /** @param <T> the item type @return a new unbounded {@link LifoQueue}: Python's {@code asyncio.LifoQueue()} */
    public static <T> LifoQueue<T> newLifoQueue() {
        return Primitives.newLifoQueue(0);
    }

    /**
     * Python's {@code asyncio.LifoQueue(maxsize)}.
     *
     * @param maxsize the capacity; 0 or less is unbounded
     * @param <T> the item type
     * @return a new {@link LifoQueue}
     */
    public static <T> LifoQueue<T> newLifoQueue(int maxsize) {
        return Primitives.newLifoQueue(maxsize);
    }
}
