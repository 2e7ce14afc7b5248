package org.asyncio4j;

import java.util.Set;
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
        try (Runner runner = new Runner(debug)) {
            return runner.run(main);
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
}
