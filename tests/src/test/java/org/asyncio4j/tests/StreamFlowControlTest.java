package org.asyncio4j.tests;

import static org.asyncio4j.Asyncio.await;
import static org.asyncio4j.Asyncio.openConnection;
import static org.asyncio4j.Asyncio.sleep;
import static org.asyncio4j.Asyncio.startServer;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.asyncio4j.Connection;
import org.asyncio4j.Server;
import org.asyncio4j.StreamOptions;
import org.asyncio4j.Transport;
import org.junit.jupiter.api.Test;

class StreamFlowControlTest extends NetTest {
    private static final int CHUNK = 64 * 1024;
    private static final long TOTAL = 64L * 1024 * 1024;

    @Test
    void aWriterToASlowReaderSuspendsInDrainAndItsBufferStaysBounded() {
        long[] written = new long[1];
        long[] maxBuffered = new long[1];
        boolean[] stalledInDrain = new boolean[1];
        runMain(() -> {
            byte[] chunk = new byte[CHUNK];
            Server server = startServer((r, w) -> {
                Transport t = w.transport();
                while (written[0] < TOTAL) {
                    w.write(chunk);
                    written[0] += CHUNK;
                    maxBuffered[0] = Math.max(maxBuffered[0], t.getWriteBufferSize());
                    stalledInDrain[0] = true;
                    w.drain();
                    stalledInDrain[0] = false;
                }
                w.close();
            }, HOST, 0);
            Connection c = openConnection(HOST, port(server), StreamOptions.defaults().withLimit(16 * 1024));
            sleep(0.3);
            // The client reads nothing: its reader paused its transport, the kernel buffers are full, and the
            // server's writer waits in drain() with a bounded buffer.
            assertFalse(c.writer().transport().isReading(), "the client's reader paused its transport");
            assertTrue(stalledInDrain[0], "the writer is suspended in drain()");
            assertTrue(written[0] < TOTAL, "the writer is held back, wrote " + written[0]);
            long got = 0;
            while (true) {
                byte[] data = c.reader().read(CHUNK);
                if (data.length == 0) {
                    break;
                }
                got += data.length;
            }
            assertEquals(TOTAL, got);
            c.writer().close();
            server.close();
            server.waitClosed();
            return null;
        });
        assertEquals(TOTAL, written[0]);
        assertTrue(maxBuffered[0] <= 64 * 1024 + CHUNK, "the write buffer never exceeds high water + one write: " + maxBuffered[0]);
    }

    @Test
    void writeBufferLimitsAreHonouredAndChecked() {
        runMain(() -> {
            Server server = startServer((r, w) -> w.close(), HOST, 0);
            Connection c = openConnection(HOST, port(server));
            Transport t = c.writer().transport();
            assertArrayEquals(new long[] {16 * 1024, 64 * 1024}, t.getWriteBufferLimits());
            t.setWriteBufferLimits(1000, -1);
            assertArrayEquals(new long[] {250, 1000}, t.getWriteBufferLimits());
            t.setWriteBufferLimits(-1, 100);
            assertArrayEquals(new long[] {100, 400}, t.getWriteBufferLimits());
            assertThrows(IllegalArgumentException.class, () -> t.setWriteBufferLimits(10, 20));
            c.writer().close();
            server.close();
            return null;
        });
    }

    @Test
    void aPausedReaderResumesReadingAsItsBufferIsConsumed() {
        runMain(() -> {
            byte[] payload = new byte[1024 * 1024];
            for (int i = 0; i < payload.length; i++) {
                payload[i] = (byte) (i * 31);
            }
            Server server = startServer((r, w) -> {
                w.write(payload);
                w.drain();
                w.close();
            }, HOST, 0);
            Connection c = openConnection(HOST, port(server), StreamOptions.defaults().withLimit(1024));
            sleep(0.1);
            assertFalse(c.writer().transport().isReading());
            byte[] all = c.reader().readexactly(payload.length);
            assertArrayEquals(payload, all);
            assertEquals(0, c.reader().read().length);
            c.writer().close();
            server.close();
            return null;
        });
    }

    @Test
    void drainAfterTheConnectionIsLostRaises() {
        runMain(() -> {
            var accepted = loop.<Void>createFuture();
            Server server = startServer((r, w) -> {
                w.transport().abort();
                accepted.setResult(null);
            }, HOST, 0);
            Connection c = openConnection(HOST, port(server));
            await(accepted);
            assertEquals(0, c.reader().read().length);
            // The peer is gone: a write then fails in the kernel (the transport is lost), and drain() reports it.
            assertThrows(org.asyncio4j.ConnectionResetError.class, () -> {
                for (int i = 0; i < 100; i++) {
                    c.writer().write(new byte[10]);
                    c.writer().drain();
                    sleep(0.01);
                }
            });
            assertTrue(c.writer().isClosing());
            server.close();
            return null;
        });
    }
}
