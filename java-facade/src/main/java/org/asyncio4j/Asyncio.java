package org.asyncio4j;

import java.util.Comparator;
import java.util.Objects;
import java.util.Set;
import org.asyncio4j.impl.Primitives;
import org.asyncio4j.impl.Runtime;

/**
 * The asyncio vocabulary for Java: {@code import static org.asyncio4j.Asyncio.*;}. Each function is the
 * Python function of the same name in camelCase, with CPython's semantics.
 *
 * <pre>{@code
 * String greeting = run(() -> {
 *     Task<String> t = createTask(() -> { sleep(0.1); return "world"; });
 *     return "hello " + await(t);
 * });
 * }</pre>
 *
 * <p>Functions that await ({@link #await}, {@link #sleep}) may only be called inside a coroutine body
 * (a {@link Coroutine} run as a task); elsewhere they throw {@link IllegalStateException}.
 */
public final class Asyncio {
    private Asyncio() {
    }

    // ---- running -----------------------------------------------------------------------------------

    /**
     * Python's {@code asyncio.run}: runs {@code main} as a task on a new event loop, then cancels the
     * tasks left over and waits for them, and closes the loop.
     *
     * @param main the main coroutine
     * @param <T> its result type
     * @return its result
     * @throws IllegalStateException if an event loop is already running in this thread
     */
    public static <T> T run(Coroutine<T> main) {
        try (Runner runner = new Runner()) {
            return runner.run(main);
        }
    }

    /**
     * As {@link #run(Coroutine)}, with debug mode set.
     *
     * @param main the main coroutine
     * @param debug debug mode of the loop
     * @param <T> its result type
     * @return its result
     */
    public static <T> T run(Coroutine<T> main, boolean debug) {
        try (Runner runner = new Runner(debug)) {
            return runner.run(main);
        }
    }

    /** @return a new event loop with the default configuration (see {@link LoopConfig#defaults()}) */
    public static EventLoop newEventLoop() {
        return Runtime.newEventLoop(LoopConfig.defaults());
    }

    /** @param config engine, clock and debug mode @return a new event loop */
    public static EventLoop newEventLoop(LoopConfig config) {
        return Runtime.newEventLoop(config);
    }

    /**
     * @return the event loop running in the current thread
     * @throws IllegalStateException if none is running
     */
    public static EventLoop getRunningLoop() {
        return Runtime.getRunningLoop();
    }

    // ---- tasks -------------------------------------------------------------------------------------

    /**
     * Wraps the coroutine in a task of the running loop, scheduled to start on its next iteration.
     *
     * @param coro the body
     * @param <T> its result type
     * @return the task
     */
    public static <T> Task<T> createTask(Coroutine<T> coro) {
        return getRunningLoop().createTask(coro);
    }

    /**
     * As {@link #createTask(Coroutine)}, with a name.
     *
     * @param coro the body
     * @param name the task's name
     * @param <T> its result type
     * @return the task
     */
    public static <T> Task<T> createTask(Coroutine<T> coro, String name) {
        return getRunningLoop().createTask(coro, name);
    }

    /** @return the task running now on the running loop, or null in a plain callback */
    public static Task<?> currentTask() {
        return Runtime.currentTask(null);
    }

    /** @param loop a loop @return the task running now on that loop, or null */
    public static Task<?> currentTask(EventLoop loop) {
        return Runtime.currentTask(loop);
    }

    /** @return the pending (not done) tasks of the running loop */
    public static Set<Task<?>> allTasks() {
        return Runtime.allTasks(null);
    }

    /** @param loop a loop @return the pending (not done) tasks of that loop */
    public static Set<Task<?>> allTasks(EventLoop loop) {
        return Runtime.allTasks(loop);
    }

    // ---- awaiting ----------------------------------------------------------------------------------

    /**
     * Python's {@code await x}: suspends the current body until {@code x} is done; see {@link Awaitable#await()}.
     *
     * @param x what to await
     * @param <T> its result type
     * @return its result
     */
    public static <T> T await(Awaitable<T> x) {
        return x.await();
    }

    /**
     * Python's {@code await asyncio.sleep(delay)}: suspends the body for {@code delay} seconds; a delay of 0
     * or less yields control exactly once. Cancellation: {@link CancelledError} is thrown from here.
     *
     * @param delay seconds
     */
    public static void sleep(double delay) {
        Runtime.sleep(delay, null);
    }

    /**
     * As {@link #sleep(double)}, then returns {@code result}.
     *
     * @param delay seconds
     * @param result the value to return
     * @param <T> its type
     * @return {@code result}
     */
    public static <T> T sleep(double delay, T result) {
        return Runtime.sleep(delay, result);
    }

    // ---- synchronization primitives and queues (Python's asyncio.Lock ... asyncio.LifoQueue) ---------
    //
    // Each factory is the Python constructor. A new object is bound to no loop: it belongs to the loop on
    // which it first has to wait (see Acquirable, Event, Barrier and Queue for binding, threads and
    // cancellation).

