package org.asyncio4j;

/**
 * A {@link Queue} that returns the most recently put item first: Python's {@code asyncio.LifoQueue}. Create
 * one with {@code Asyncio.newLifoQueue()} or {@code Asyncio.newLifoQueue(maxsize)}.
 *
 * @param <T> the item type
 */
public interface LifoQueue<T> extends Queue<T> {
}
