package org.asyncio4j.tests;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import org.asyncio4j.Asyncio;
import org.asyncio4j.LoopConfig;
import org.asyncio4j.Server;
import org.junit.jupiter.api.BeforeEach;

/**
 * Base of tests that use real sockets, pipes or processes: the loop runs on the system clock (a virtual
 * clock would jump over timeouts while the kernel is still at work). Loopback only.
 */
public abstract class NetTest extends LoopTest {
    /** Loopback only: tests never use another address. */
    protected static final String HOST = "127.0.0.1";

    @BeforeEach
    @Override
    void createLoop() {
        loop = Asyncio.newEventLoop(LoopConfig.defaults());
        loop.setExceptionHandler((l, ctx) -> handled.add(ctx));
    }

    /** @param server a server @return the port of its first socket */
    protected static int port(Server server) {
        return ((InetSocketAddress) server.sockets().get(0)).getPort();
    }

    /** @param s text @return its UTF-8 bytes */
    protected static byte[] b(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** @param bytes UTF-8 bytes @return the text */
    protected static String s(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