    /** @return a new unlocked {@link Lock}: Python's {@code asyncio.Lock()} */
    public static Lock newLock() {
        return Primitives.newLock();
    }

    /** @return a new {@link Event}, not set: Python's {@code asyncio.Event()} */
    public static Event newEvent() {
        return Primitives.newEvent();
    }

    /** @return a new {@link Condition} with its own lock: Python's {@code asyncio.Condition()} */
    public static Condition newCondition() {
        return Primitives.newCondition(null);
    }

    /**
     * Python's {@code asyncio.Condition(lock)}.
     *
     * @param lock the lock the condition uses (made by {@link #newLock()}); several conditions may share one
     * @return a new {@link Condition}
     * @throws IllegalArgumentException if the lock was not made by asyncio4j
     */
    public static Condition newCondition(Lock lock) {
        return Primitives.newCondition(Objects.requireNonNull(lock, "newCondition: lock is null"));
    }

    /**
     * Python's {@code asyncio.Semaphore(value)}.
     *
     * @param value the initial number of permits
     * @return a new {@link Semaphore}
     * @throws IllegalArgumentException if {@code value} is negative
     */
    public static Semaphore newSemaphore(int value) {
        return Primitives.newSemaphore(value);
    }

    /**
     * Python's {@code asyncio.BoundedSemaphore(value)}.
     *
     * @param value the initial and maximal number of permits
     * @return a new {@link BoundedSemaphore}
     * @throws IllegalArgumentException if {@code value} is negative
     */
    public static BoundedSemaphore newBoundedSemaphore(int value) {
        return Primitives.newBoundedSemaphore(value);
    }

    /**
     * Python's {@code asyncio.Barrier(parties)}.
     *
     * @param parties the number of tasks that pass the barrier together
     * @return a new {@link Barrier}
     * @throws IllegalArgumentException if {@code parties} is less than 1
     */
    public static Barrier newBarrier(int parties) {
        return Primitives.newBarrier(parties);
    }

    /** @param <T> the item type @return a new unbounded FIFO {@link Queue}: Python's {@code asyncio.Queue()} */
    public static <T> Queue<T> newQueue() {
        return Primitives.newQueue(0);
    }

    /**
     * Python's {@code asyncio.Queue(maxsize)}.
     *
     * @param maxsize the capacity; 0 or less is unbounded
     * @param <T> the item type
     * @return a new FIFO {@link Queue}
     */
    public static <T> Queue<T> newQueue(int maxsize) {
        return Primitives.newQueue(maxsize);
    }

    /**
     * Python's {@code asyncio.PriorityQueue()}: unbounded, smallest item first in natural order.
     *
     * @param <T> the item type
     * @return a new {@link PriorityQueue}
     */
    public static <T extends Comparable<? super T>> PriorityQueue<T> newPriorityQueue() {
        return Primitives.newPriorityQueue(0, null);
    }

    /**
     * Python's {@code asyncio.PriorityQueue(maxsize)}: smallest item first in natural order.
     *
     * @param maxsize the capacity; 0 or less is unbounded
     * @param <T> the item type
     * @return a new {@link PriorityQueue}
     */
    public static <T extends Comparable<? super T>> PriorityQueue<T> newPriorityQueue(int maxsize) {
        return Primitives.newPriorityQueue(maxsize, null);
    }

    /**
     * An unbounded {@link PriorityQueue} ordered by {@code comparator}, smallest first.
     *
     * @param comparator the order of the items
     * @param <T> the item type
     * @return a new {@link PriorityQueue}
     */
    public static <T> PriorityQueue<T> newPriorityQueue(Comparator<? super T> comparator) {
        return newPriorityQueue(0, comparator);
    }

    /**
     * A {@link PriorityQueue} of capacity {@code maxsize} ordered by {@code comparator}, smallest first.
     *
     * @param maxsize the capacity; 0 or less is unbounded
     * @param comparator the order of the items
     * @param <T> the item type
     * @return a new {@link PriorityQueue}
     */
    public static <T> PriorityQueue<T> newPriorityQueue(int maxsize, Comparator<? super T> comparator) {
        return Primitives.newPriorityQueue(maxsize,
                Objects.requireNonNull(comparator, "newPriorityQueue: comparator is null"));
    }

    /** @param <T> the item type @return a new unbounded {@link LifoQueue}: Python's {@code asyncio.LifoQueue()} */
    public static <T> LifoQueue<T> newLifoQueue() {
        return Primitives.newLifoQueue(0);
    }

    /**
     * Python's {@code asyncio.LifoQueue(maxsize)}.
     *
     * @param maxsize the capacity; 0 or less is unbounded
     * @param <T> the item type
     * @return a new {@link LifoQueue}
     */
    public static <T> LifoQueue<T> newLifoQueue(int maxsize) {
        return Primitives.newLifoQueue(maxsize);
    }
}
