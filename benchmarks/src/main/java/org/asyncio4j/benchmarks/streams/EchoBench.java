package org.asyncio4j.benchmarks.streams;

import static org.asyncio4j.Asyncio.await;
import static org.asyncio4j.Asyncio.createTask;
import static org.asyncio4j.Asyncio.openConnection;
import static org.asyncio4j.Asyncio.startServer;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.atomic.AtomicInteger;
import org.asyncio4j.Asyncio;
import org.asyncio4j.Connection;
import org.asyncio4j.ConnectionError;
import org.asyncio4j.IncompleteReadError;
import org.asyncio4j.Server;
import org.asyncio4j.StreamOptions;
import org.asyncio4j.Task;

/**
 * The echo workload of {@code asyncio_bench.py echo}: a stream server and {@code conns} clients on one loop,
 * each client doing {@code rounds} round trips of {@code size} bytes (write, drain, readexactly), on loopback.
 * With {@code --loops N}, N loops on N threads each run a server on one port (SO_REUSEPORT) and conns/N of the
 * clients; the kernel spreads the connections over the servers.
 *
 * <p>Two first, unmeasured runs of {@code --warmup-rounds}/2 round trips each (default 5000 in all) let the JIT compile
 * the hot path. Two, because the end of a run (the clients close, the handlers get IncompleteReadError) deoptimizes
 * the compiled handler and client loops, and C2 recompiles them only a few hundred milliseconds later: after one
 * warm-up, the measured run would spend its first third in slower code.
 *
 * <pre>java -cp ... org.asyncio4j.benchmarks.streams.EchoBench [--conns 50] [--rounds 2000] [--size 1024] [--loops 1] [--warmup-rounds 5000]</pre>
 */
public final class EchoBench {
    private EchoBench() {
    }

    /** What one loop measured. */
    private record Result(long[] lats, long startNanos, long endNanos, long cpuStart, long cpuEnd) {
    }

    /** CPU time of the whole process (all threads, user + system), nanoseconds. */
    static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static void handler(org.asyncio4j.StreamReader r, org.asyncio4j.StreamWriter w, int size) {
        try {
            while (true) {
                byte[] data = r.readexactly(size);
                w.write(data);
                w.drain();
            }
        } catch (IncompleteReadError | ConnectionError e) {
            // the client is done
        } finally {
            w.close();
        }
    }

    private static Result runLoop(int conns, int rounds, int size, AtomicInteger port, CyclicBarrier ready, boolean reusePort) {
        return Asyncio.run(() -> {
            Server server = startServer((r, w) -> handler(r, w, size), "127.0.0.1", port.get(),
                    StreamOptions.defaults().withReusePort(reusePort));
            port.compareAndSet(0, ((InetSocketAddress) server.sockets().get(0)).getPort());
            if (ready != null) {
                ready.await();   // every loop listens before anyone connects
            }
            byte[] payload = new byte[size];
            for (int i = 0; i < size; i++) {
                payload[i] = (byte) i;
            }
            List<Task<Connection>> opening = new ArrayList<>();
            for (int i = 0; i < conns; i++) {
                opening.add(createTask(() -> openConnection("127.0.0.1", port.get())));
            }
            List<Connection> pairs = new ArrayList<>();
            for (Task<Connection> t : opening) {
                pairs.add(await(t));
            }
            if (ready != null) {
                ready.await();   // and every loop is connected before anyone measures
            }
            long cpu0 = processCpuNanos();
            long t0 = System.nanoTime();
            List<Task<long[]>> clients = new ArrayList<>();
            for (Connection c : pairs) {
                clients.add(createTask(() -> {
                    long[] lats = new long[rounds];
                    for (int k = 0; k < rounds; k++) {
                        long t = System.nanoTime();
                        c.writer().write(payload);
                        c.writer().drain();
                        byte[] data = c.reader().readexactly(size);
                        lats[k] = System.nanoTime() - t;
                        if (data[size - 1] != payload[size - 1]) {
                            throw new AssertionError("echo mismatch");
                        }
                    }
                    return lats;
                }));
            }
            long[] all = new long[conns * rounds];
            int at = 0;
            for (Task<long[]> t : clients) {
                long[] l = await(t);
                System.arraycopy(l, 0, all, at, l.length);
                at += l.length;
            }
            long t1 = System.nanoTime();
            long cpu1 = processCpuNanos();
            for (Connection c : pairs) {
                c.writer().close();
            }
            server.close();
            if (ready != null) {
                ready.await();   // keep serving until every loop's clients are done
            }
            server.closeClients();
            server.waitClosed();
            return new Result(all, t0, t1, cpu0, cpu1);
        });
    }

