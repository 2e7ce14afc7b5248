package org.asyncio4j.tests;

import static org.asyncio4j.Asyncio.openConnection;
import static org.asyncio4j.Asyncio.startServer;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.cert.Certificate;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import org.asyncio4j.Connection;
import org.asyncio4j.ConnectionAbortedError;
import org.asyncio4j.SSLError;
import org.asyncio4j.Server;
import org.asyncio4j.StreamOptions;
import org.asyncio4j.examples.tls.SelfSignedCertificate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class TlsTest extends NetTest {
    private static SelfSignedCertificate cert;

    @BeforeAll
    static void makeCertificate() {
        cert = SelfSignedCertificate.generate("localhost", "127.0.0.1");
    }

    private Server tlsEchoServer(SSLContext ctx) {
        return startServer((r, w) -> {
            for (byte[] line : r) {
                w.write(line);
                w.drain();
            }
            w.close();
            w.waitClosed();
        }, HOST, 0, StreamOptions.defaults().withSsl(ctx));
    }

    @Test
    void aClientAndServerTalkOverTlsAndSeeTheSessionInExtraInfo() {
        runMain(() -> {
            Server server = tlsEchoServer(cert.serverContext());
            Connection c = openConnection("localhost", port(server), cert.clientContext());
            c.writer().write(b("secret\n"));
            assertEquals("secret\n", s(c.reader().readline()));
            assertInstanceOf(SSLEngine.class, c.writer().getExtraInfo("ssl_object"));
            Certificate[] peer = (Certificate[]) c.writer().getExtraInfo("peercert");
            assertEquals(cert.certificate(), peer[0]);
            assertTrue(((String) c.writer().getExtraInfo("cipher")).startsWith("TLS_"));
            assertNotNull(c.writer().getExtraInfo("peername"), "socket info comes from the transport below");
            assertFalse(c.writer().canWriteEof());
            c.writer().close();
            c.writer().waitClosed();
            server.close();
            server.waitClosed();
            return null;
        });
    }

    @Test
    void anIpAddressIsCheckedAgainstTheCertificatesAddresses() {
        runMain(() -> {
            Server server = tlsEchoServer(cert.serverContext());
            Connection c = openConnection(HOST, port(server), cert.clientContext());
            c.writer().write(b("by address\n"));
            assertEquals("by address\n", s(c.reader().readline()));
            c.writer().close();
            server.close();
            server.waitClosed();
            return null;
        });
    }

    @Test
    void megabytesGoBothWaysThroughTlsWithFlowControl() {
        runMain(() -> {
            Server server = startServer((r, w) -> {
                byte[] data = r.readexactly(1024 * 1024);
                w.write(data);
                w.drain();
                w.close();
            }, HOST, 0, StreamOptions.defaults().withSsl(cert.serverContext()));
            Connection c = openConnection("localhost", port(server), cert.clientContext());
            byte[] payload = new byte[1024 * 1024];
            new java.util.Random(7).nextBytes(payload);
            var sender = loop.createTask(() -> {
                for (int off = 0; off < payload.length; off += 100_000) {
                    c.writer().transport().write(payload, off, Math.min(100_000, payload.length - off));
                    c.writer().drain();
                }
                return null;
            });
            assertArrayEquals(payload, c.reader().read());
            org.asyncio4j.Asyncio.await(sender);
            c.writer().close();
            server.close();
            server.waitClosed();
            return null;
        });
    }

    @Test
    void aServerCertificateTheClientDoesNotTrustFailsTheHandshake() throws Exception {
        runMain(() -> {
            Server server = tlsEchoServer(cert.serverContext());
            SSLError e = assertThrows(SSLError.class, () -> openConnection("localhost", port(server), SSLContext.getDefault()));
            assertInstanceOf(javax.net.ssl.SSLHandshakeException.class, e.getCause());
            server.close();
            server.waitClosed();
            return null;
        });
    }

    @Test
    void aCertificateForAnotherNameFailsTheHandshake() {
        SelfSignedCertificate other = SelfSignedCertificate.generate("other.example");
        runMain(() -> {
            Server server = tlsEchoServer(other.serverContext());
            SSLError e = assertThrows(SSLError.class, () -> openConnection(HOST, port(server),
                    StreamOptions.defaults().withSsl(other.clientContext()).withServerHostname("localhost")));
            assertTrue(e.getMessage().contains("localhost") || e.getCause().getMessage().contains("name"), e.getMessage());
            // An empty server name turns the name check off, as in Python.
            Connection c = openConnection(HOST, port(server), StreamOptions.defaults().withSsl(other.clientContext()).withServerHostname(""));
            c.writer().write(b("ok\n"));
            assertEquals("ok\n", s(c.reader().readline()));
            c.writer().close();
            server.close();
            server.waitClosed();
            return null;
        });
    }

    @Test
    void cancellingAConnectionDuringItsHandshakeClosesIt() {
        runMain(() -> {
            Server silent = startServer((r, w) -> {
                r.read();
                w.close();
            }, HOST, 0);
            var connecting = loop.createTask(() -> openConnection(HOST, port(silent),
                    StreamOptions.defaults().withSsl(cert.clientContext()).withServerHostname("localhost")));
            org.asyncio4j.Asyncio.sleep(0.05);
            connecting.cancel();
            assertThrows(org.asyncio4j.CancelledError.class, () -> org.asyncio4j.Asyncio.await(connecting));
            // The half-open TLS connection was closed: the server's handler sees the end of its stream.
            silent.close();
            silent.waitClosed();
            return null;
        });
    }

    @Test
    void tlsWithoutAHostNeedsAServerName() {
        runMain(() -> {
            var e = assertThrows(IllegalArgumentException.class, () -> openConnection(null, 443, cert.clientContext()));
            assertEquals("You must set server_hostname when using ssl without a host", e.getMessage());
            return null;
        });
    }

    @Test
    void aHandshakeThatGetsNoAnswerTimesOut() {
        runMain(() -> {
            Server silent = startServer((r, w) -> r.read(), HOST, 0);
            double t0 = loop.time();
            assertThrows(ConnectionAbortedError.class, () -> openConnection(HOST, port(silent),
                    StreamOptions.defaults().withSsl(cert.clientContext()).withServerHostname("localhost").withSslHandshakeTimeout(0.2)));
            assertTrue(loop.time() - t0 >= 0.19);
            silent.close();
            silent.abortClients();
            silent.waitClosed();
            return null;
        });
    }

    @Test
    void startTlsUpgradesAPlainConnectionOnBothSides() {
        runMain(() -> {
            Server server = startServer((r, w) -> {
                assertEquals("STARTTLS\n", s(r.readline()));
                w.write(b("go ahead\n"));
                w.startTls(cert.serverContext());
                assertNotNull(w.getExtraInfo("ssl_object"));
                w.write(b("upgraded: " + s(r.readline())));
                w.close();
            }, HOST, 0);
            Connection c = openConnection(HOST, port(server));
            assertNull(c.writer().getExtraInfo("ssl_object"));
            c.writer().write(b("STARTTLS\n"));
            assertEquals("go ahead\n", s(c.reader().readline()));
            c.writer().startTls(cert.clientContext(), "localhost", null, null);
            assertInstanceOf(SSLEngine.class, c.writer().getExtraInfo("ssl_object"));
            c.writer().write(b("hello\n"));
            assertEquals("upgraded: hello\n", s(c.reader().read()));
            assertThrows(IllegalStateException.class, () -> c.writer().startTls(cert.clientContext()));
            c.writer().close();
            server.close();
            server.waitClosed();
            return null;
        });
    }
}
