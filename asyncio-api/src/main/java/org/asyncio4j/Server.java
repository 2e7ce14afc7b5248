package org.asyncio4j;

import java.net.SocketAddress;
import java.util.List;

/**
 * A listening server: Python's {@code asyncio.Server} (3.13). Made by {@code startServer}/{@code
 * startUnixServer}; each accepted connection runs the client handler in a task of its own.
 *
 * <p>{@link #close()} is Python's {@code close()}: it stops listening and does not wait, so a
 * try-with-resources block closes the listening sockets when it ends; connections already accepted stay
 * open (call {@link #closeClients()} or {@link #abortClients()}, then {@link #waitClosed()}). Python's
 * {@code async with server:} is {@code asyncWith(server, s -> ...)}: it closes the server and waits for it
 * ({@link #aexit}). Loop thread only.
 */
public interface Server extends AutoCloseable, AsyncContextManager<Server> {
    /** @return the loop this server runs on */
    EventLoop getLoop();

    /** @return true while accepting connections */
    boolean isServing();

    /** @return the local addresses listened on (empty once closed): Python's {@code sockets[i].getsockname()} */
    List<SocketAddress> sockets();

    /** Starts accepting if not already (Python's {@code await start_serving()}: awaits one loop iteration). */
    void startServing();

    /**
     * Accepts connections until cancelled: Python's {@code await serve_forever()}. When cancelled, closes the
     * server and waits for it ({@link #waitClosed()}), then throws {@link CancelledError}.
     *
     * @throws IllegalStateException if the server is closed or already served forever
     */
    void serveForever();

    /** Stops listening (the listening sockets are closed); accepted connections stay open. Does not wait. */
    @Override
    void close();

    /** Closes every accepted connection (after its buffered data is sent). */
    void closeClients();

    /** Aborts every accepted connection at once. */
    void abortClients();

    /** Waits until the server is closed and every accepted connection is gone: Python's {@code wait_closed()}. */
    void waitClosed();

    /** @return this server: Python's {@code Server.__aenter__} */
    @Override
    default Server aenter() {
        return this;
    }

    /**
     * Python's {@code Server.__aexit__}: closes the server and waits until it is closed ({@link #waitClosed()}).
     *
     * @param error the exception leaving the block, never suppressed
     * @return false
     */
    @Override
    default boolean aexit(Throwable error) {
        close();
        waitClosed();
        return false;
    }
}
