package org.asyncio4j.tests;

import static org.asyncio4j.Asyncio.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.channels.Pipe;
import java.nio.channels.ServerSocketChannel;
import org.asyncio4j.Future;
import org.junit.jupiter.api.Test;

/** Removing a channel's last callback deregisters it at once (the loop's selector keeps no stale key). */
class IoDeregistrationTest extends NetTest {

    @Test
    void aReaderRemovedAndAddedAgainInOneIterationKeepsWorking() throws Exception {
        Pipe pipe = Pipe.open();
        String got = runMain(() -> {
            Future<String> done = loop.createFuture();
            loop.addReader(pipe.source(), () -> { });
            assertTrue(loop.removeReader(pipe.source()));
            loop.addReader(pipe.source(), () -> {
                ByteBuffer buf = ByteBuffer.allocate(16);
                try {
                    pipe.source().read(buf);
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
                loop.removeReader(pipe.source());
                done.setResult(new String(buf.array(), 0, buf.position()));
            });
            pipe.sink().write(ByteBuffer.wrap(b("ping")));
            return await(done);
        });
        assertEquals("ping", got);
        pipe.sink().close();
        pipe.source().close();
    }

    @Test
    void aListeningChannelClosedAfterRemoveReaderRefusesConnectionsAtOnce() throws Exception {
        ServerSocketChannel listener = ServerSocketChannel.open().bind(new InetSocketAddress(HOST, 0));
        int port = ((InetSocketAddress) listener.getLocalAddress()).getPort();
        runMain(() -> {
            loop.addReader(listener, () -> { });
            loop.removeReader(listener);
            listener.close();
            assertThrows(ConnectException.class, () -> new Socket(HOST, port).close());
            return null;
        });
    }
}
