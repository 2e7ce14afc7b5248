package org.asyncio4j.benchmarks.streams;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.net.StandardSocketOptions;

/**
 * The same echo workload as {@link EchoBench}, written directly on one NIO selector in one thread: the
 * floor that a loop on the JDK can approach. Read interest stays registered; writes go straight to the
 * socket (1 KiB always fits: no write interest is ever needed here, which the program checks).
 */
public final class RawSelectorEcho {
    private RawSelectorEcho() {
    }

    /** A client connection: round trips done, bytes of the current answer received, its send time. */
    private static final class Client {
        final SocketChannel ch;
        int done;
        int got;
        long sentAt;

        Client(SocketChannel ch) {
            this.ch = ch;
        }
    }

    /** @param args [--conns 50] [--rounds 2000] [--size 1024] [--warmup-rounds 5000] (an unmeasured first run) */
    public static void main(String[] args) throws IOException {
        EchoOptions o = EchoOptions.parse(args, false);
        int conns = o.conns();
        int rounds = o.rounds();
        int size = o.size();
        int warmup = o.warmupRounds();
        if (warmup > 0) {
            measure(conns, warmup, size);
        }
        System.out.println(measure(conns, rounds, size));
    }

    /** One run of the workload; returns its JSON line. */
    private static String measure(int conns, int rounds, int size) throws IOException {
        Selector sel = Selector.open();
        ServerSocketChannel server = ServerSocketChannel.open().bind(new InetSocketAddress("127.0.0.1", 0), 100);
        InetSocketAddress addr = (InetSocketAddress) server.getLocalAddress();
        Client[] clients = new Client[conns];
        SocketChannel[] accepted = new SocketChannel[conns];
        for (int i = 0; i < conns; i++) {
            SocketChannel c = SocketChannel.open(addr);
            c.setOption(StandardSocketOptions.TCP_NODELAY, true);
            c.configureBlocking(false);
            SocketChannel s = server.accept();
            accepted[i] = s;
            s.setOption(StandardSocketOptions.TCP_NODELAY, true);
            s.configureBlocking(false);
            clients[i] = new Client(c);
            c.register(sel, SelectionKey.OP_READ, clients[i]);
            s.register(sel, SelectionKey.OP_READ, null);
        }
        ByteBuffer payload = ByteBuffer.allocateDirect(size);
        for (int i = 0; i < size; i++) {
            payload.put(i, (byte) i);
        }
        ByteBuffer buf = ByteBuffer.allocateDirect(256 * 1024);
        long[] lats = new long[conns * rounds];
        int[] latCount = {0};
        int[] finished = {0};
        long cpu0 = EchoBench.processCpuNanos();
        long t0 = System.nanoTime();
        for (Client c : clients) {
            c.sentAt = System.nanoTime();
            payload.clear();
            send(c.ch, payload);
        }
        int total = conns;
        int rounds0 = rounds;
        int size0 = size;
        while (finished[0] < total) {
            sel.select(key -> {
                try {
                    SocketChannel ch = (SocketChannel) key.channel();
                    buf.clear();
                    int n = ch.read(buf);
                    if (n <= 0) {
                        return;
                    }
                    Client c = (Client) key.attachment();
                    if (c == null) {                      // server side: echo what came
                        buf.flip();
                        send(ch, buf);
                        return;
                    }
                    c.got += n;
                    if (c.got < size0) {
                        return;
                    }
                    c.got -= size0;
                    lats[latCount[0]++] = System.nanoTime() - c.sentAt;
                    if (++c.done == rounds0) {
                        finished[0]++;
                        return;
                    }
                    c.sentAt = System.nanoTime();
                    payload.clear();
                    send(ch, payload);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
        }
        long t1 = System.nanoTime();
        long cpu1 = EchoBench.processCpuNanos();
        for (int i = 0; i < conns; i++) {
            clients[i].ch.close();
            accepted[i].close();
        }
        server.close();
        sel.close();
        return Latencies.json("raw-nio-selector", conns, rounds, size, (t1 - t0) / 1e9, (cpu1 - cpu0) / 1e9, java.util.Arrays.copyOf(lats, latCount[0]));
    }

    private static void send(SocketChannel ch, ByteBuffer d) throws IOException {
        int want = d.remaining();
        if (ch.write(d) != want) {
            throw new IllegalStateException("a partial write: this benchmark assumes small messages always fit");
        }
    }
}
