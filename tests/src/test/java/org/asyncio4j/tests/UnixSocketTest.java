package org.asyncio4j.tests;

import static org.asyncio4j.Asyncio.openUnixConnection;
import static org.asyncio4j.Asyncio.startUnixServer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.UnixDomainSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import org.asyncio4j.Connection;
import org.asyncio4j.Server;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UnixSocketTest extends NetTest {
    @TempDir
    Path dir;

    @Test
    void aUnixServerEchoesAndRemovesItsSocketFileWhenClosed() {
        String path = dir.resolve("echo.sock").toString();
        runMain(() -> {
            Server server = startUnixServer((r, w) -> {
                w.write(r.readline());
                w.close();
            }, path);
            assertTrue(Files.exists(Path.of(path)));
            assertEquals(UnixDomainSocketAddress.of(path), server.sockets().get(0));
            Connection c = openUnixConnection(path);
            assertInstanceOf(UnixDomainSocketAddress.class, c.writer().getExtraInfo("peername"));
            c.writer().write(b("over a unix socket\n"));
            assertEquals("over a unix socket\n", s(c.reader().read()));
            c.writer().close();
            server.close();
            server.waitClosed();
            return null;
        });
        assertFalse(Files.exists(Path.of(path)), "the socket file is removed at close");
    }

    @Test
    void aStaleSocketFileIsReplacedAndAMissingOneRefusesConnections() {
        String path = dir.resolve("stale.sock").toString();
        runMain(() -> {
            Server first = startUnixServer((r, w) -> w.close(), path);
            first.close();
            assertThrows(java.io.UncheckedIOException.class, () -> openUnixConnection(path));
            try (var ch = java.nio.channels.ServerSocketChannel.open(java.net.StandardProtocolFamily.UNIX)) {
                ch.bind(UnixDomainSocketAddress.of(path)); // leaves a socket file behind once closed
            }
            assertTrue(Files.exists(Path.of(path)));
            Server second = startUnixServer((r, w) -> {
                w.write(b("fresh"));
                w.close();
            }, path);
            assertEquals("fresh", s(openUnixConnection(path).reader().read()));
            second.close();
            second.waitClosed();
            return null;
        });
    }
}
