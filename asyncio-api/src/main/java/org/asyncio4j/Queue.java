package org.asyncio4j;

/**
 * A first-in, first-out queue for tasks: Python's {@code asyncio.Queue}. Create one with
 * {@code Asyncio.newQueue()} (unbounded) or {@code Asyncio.newQueue(maxsize)}; {@link PriorityQueue} and
 * {@link LifoQueue} change only the order items come out.
 *
 * <p>{@link #put} waits while the queue is full, {@link #get} while it is empty; waiters are served in the
 * order they came. {@link #taskDone()} and {@link #join()} track the items' processing.
 * {@link #shutdown(boolean)} (Python 3.13) ends the queue: later puts, and gets once it is empty (at once
 * with {@code immediate}), throw {@link QueueShutDown}. Items may be {@code null} (Python's {@code None}),
 * except in a {@link PriorityQueue}.
 *
 * <p>Cancellation: items are never handed to a waiter, only the chance to take one; a getter (or putter)
 * cancelled after it was woken passes that chance on to the next one, so no item is lost or duplicated and no
 * waiter stalls.
 *
 * <p>Binding and threads: the queue belongs to the loop on which a task first waits on it; only
 * {@link #maxsize()} is thread-safe. Every other method, awaiting or not, throws {@link IllegalStateException}
 * when called from another thread while that loop runs (use {@link EventLoop#callSoonThreadsafe} there), and
 * the awaiting ones when called on another loop.
 *
 * @param <T> the item type
 */
public interface Queue<T> {

    /**
     * Puts an item, waiting while the queue is full: Python's {@code await queue.put(item)}. Returns at once,
     * without giving up control, when there is room.
     *
     * @param item the item
     * @throws QueueShutDown if the queue is shut down (also when it happens while waiting)
     * @throws CancelledError if the waiting task was cancelled; the item was not put then
     */
    void put(T item);

    /**
     * Removes and returns the next item, waiting while the queue is empty: Python's {@code await queue.get()}.
     * Returns at once, without giving up control, when an item is there.
     *
     * @return the item
     * @throws QueueShutDown if the queue is shut down and empty, or was shut down immediately
     * @throws CancelledError if the waiting task was cancelled; no item was taken then
     */
    T get();

    /**
     * Puts an item if there is room, without waiting: Python's {@code queue.put_nowait(item)}.
     *
     * @param item the item
     * @throws QueueFull if the queue is full
     * @throws QueueShutDown if the queue is shut down
     */
    void putNowait(T item);

    /**
     * Removes and returns the next item if there is one, without waiting: Python's {@code queue.get_nowait()}.
     *
     * @return the item
     * @throws QueueEmpty if the queue is empty
     * @throws QueueShutDown if the queue is shut down and empty
     */
    T getNowait();

    /** @return the number of items in the queue */
    int qsize();

    /** @return true if the queue holds no item */
    boolean empty();

    /** @return true if the queue holds {@link #maxsize()} items; never true for an unbounded queue */
    boolean full();

    /** @return the capacity given at creation; 0 or less means unbounded (thread-safe) */
    int maxsize();

    /**
     * Marks one item taken from the queue as processed: Python's {@code queue.task_done()}. When every item
     * put has been marked, {@link #join()} returns.
     *
     * @throws IllegalStateException if called more often than items were put (Python's {@code ValueError};
     *         here a state error, since no argument is wrong)
     */
    void taskDone();

    /**
     * Waits until every item put has been marked with {@link #taskDone()}: Python's {@code await queue.join()}.
     * Returns at once when none is pending.
     *
     * @throws CancelledError if the waiting task was cancelled
     */
    void join();

    /** As {@link #shutdown(boolean) shutdown(false)}. */
    default void shutdown() {
        shutdown(false);
    }

    /**
     * Shuts the queue down (Python 3.13's {@code queue.shutdown(immediate)}): every later put throws
     * {@link QueueShutDown}, and every waiting putter and getter is woken to re-check. Gets go on returning the
     * items left and throw {@link QueueShutDown} once it is empty; with {@code immediate}, the items left are
     * dropped at once (each counted as done for {@link #join()}), so gets throw at once.
     *
     * @param immediate drop the remaining items
     */
    void shutdown(boolean immediate);
}
