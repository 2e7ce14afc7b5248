package org.asyncio4j.bench;

import static org.asyncio4j.Asyncio.createTask;
import static org.asyncio4j.Asyncio.getRunningLoop;
import static org.asyncio4j.Asyncio.newLock;
import static org.asyncio4j.Asyncio.newQueue;
import static org.asyncio4j.Asyncio.sleep;

import java.util.ArrayList;
import java.util.List;
import org.asyncio4j.Asyncio;
import org.asyncio4j.Coroutine;
import org.asyncio4j.Engine;
import org.asyncio4j.Future;
import org.asyncio4j.Lock;
import org.asyncio4j.LoopConfig;
import org.asyncio4j.Queue;
import org.asyncio4j.Runner;
import org.asyncio4j.Task;

/**
 * The workloads as Java coroutine bodies (blocking-style {@code await}) on an asyncio4j loop with a given
 * engine. Each repetition runs on a fresh loop; the time is taken inside the main task, so loop start and
 * shutdown are not counted.
 */
@SuppressWarnings("try") // try (var held = x.hold()) is async with: held is not referenced
public final class JavaBodies implements Contender {
    private final Engine engine;

    /** @param engine CONTINUATION or VIRTUAL_THREADS */
    public JavaBodies(Engine engine) {
        this.engine = engine;
    }

    @Override
    public String key() {
        return engine == Engine.CONTINUATION ? "continuation" : "virtual";
    }

    @Override
    public String label() {
        return engine == Engine.CONTINUATION ? "asyncio4j continuation" : "asyncio4j virtual-thread";
    }

    @Override
    public String description() {
        return "Java bodies on asyncio4j, LoopConfig.defaults().withEngine(Engine." + engine + ")";
    }

    @Override
    public Sample run(Workload w, int n) {
        Coroutine<Sample> body = switch (w) {
            case YIELD -> () -> yields(n);
            case YIELD2 -> () -> yield2(n);
            case PINGPONG -> () -> pingpong(n);
            case SPAWN -> () -> spawn(n);
            case SUSPENDED -> () -> suspended(n);
            case GATHER -> () -> gathers(n);
            case WAITFOR -> () -> waitFors(n);
            case LOCK -> () -> locks(n);
            case QPINGPONG -> () -> queuePingpong(n);
        };
        try (Runner runner = new Runner(() -> Asyncio.newEventLoop(LoopConfig.defaults().withEngine(engine)))) {
            Sample s = runner.run(body);
            if (runner.getLoop().engine() != engine) {
                throw new IllegalStateException("loop runs engine " + runner.getLoop().engine() + ", not " + engine);
            }
            return s;
        }
    }

    private static Sample yields(int n) {
        long t0 = System.nanoTime();
        for (int i = 0; i < n; i++) {
            sleep(0);
        }
        return Sample.time(System.nanoTime() - t0);
    }

    private static Sample yield2(int n) {
        int each = n / 2;
        Coroutine<Integer> yielder = () -> {
            for (int i = 0; i < each; i++) {
                sleep(0);
            }
            return each;
        };
        long t0 = System.nanoTime();
        Task<Integer> a = createTask(yielder);
        Task<Integer> b = createTask(yielder);
        int done = a.await() + b.await();
        long t = System.nanoTime() - t0;
        Check.equal(2L * each, done, "yield2 count");
        return Sample.time(t);
    }

    /** The two mailboxes of the ping-pong: each message is the result of the receiver's current future. */
    private static final class Boxes {
        Future<Integer> toA;
        Future<Integer> toB;
    }

    private static Sample pingpong(int n) {
        int rounds = n / 2;
        Boxes box = new Boxes();
        box.toA = getRunningLoop().createFuture();
        box.toB = getRunningLoop().createFuture();
        long t0 = System.nanoTime();
        Task<Long> ping = createTask(() -> {
            long sum = 0;
            for (int i = 0; i < rounds; i++) {
                box.toB.setResult(i);
                int v = box.toA.await();
                box.toA = getRunningLoop().createFuture();
                Check.equal(i, v, "pingpong reply");
                sum += v;
            }
            return sum;
        });
        Task<Long> pong = createTask(() -> {
            long sum = 0;
            for (int i = 0; i < rounds; i++) {
                int v = box.toB.await();
                box.toB = getRunningLoop().createFuture();
                box.toA.setResult(v);
                sum += v;
            }
            return sum;
        });
        long sum = ping.await() + pong.await();
        long t = System.nanoTime() - t0;
        Check.equal((long) rounds * (rounds - 1), sum, "pingpong sum");
        return Sample.time(t);
    }

