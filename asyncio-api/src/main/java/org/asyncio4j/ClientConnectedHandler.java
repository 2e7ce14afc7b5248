package org.asyncio4j;

/**
 * The per-connection body of a server: Python's {@code client_connected_cb(reader, writer)}. It runs as a
 * task of its own for each accepted connection. If it ends with an exception, the exception handler is
 * called ("Unhandled exception in client_connected_cb") and the connection is closed; if it is cancelled,
 * the connection is closed.
 */
@FunctionalInterface
public interface ClientConnectedHandler {
    /**
     * @param reader reads from the client
     * @param writer writes to the client
     * @throws Exception anything; reported as above
     */
    void handle(StreamReader reader, StreamWriter writer) throws Exception;
}
