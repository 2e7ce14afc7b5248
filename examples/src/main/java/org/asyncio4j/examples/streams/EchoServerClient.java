package org.asyncio4j.examples.streams;

import static org.asyncio4j.Asyncio.openConnection;
import static org.asyncio4j.Asyncio.run;
import static org.asyncio4j.Asyncio.startServer;

import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import org.asyncio4j.Connection;
import org.asyncio4j.Server;
import org.asyncio4j.StreamReader;
import org.asyncio4j.StreamWriter;

/**
 * The TCP echo server and client of Python's asyncio streams documentation, in one program: the server
 * echoes what a client sends; the client sends a message and prints the answer.
 */
public final class EchoServerClient {
    private EchoServerClient() {
    }

    /** {@code async def handle_echo(reader, writer)}. */
    private static void handleEcho(PrintStream out, StreamReader reader, StreamWriter writer) {
        byte[] data = reader.read(100);                                   // data = await reader.read(100)
        String message = new String(data, StandardCharsets.UTF_8);
        out.println("server: received '" + message + "'");
        out.println("server: send '" + message + "'");
        writer.write(data);
        writer.drain();                                                   // await writer.drain()
        out.println("server: close the connection");
        writer.close();
        writer.waitClosed();                                              // await writer.wait_closed()
    }

    /** {@code async def tcp_echo_client(message)}. */
    private static void echoClient(PrintStream out, int port, String message) {
        Connection c = openConnection("127.0.0.1", port);                 // reader, writer = await open_connection(...)
        out.println("client: send '" + message + "'");
        c.writer().write(message.getBytes(StandardCharsets.UTF_8));
        c.writer().drain();
        byte[] data = c.reader().read(100);
        out.println("client: received '" + new String(data, StandardCharsets.UTF_8) + "'");
        out.println("client: close the connection");
        c.writer().close();
        c.writer().waitClosed();
    }

    /**
     * Starts the server, runs one client against it, closes the server.
     *
     * @param out where the trace goes
     */
    public static void runTo(PrintStream out) {
        run(() -> {
            Server server = startServer((r, w) -> handleEcho(out, r, w), "127.0.0.1", 0);
            out.println("server: serving on 127.0.0.1");
            echoClient(out, ((InetSocketAddress) server.sockets().get(0)).getPort(), "Hello World!");
            server.close();
            server.waitClosed();
            out.println("server: closed");
            return null;
        });
    }

    /** @param args unused */
    public static void main(String[] args) {
        runTo(System.out);
    }
}