    private static Sample spawn(int n) {
        long t0 = System.nanoTime();
        List<Task<Integer>> tasks = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            int k = i;
            tasks.add(createTask(() -> {
                sleep(0);
                return k;
            }));
        }
        long sum = 0;
        for (Task<Integer> t : tasks) {
            sum += t.await();
        }
        long t = System.nanoTime() - t0;
        Check.equal((long) n * (n - 1) / 2, sum, "spawn sum");
        return Sample.time(t);
    }

    /** Counts the suspended workload's tasks that have started. */
    private static final class Counter {
        int started;
    }

    private static Sample suspended(int n) {
        Counter c = new Counter();
        long heap0 = Heap.usedAfterGc();
        Future<Integer> gate = getRunningLoop().createFuture();
        long t0 = System.nanoTime();
        List<Task<Integer>> tasks = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            tasks.add(createTask(() -> {
                c.started++;
                return gate.await();
            }));
        }
        while (c.started < n) {
            sleep(0);
        }
        long t = System.nanoTime() - t0;
        long heap = Heap.usedAfterGc() - heap0;
        gate.setResult(1);
        long sum = 0;
        for (Task<Integer> task : tasks) {
            sum += task.await();
        }
        Check.equal(n, sum, "suspended sum");
        return new Sample(t, heap);
    }

    /**
     * Python's {@code await gather(*[c() for _ in range(width)])}, n rounds. Each child returns its index, so the
     * lambdas of one round are distinct objects (gather makes one task of a coroutine object given twice).
     */
    private static Sample gathers(int rounds) {
        int width = Workload.GATHER_WIDTH;
        long sum = 0;
        long t0 = System.nanoTime();
        for (int r = 0; r < rounds; r++) {
            List<Coroutine<Integer>> children = new ArrayList<>(width);
            for (int j = 0; j < width; j++) {
                int k = j;
                children.add(() -> k);
            }
            for (int v : Asyncio.<Integer>gather(children).await()) {
                sum += v;
            }
        }
        long t = System.nanoTime() - t0;
        Check.equal((long) rounds * width * (width - 1) / 2, sum, "gather sum");
        return Sample.time(t);
    }

    /** Python's {@code await wait_for(imm(), timeout=1)}, n times, of a coroutine that returns 1 at once. */
    private static Sample waitFors(int n) {
        long sum = 0;
        long t0 = System.nanoTime();
        for (int i = 0; i < n; i++) {
            sum += Asyncio.waitFor(() -> 1, 1.0);
        }
        long t = System.nanoTime() - t0;
        Check.equal(n, sum, "waitfor sum");
        return Sample.time(t);
    }

    /** The counter the lock workload's tasks increment under the lock. */
    private static final class Shared {
        int counter;
    }

    /**
     * Python's bench_lock: {@link Workload#LOCK_TASKS} tasks, n acquisitions in all, each
     * {@code async with lock: v = counter; await sleep(0); counter = v + 1}. Timed from the first step of the tasks
     * (created before) until all are done, as Python's Meter around gather.
     */
    private static Sample locks(int n) {
        int tasks = Workload.LOCK_TASKS;
        int iters = n / tasks;
        Lock lock = newLock();
        Shared shared = new Shared();
        List<Task<Integer>> workers = new ArrayList<>(tasks);
        for (int i = 0; i < tasks; i++) {
            workers.add(createTask(() -> {
                for (int k = 0; k < iters; k++) {
                    try (var held = lock.hold()) {
                        int v = shared.counter;
                        sleep(0);
                        shared.counter = v + 1;
                    }
                }
                return iters;
            }));
        }
        long t0 = System.nanoTime();
        long done = 0;
        for (Task<Integer> w : workers) {
            done += w.await();
        }
        long t = System.nanoTime() - t0;
        Check.equal((long) tasks * iters, done, "lock iterations");
        Check.equal((long) tasks * iters, shared.counter, "lock mutual exclusion");
        return Sample.time(t);
    }

    /** Python's bench_pingpong: n messages in all through two Queue(maxsize=1), ping checking the replies' order. */
    private static Sample queuePingpong(int n) {
        int rounds = n / 2;
        Queue<Integer> ab = newQueue(1);
        Queue<Integer> ba = newQueue(1);
        Task<Long> ping = createTask(() -> {
            long sum = 0;
            for (int i = 0; i < rounds; i++) {
                ab.put(i);
                int v = ba.get();
                Check.equal(i, v, "qpingpong reply");
                sum += v;
            }
            return sum;
        });
        Task<Long> pong = createTask(() -> {
            long sum = 0;
            for (int i = 0; i < rounds; i++) {
                int v = ab.get();
                ba.put(v);
                sum += v;
            }
            return sum;
        });
        long t0 = System.nanoTime();
        long sum = ping.await() + pong.await();
        long t = System.nanoTime() - t0;
        Check.equal((long) rounds * (rounds - 1), sum, "qpingpong sum");
        return Sample.time(t);
    }
}