    /** @param args see the class comment */
    public static void main(String[] args) throws Exception {
        int conns = 50;
        int rounds = 2000;
        int size = 1024;
        int loops = 1;
        int warmup = 5000;
        for (int i = 0; i < args.length; i += 2) {
            switch (args[i]) {
                case "--warmup-rounds" -> warmup = Integer.parseInt(args[i + 1]);
                case "--conns" -> conns = Integer.parseInt(args[i + 1]);
                case "--rounds" -> rounds = Integer.parseInt(args[i + 1]);
                case "--size" -> size = Integer.parseInt(args[i + 1]);
                case "--loops" -> loops = Integer.parseInt(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        String engine = System.getProperty("asyncio4j.engine", "auto");
        if (warmup > 0) {
            // Same workload, not measured: lets the JIT compile the hot path first (CPython needs no warm-up); the
            // second run gets the recompilation after the first run's shutdown out of the way (see the class comment).
            runLoop(conns, warmup / 2, size, new AtomicInteger(), null, false);
            runLoop(conns, warmup / 2, size, new AtomicInteger(), null, false);
        }
        if (loops == 1) {
            Result r = runLoop(conns, rounds, size, new AtomicInteger(), null, false);
            System.out.println(Latencies.json("asyncio4j-" + engine, conns, rounds, size, (r.endNanos - r.startNanos) / 1e9,
                    (r.cpuEnd - r.cpuStart) / 1e9, r.lats));
            return;
        }
        int perLoop = conns / loops;
        AtomicInteger port = new AtomicInteger();
        CyclicBarrier ready = new CyclicBarrier(loops);
        Result[] results = new Result[loops];
        Thread[] threads = new Thread[loops];
        int c = conns;
        int r0 = rounds;
        int s0 = size;
        for (int i = 0; i < loops; i++) {
            int me = i;
            threads[i] = new Thread(() -> results[me] = runLoop(perLoop, r0, s0, port, ready, true), "loop-" + i);
        }
        // The first loop picks the port; the others join it once it is known.
        threads[0].start();
        while (port.get() == 0) {
            Thread.sleep(1);
        }
        for (int i = 1; i < loops; i++) {
            threads[i].start();
        }
        for (Thread t : threads) {
            t.join();
        }
        long start = Arrays.stream(results).mapToLong(Result::startNanos).min().orElseThrow();
        long end = Arrays.stream(results).mapToLong(Result::endNanos).max().orElseThrow();
        long cpuStart = Arrays.stream(results).mapToLong(Result::cpuStart).min().orElseThrow();
        long cpuEnd = Arrays.stream(results).mapToLong(Result::cpuEnd).max().orElseThrow();
        long[] all = Arrays.stream(results).flatMapToLong(x -> Arrays.stream(x.lats)).toArray();
        System.out.println(Latencies.json("asyncio4j-" + engine + "-" + loops + "loops-reuseport", perLoop * loops, r0, s0, (end - start) / 1e9,
                (cpuEnd - cpuStart) / 1e9, all));
        if (c != perLoop * loops) {
            System.err.println("note: " + c + " connections do not divide by " + loops + " loops; ran " + perLoop * loops);
        }
    }
}
