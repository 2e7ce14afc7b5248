package org.asyncio4j.tests;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;
import org.asyncio4j.CancelledError;
import org.asyncio4j.Coroutine;
import org.asyncio4j.EventLoop;
import org.asyncio4j.Task;
import org.asyncio4j.TimerHandle;

/**
 * A cancellation storm on a virtual clock, for the primitives' no-loss tests. Every time is a whole number of
 * {@link #TICK}s (an exact binary fraction), so timeouts, random cancellations and wake-ups often fall in the same
 * loop iteration, the races where a waiter is cancelled after something was handed to it.
 *
 * <p>Between ticks (at every half tick) the loop is quiescent: {@link #checkBetweenTicks} runs an invariant
 * there, such as "a free lock has no waiter" (a lost wake-up would break it at once). A watchdog far beyond the
 * storm's end catches anything left waiting forever: on a virtual clock a stuck storm reaches it at once.
 */
final class Storm {
    /** One tick: 1/64 s, exact in binary, so tick sums never round apart. */
    static final double TICK = 1.0 / 64;
    /** Far beyond the end of every storm here (they last at most a few hundred virtual seconds). */
    private static final double WATCHDOG = 2_000;

    final Random rnd;
    private final EventLoop loop;
    private final List<Task<?>> chaosTasks = new ArrayList<>();
    private boolean over;
    private String failure;

    Storm(EventLoop loop, long seed) {
        this.loop = loop;
        this.rnd = new Random(seed);
    }

    /** @return a random whole number of ticks in [0, max] ticks */
    double ticks(int max) {
        return rnd.nextInt(max + 1) * TICK;
    }

    /**
     * @return 1 to 4 ticks: how long a task whose wait was cancelled stays away before it tries again, so that a
     *     wake-up it failed to pass on shows up as another task left waiting, instead of being used by itself
     */
    double backoff() {
        return (1 + rnd.nextInt(4)) * TICK;
    }

    /**
     * Runs {@code body} in the current task with a timeout of a random number of ticks in [1, maxTicks] on half the
     * calls: the timeout cancels the task, as {@code asyncio.timeout} does. While the body runs, the task is one of
     * {@code line}'s waiters.
     *
     * @return true if the body completed, false if the timeout or another cancellation interrupted it
     */
    boolean maybeTimed(Line line, int maxTicks, Wait body) throws Exception {
        Task<?> me = org.asyncio4j.Asyncio.currentTask();
        TimerHandle timeout = null;
        if (rnd.nextBoolean()) {
            timeout = loop.callLater((1 + rnd.nextInt(maxTicks)) * TICK, me::cancel);
        }
        line.enter(me);
        try {
            body.run();
            return true;
        } catch (CancelledError e) {
            return false;
        } finally {
            line.leave(me);
            if (timeout != null) {
                timeout.cancel();
            }
        }
    }

    /** What a task of the storm waits for in {@link #maybeTimed}: an acquire, get, put, wait... */
    interface Wait {
        /** Waits, in the current coroutine body. */
        void run() throws Exception;
    }

    /** Creates {@code count} tasks that run {@code worker} (in a coroutine body). @return them, in creation order */
    static List<Task<?>> spawn(int count, Coroutine<?> worker) {
        List<Task<?>> tasks = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            tasks.add(org.asyncio4j.Asyncio.createTask(worker));
        }
        return tasks;
    }

    /** Awaits each of {@code tasks} in turn (in a coroutine body). */
    static void awaitAll(List<? extends Task<?>> tasks) {
        for (Task<?> t : tasks) {
            t.await();
        }
    }

    /**
     * The tasks in {@link #maybeTimed} on one side of a primitive (acquirers, getters, putters), in the order they
     * came: the order in which the primitive wakes them.
     */
    final class Line {
        private final java.util.LinkedHashSet<Task<?>> waiting = new java.util.LinkedHashSet<>();

        /** @param task a task that starts waiting on this side of the primitive */
        void enter(Task<?> task) {
            waiting.add(task);
        }

        /** @param task a task that stopped waiting (it got what it waited for, or gave up) */
        void leave(Task<?> task) {
            waiting.remove(task);
        }

        /**
         * Called right after a release (put, get, signal, set) by the releasing task: on one call in
         * {@code oneIn}, cancels the task that came first, which is the one just woken, before it runs. This is
         * the race CPython's code guards against: something was handed to a waiter that is cancelled.
         */
        void maybeCancelTheWoken(int oneIn) {
            if (waiting.isEmpty() || rnd.nextInt(oneIn) != 0) {
                return;
            }
            Task<?> first = waiting.iterator().next();
            if (first != org.asyncio4j.Asyncio.currentTask()) {
                first.cancel();
            }
        }
    }

    /**
     * Cancels {@code count} random tasks of {@code victims} at random ticks within {@code horizonTicks}. Each
     * cancellation comes from a small task that yields 0 to 2 more times after its tick, so it runs between the
     * steps of other tasks woken at that tick: right after a release handed something to a waiter that has not
     * run yet, which a timer callback (it runs before any task step of its tick) never does.
     */
    void chaos(List<? extends Task<?>> victims, int count, int horizonTicks) {
        for (int i = 0; i < count; i++) {
            Task<?> victim = victims.get(rnd.nextInt(victims.size()));
            double at = rnd.nextInt(horizonTicks) * TICK;
            int yields = rnd.nextInt(3);
            chaosTasks.add(loop.createTask(() -> {
                org.asyncio4j.Asyncio.sleep(at);
                for (int y = 0; y < yields; y++) {
                    org.asyncio4j.Asyncio.sleep(0);
                }
                victim.cancel();
                return null;
            }));
        }
    }

    /**
     * Checks {@code invariant} (null when it holds, else what is wrong) at every half tick until the storm is over;
     * the first violation stops the loop and fails the test.
     */
    void checkBetweenTicks(Supplier<String> invariant) {
        loop.callLater(TICK / 2, () -> checkAndReschedule(invariant));
    }

    private void checkAndReschedule(Supplier<String> invariant) {
        if (over) {
            return;
        }
        String problem = invariant.get();
        if (problem != null) {
            failure = "invariant violated between ticks at t=" + loop.time() + ": " + problem;
            loop.stop();
            return;
        }
        loop.callLater(TICK, () -> checkAndReschedule(invariant));
    }

    /** Cancels the chaos tasks still sleeping and lets them end. */
    private void stopChaos() {
        for (Task<?> t : chaosTasks) {
            t.cancel();
        }
        loop.runUntilComplete(loop.createTask(() -> {
            for (Task<?> t : chaosTasks) {
                try {
                    t.await();
                } catch (CancelledError e) {
                    // expected: it was still sleeping
                }
            }
            return null;
        }));
    }

    /**
     * Runs the storm's main task to its end; fails on an invariant violation, or if it is still running at the
     * watchdog's time (something waits forever: a lost wake-up, permit or item).
     *
     * @param describe the state to report when the watchdog fires
     */
    <T> T run(Coroutine<T> main, Supplier<String> describe) {
        Task<T> task = loop.createTask(main);
        TimerHandle watchdog = loop.callLater(WATCHDOG, () -> {
            failure = "the storm hung (something waits forever): " + describe.get();
            loop.stop();
        });
        T result;
        try {
            result = loop.runUntilComplete(task);
        } catch (IllegalStateException e) {
            if (failure != null) {
                fail(failure);
            }
            throw e;
        } finally {
            over = true;
            watchdog.cancel();
        }
        stopChaos();
        return result;
    }
}
