package org.asyncio4j;

/**
 * A {@link Queue} that returns its smallest item first: Python's {@code asyncio.PriorityQueue}. Create one
 * with {@code Asyncio.newPriorityQueue(...)}, in natural order or with a {@link java.util.Comparator}. Items
 * that compare equal come out in no particular order, as in Python. {@code null} items are refused with a
 * {@link NullPointerException}; an item that cannot be compared (a {@link ClassCastException} or whatever the
 * comparator throws) is refused and the queue is left unchanged.
 *
 * @param <T> the item type
 */
public interface PriorityQueue<T> extends Queue<T> {
}
