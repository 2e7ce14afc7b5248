package org.asyncio4j;

/**
 * A flag tasks can wait for: Python's {@code asyncio.Event}. Create one with {@code Asyncio.newEvent()}.
 * It starts cleared; {@link #set()} wakes every task waiting in {@link #await()}.
 *
 * <p>Python's {@code event.wait()} is {@link #await()} here ({@code wait()} is a final method of
 * {@link Object}).
 *
 * <p>Binding and threads: the event belongs to the loop on which a task first waits for it; no method is
 * thread-safe, and a call from another thread while that loop runs throws {@link IllegalStateException}. To
 * set it from another thread, use {@code loop.callSoonThreadsafe(event::set)}.
 */
public interface Event {

    /** @return true if the flag is set */
    boolean isSet();

    /** Sets the flag and wakes every waiting task; tasks that wait later return at once. Never waits. */
    void set();

    /** Clears the flag: later {@link #await()} calls wait for the next {@link #set()}. */
    void clear();

    /**
     * Waits until the flag is set: Python's {@code await event.wait()}. Returns at once, without giving up
     * control, if it is set already. A task woken by {@link #set()} returns even if the flag was cleared again
     * before it ran.
     *
     * @throws CancelledError if the waiting task was cancelled
     * @throws IllegalStateException if it has to wait outside a coroutine body, or on another loop than the
     *         one the event is bound to
     */
    void await();
}
