package org.asyncio4j.tests;

import static org.asyncio4j.Asyncio.asyncWith;
import static org.asyncio4j.Asyncio.await;
import static org.asyncio4j.Asyncio.openConnection;
import static org.asyncio4j.Asyncio.sleep;
import static org.asyncio4j.Asyncio.startServer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.asyncio4j.CancelledError;
import org.asyncio4j.Connection;
import org.asyncio4j.ConnectionRefusedError;
import org.asyncio4j.Server;
import org.asyncio4j.StreamOptions;
import org.junit.jupiter.api.Test;

class ServerTest extends NetTest {

    @Test
    void closeStopsListeningButWaitClosedWaitsForTheConnectedClients() {
        List<String> trace = new ArrayList<>();
        runMain(() -> {
            Server server = startServer((r, w) -> {
                w.write(r.readline());
                w.close();
            }, HOST, 0);
            int port = port(server);
            Connection c = openConnection(HOST, port);
            sleep(0.05);
            server.close();
            assertFalse(server.isServing());
            assertTrue(server.sockets().isEmpty());
            assertThrows(ConnectionRefusedError.class, () -> openConnection(HOST, port));
            var waiting = loop.createTask(() -> {
                server.waitClosed();
                trace.add("server closed");
                return null;
            });
            sleep(0.05);
            trace.add("client still served");
            c.writer().write(b("still there\n"));
            assertEquals("still there\n", s(c.reader().readline()));
            c.writer().close();
            await(waiting);
            return null;
        });
        assertEquals(List.of("client still served", "server closed"), trace);
    }

    @Test
    void asyncWithAServerClosesItAndWaitsForItsConnections() {
        List<String> trace = new ArrayList<>();
        runMain(() -> {
            Server served = asyncWith(startServer((r, w) -> {
                w.write(r.readline());
                sleep(0.1);
                w.close();
                trace.add("handler done");
            }, HOST, 0), server -> {
                Connection c = openConnection(HOST, port(server));
                c.writer().write(b("hi\n"));
                assertEquals("hi\n", s(c.reader().readline()));
                trace.add("block done");
                return server;
            });
            trace.add("after async with");
            assertFalse(served.isServing());
            return null;
        });
        assertEquals(List.of("block done", "handler done", "after async with"), trace);
    }

    @Test
    void closeClientsClosesEveryConnectionAfterItsPendingData() {
        runMain(() -> {
            Server server = startServer((r, w) -> {
                w.write(b("welcome\n"));
                r.read();
            }, HOST, 0);
            List<Connection> clients = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                clients.add(openConnection(HOST, port(server)));
            }
            sleep(0.05);
            server.close();
            server.closeClients();
            server.waitClosed();
            for (Connection c : clients) {
                assertEquals("welcome\n", s(c.reader().read()));
                assertTrue(c.reader().atEof());
                c.writer().close();
            }
            return null;
        });
    }

    @Test
    void abortClientsDropsTheConnectionsAtOnce() {
        runMain(() -> {
            byte[] big = new byte[32 * 1024 * 1024];
            Server server = startServer((r, w) -> {
                w.write(big);
                r.read();
            }, HOST, 0);
            Connection c = openConnection(HOST, port(server));
            sleep(0.05);
            server.close();
            server.abortClients();
            server.waitClosed();
            long got = 0;
            try {
                byte[] data;
                while ((data = c.reader().read(1 << 16)).length > 0) {
                    got += data.length;
                }
            } catch (org.asyncio4j.ConnectionResetError reset) {
                // an abort may reach the client as a reset
            }
            assertTrue(got < big.length, "the pending data was dropped: got " + got);
            c.writer().close();
            return null;
        });
    }

    @Test
    void cancellingServeForeverClosesTheServer() {
        runMain(() -> {
            Server server = startServer((r, w) -> w.close(), HOST, 0, StreamOptions.defaults().withStartServing(false));
            assertFalse(server.isServing());
            var serving = loop.createTask(() -> {
                server.serveForever();
                return null;
            });
            sleep(0.01);
            assertTrue(server.isServing());
            assertThrows(IllegalStateException.class, server::serveForever);
            Connection c = openConnection(HOST, port(server));
            assertEquals(0, c.reader().read().length);
            serving.cancel();
            assertThrows(CancelledError.class, () -> await(serving));
            assertFalse(server.isServing());
            assertTrue(server.sockets().isEmpty());
            assertThrows(IllegalStateException.class, server::serveForever);
            return null;
        });
    }

    @Test
    void startServingStartsAServerCreatedWithoutServing() {
        runMain(() -> {
            Server server = startServer((r, w) -> {
                w.write(b("hi"));
                w.close();
            }, HOST, 0, StreamOptions.defaults().withStartServing(false));
            assertFalse(server.isServing());
            server.startServing();
            assertTrue(server.isServing());
            assertEquals("hi", s(openConnection(HOST, port(server)).reader().read()));
            server.close();
            server.waitClosed();
            return null;
        });
    }

    @Test
    void tryWithResourcesClosesTheListeningSockets() {
        runMain(() -> {
            int port;
            try (Server server = startServer((r, w) -> w.close(), HOST, 0)) {
                port = port(server);
                assertTrue(server.isServing());
            }
            assertThrows(ConnectionRefusedError.class, () -> openConnection(HOST, port));
            return null;
        });
    }

    @Test
    void bindingAPortInUseFailsWithAClearMessage() {
        runMain(() -> {
            try (Server first = startServer((r, w) -> w.close(), HOST, 0, StreamOptions.defaults().withReuseAddress(false))) {
                var e = assertThrows(java.io.UncheckedIOException.class, () -> startServer((r, w) -> w.close(), HOST, port(first),
                        StreamOptions.defaults().withReuseAddress(false)));
                assertTrue(e.getMessage().startsWith("error while attempting to bind on address"), e.getMessage());
            }
            return null;
        });
    }
}
