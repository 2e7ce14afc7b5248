package org.asyncio4j.tests;

import static org.asyncio4j.Asyncio.await;
import static org.asyncio4j.Asyncio.openConnection;
import static org.asyncio4j.Asyncio.sleep;
import static org.asyncio4j.Asyncio.startServer;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.List;
import org.asyncio4j.Connection;
import org.asyncio4j.ConnectionRefusedError;
import org.asyncio4j.ConnectionResetError;
import org.asyncio4j.Future;
import org.asyncio4j.IncompleteReadError;
import org.asyncio4j.Server;
import org.asyncio4j.StreamOptions;
import org.junit.jupiter.api.Test;

class StreamConnectionTest extends NetTest {

    @Test
    void anEchoServerAnswersEachLineOfSeveralConcurrentClients() {
        List<String> replies = runMain(() -> {
            Server server = startServer((r, w) -> {
                for (byte[] line : r) {
                    w.write(b("echo: " + s(line)));
                    w.drain();
                }
                w.close();
                w.waitClosed();
            }, HOST, 0);
            List<org.asyncio4j.Task<String>> clients = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                int n = i;
                clients.add(loop.createTask(() -> {
                    Connection c = openConnection(HOST, port(server));
                    c.writer().write(b("hello " + n + "\n"));
                    c.writer().write(b("bye " + n + "\n"));
                    c.writer().writeEof();
                    String got = s(c.reader().read());
                    c.writer().close();
                    c.writer().waitClosed();
                    return got;
                }));
            }
            List<String> out = new ArrayList<>();
            for (var t : clients) {
                out.add(await(t));
            }
            server.close();
            server.waitClosed();
            return out;
        });
        for (int i = 0; i < 5; i++) {
            assertEquals("echo: hello " + i + "\necho: bye " + i + "\n", replies.get(i));
        }
    }

    @Test
    void extraInfoGivesBothEndsAndTheSocket() {
        runMain(() -> {
            Future<Object> serverSide = loop.createFuture();
            Server server = startServer((r, w) -> {
                serverSide.setResult(w.getExtraInfo("peername"));
                w.close();
            }, HOST, 0);
            Connection c = openConnection(HOST, port(server));
            InetSocketAddress local = (InetSocketAddress) c.writer().getExtraInfo("sockname");
            InetSocketAddress peer = (InetSocketAddress) c.writer().getExtraInfo("peername");
            assertEquals(port(server), peer.getPort());
            assertEquals(local, await(serverSide));
            assertInstanceOf(SocketChannel.class, c.writer().getExtraInfo("socket"));
            assertNull(c.writer().getExtraInfo("ssl_object"));
            assertNull(c.writer().getExtraInfo("no such key"));
            assertEquals(0, c.reader().read(100).length);
            assertTrue(c.reader().atEof());
            c.writer().close();
            server.close();
            server.waitClosed();
            return null;
        });
    }

    @Test
    void connectingWhereNothingListensRaisesConnectionRefusedError() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getByName(HOST))) {
            port = s.getLocalPort();
        }
        ConnectionRefusedError e = assertThrows(ConnectionRefusedError.class, () -> runMain(() -> openConnection(HOST, port)));
        assertTrue(e.getMessage().contains("Connect call failed"), e.getMessage());
    }

    @Test
    void anEarlyEndOfStreamGivesReadexactlyThePartialData() {
        runMain(() -> {
            Server server = startServer((r, w) -> {
                w.write(b("only this"));
                w.close();
            }, HOST, 0);
            Connection c = openConnection(HOST, port(server));
            IncompleteReadError e = assertThrows(IncompleteReadError.class, () -> c.reader().readexactly(100));
            assertEquals("only this", s(e.partial()));
            assertEquals(100, e.expected());
            assertTrue(c.reader().atEof());
            c.writer().close();
            server.close();
            return null;
        });
    }

    @Test
    void anAbruptResetByThePeerFailsThePendingReadAndLaterDrains() throws Exception {
        try (ServerSocket plain = new ServerSocket(0, 1, java.net.InetAddress.getByName(HOST))) {
            Thread peer = new Thread(() -> {
                try (Socket s = plain.accept()) {
                    s.getInputStream().read();
                    s.setSoLinger(true, 0); // close with RST
                } catch (Exception e) {
                    throw new RuntimeException(e);
                }
            });
            peer.start();
            runMain(() -> {
                Connection c = openConnection(HOST, plain.getLocalPort());
                c.writer().write(b("x"));
                ConnectionResetError e = assertThrows(ConnectionResetError.class, () -> c.reader().read(10));
                assertTrue(c.writer().isClosing());
                assertThrows(ConnectionResetError.class, () -> c.writer().drain());
                ConnectionResetError closed = assertThrows(ConnectionResetError.class, () -> c.writer().waitClosed());
                assertEquals(e, closed);
                return null;
            });
            peer.join();
        }
    }

    @Test
    void writeEofHalfClosesWhileTheOtherDirectionStaysOpen() {
        String reply = runMain(() -> {
            Server server = startServer((r, w) -> {
                byte[] all = r.read();
                assertTrue(r.atEof());
                w.write(b("got " + all.length));
                w.close();
            }, HOST, 0);
            Connection c = openConnection(HOST, port(server));
            assertTrue(c.writer().canWriteEof());
            c.writer().write(b("12345"));
            c.writer().writeEof();
            assertThrows(IllegalStateException.class, () -> c.writer().write(b("late")));
            String r = s(c.reader().read());
            c.writer().close();
            server.close();
            return r;
        });
        assertEquals("got 5", reply);
    }

    @Test
    void aFailingHandlerIsReportedAndItsConnectionClosed() {
        runMain(() -> {
            Server server = startServer((r, w) -> {
                throw new IllegalStateException("handler bug");
            }, HOST, 0);
            Connection c = openConnection(HOST, port(server));
            assertArrayEquals(new byte[0], c.reader().read());
            c.writer().close();
            server.close();
            server.waitClosed();
            return null;
        });
        var ctx = assertOneHandlerCall("Unhandled exception in client_connected_cb");
        assertEquals("handler bug", ((Throwable) ctx.get("exception")).getMessage());
    }

    @Test
    void aReadCancelledWhileWaitingLosesNoData() {
        runMain(() -> {
            Server server = startServer((r, w) -> {
                sleep(0.05);
                w.write(b("late data\n"));
                w.close();
            }, HOST, 0);
            Connection c = openConnection(HOST, port(server));
            var reading = loop.createTask(() -> c.reader().readline());
            sleep(0.01);
            reading.cancel();
            assertThrows(org.asyncio4j.CancelledError.class, () -> await(reading));
            assertEquals("late data\n", s(c.reader().readline()));
            c.writer().close();
            server.close();
            return null;
        });
    }

    @Test
    void writelinesSendsTheBuffersInOrder() {
        String got = runMain(() -> {
            Server server = startServer((r, w) -> {
                w.writelines(List.of(b("a"), b("bc"), b(""), b("def\n")));
                w.writelines(List.of());
                w.close();
            }, HOST, 0);
            Connection c = openConnection(HOST, port(server));
            String line = s(c.reader().readline());
            c.writer().close();
            server.close();
            server.waitClosed();
            return line;
        });
        assertEquals("abcdef\n", got);
    }

    @Test
    void optionsAreChecked() {
        assertThrows(IllegalArgumentException.class, () -> StreamOptions.defaults().withLimit(0));
        assertThrows(IllegalArgumentException.class, () -> StreamOptions.defaults().withSslHandshakeTimeout(0));
        assertFalse(StreamOptions.defaults().reusePort());
    }
}
