package org.asyncio4j.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.asyncio4j.Asyncio;
import org.asyncio4j.Server;
import org.asyncio4j.StreamOptions;
import org.junit.jupiter.api.Test;

/** Several loops, each on its own thread, serving one port with SO_REUSEPORT: the kernel spreads the connections. */
class ReusePortTest {

    @Test
    void twoLoopsOnTheirOwnThreadsBothAcceptConnectionsOnOnePort() throws Exception {
        int loops = 2;
        AtomicReference<Integer> port = new AtomicReference<>(0);
        CountDownLatch listening = new CountDownLatch(loops);
        CountDownLatch stop = new CountDownLatch(1);
        Thread[] threads = new Thread[loops];
        AtomicReference<Throwable> failure = new AtomicReference<>();
        for (int i = 0; i < loops; i++) {
            String name = "loop-" + i;
            threads[i] = new Thread(() -> {
                try {
                    Asyncio.run(() -> {
                        int p;
                        synchronized (port) {
                            Server server = Asyncio.startServer((r, w) -> {
                                r.readline();
                                w.write((name + "\n").getBytes(StandardCharsets.UTF_8));
                                w.close();
                            }, "127.0.0.1", port.get(), StreamOptions.defaults().withReusePort(true));
                            p = ((InetSocketAddress) server.sockets().get(0)).getPort();
                            port.set(p);
                        }
                        listening.countDown();
                        while (stop.getCount() > 0) {
                            Asyncio.sleep(0.02);
                        }
                        return null;
                    });
                } catch (Throwable t) {
                    failure.set(t);
                    listening.countDown();
                }
            }, name);
        }
        // The first loop picks the port; the second binds the same one.
        threads[0].start();
        while (port.get() == 0 && failure.get() == null) {
            Thread.sleep(5);
        }
        threads[1].start();
        assertTrue(listening.await(10, TimeUnit.SECONDS));
        Map<String, Integer> answeredBy = new HashMap<>();
        try {
            for (int i = 0; i < 64 && answeredBy.size() < loops; i++) {
                try (Socket s = new Socket("127.0.0.1", port.get())) {
                    OutputStream out = s.getOutputStream();
                    out.write("who?\n".getBytes(StandardCharsets.UTF_8));
                    String who = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8)).readLine();
                    answeredBy.merge(who, 1, Integer::sum);
                }
            }
        } finally {
            stop.countDown();
            for (Thread t : threads) {
                t.join(10_000);
            }
        }
        assertEquals(null, failure.get());
        assertEquals(loops, answeredBy.size(), "both loops accepted connections: " + answeredBy);
    }
}
