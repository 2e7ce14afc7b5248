package org.asyncio4j.benchmarks.streams;

import static org.asyncio4j.Asyncio.await;
import static org.asyncio4j.Asyncio.createTask;
import static org.asyncio4j.Asyncio.openConnection;
import static org.asyncio4j.Asyncio.sleep;
import static org.asyncio4j.Asyncio.startServer;
import static org.asyncio4j.Asyncio.toThread;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
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
 * clients. The kernel spreads the connections over the servers; a client keeps only a connection that its own
 * loop's server accepted (it reconnects otherwise), so that each loop runs the Python script's workload on its
 * own, with no round trip waiting for a wakeup of the other loop's thread (which the one-loop runs, asyncio4j's
 * and uvloop's alike, never pay). The loops meet at barriers (all listening, all connected, all done) that they
 * await off the loop ({@code toThread}), so that a loop keeps serving while it waits.
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

    /** In a loop's body: waits for the other loops at [ready] off the loop thread, so that this loop keeps serving. */
    private static void meet(CyclicBarrier ready) {
        toThread((Callable<Integer>) ready::await);
    }

    private static int port(Object address) {
        return ((InetSocketAddress) address).getPort();
    }

    /**
     * In loop {@code me}'s body: a connection to {@code port} that this loop's server accepted. {@code acceptedBy}
     * maps a client's port to the loop whose server accepted it (each handler enters its connection first).
     */
    private static Connection openOwn(int port, int me, Map<Integer, Integer> acceptedBy) {
        while (true) {
            Connection c = openConnection("127.0.0.1", port);
            int local = port(c.writer().getExtraInfo("sockname"));
            Integer by;
            while ((by = acceptedBy.get(local)) == null) {
                sleep(0.001);
            }
            if (by == me) {
                return c;
            }
            c.writer().close();
        }
    }

    /** One loop's run; with {@code acceptedBy} (several loops), loop {@code me} keeps only its own server's connections. */
    private static Result runLoop(int conns, int rounds, int size, AtomicInteger port, CyclicBarrier ready, int me,
            Map<Integer, Integer> acceptedBy) {
        return Asyncio.run(() -> {
            Server server = startServer((r, w) -> {
                if (acceptedBy != null) {
                    acceptedBy.put(port(w.getExtraInfo("peername")), me);
                }
                handler(r, w, size);
            }, "127.0.0.1", port.get(), StreamOptions.defaults().withReusePort(acceptedBy != null));
            port.compareAndSet(0, ((InetSocketAddress) server.sockets().get(0)).getPort());
            if (ready != null) {
                meet(ready);   // every loop listens before anyone connects
            }
            byte[] payload = new byte[size];
            for (int i = 0; i < size; i++) {
                payload[i] = (byte) i;
            }
            List<Task<Connection>> opening = new ArrayList<>();
            for (int i = 0; i < conns; i++) {
                opening.add(createTask(() -> acceptedBy == null ? openConnection("127.0.0.1", port.get())
                        : openOwn(port.get(), me, acceptedBy)));
            }
            List<Connection> pairs = new ArrayList<>();
            for (Task<Connection> t : opening) {
                pairs.add(await(t));
            }
            if (ready != null) {
                meet(ready);   // and every loop is connected before anyone measures
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
                meet(ready);   // keep serving until every loop's clients are done
            }
            server.closeClients();
            server.waitClosed();
            return new Result(all, t0, t1, cpu0, cpu1);
        });
    }

    /** @param args see the class comment */
    public static void main(String[] args) throws Exception {
        EchoOptions o = EchoOptions.parse(args, true);
        int conns = o.conns();
        int rounds = o.rounds();
        int size = o.size();
        int loops = o.loops();
        int warmup = o.warmupRounds();
        String engine = System.getProperty("asyncio4j.engine", "auto");
        String carriers = System.getProperty("jdk.virtualThreadScheduler.parallelism");
        if (carriers != null) {
            engine += "-parallelism" + carriers;   // the JDK's virtual-thread carriers, set on the command line
        }
        if (warmup > 0) {
            // Same workload, not measured: lets the JIT compile the hot path first (CPython needs no warm-up); the
            // second run gets the recompilation after the first run's shutdown out of the way (see the class comment).
            runLoop(conns, warmup / 2, size, new AtomicInteger(), null, 0, null);
            runLoop(conns, warmup / 2, size, new AtomicInteger(), null, 0, null);
        }
        if (loops == 1) {
            Result r = runLoop(conns, rounds, size, new AtomicInteger(), null, 0, null);
            System.out.println(Latencies.json("asyncio4j-" + engine, conns, rounds, size, (r.endNanos - r.startNanos) / 1e9,
                    (r.cpuEnd - r.cpuStart) / 1e9, r.lats));
            return;
        }
        int perLoop = conns / loops;
        AtomicInteger port = new AtomicInteger();
        CyclicBarrier ready = new CyclicBarrier(loops);
        Map<Integer, Integer> acceptedBy = new ConcurrentHashMap<>();
        Result[] results = new Result[loops];
        Thread[] threads = new Thread[loops];
        int c = conns;
        int r0 = rounds;
        int s0 = size;
        for (int i = 0; i < loops; i++) {
            int me = i;
            threads[i] = new Thread(() -> results[me] = runLoop(perLoop, r0, s0, port, ready, me, acceptedBy), "loop-" + i);
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
