package org.asyncio4j;

/**
 * Where one thread keeps its current {@link Context}: for event-loop engines, not for applications.
 *
 * <p>Every thread has a slot ({@link Context#currentThreadSlot()}). By default it lives in a thread-local; a
 * virtual thread whose {@linkplain Thread#getUncaughtExceptionHandler() uncaught-exception handler} implements
 * this interface uses that handler instead. The virtual-thread engine gives each coroutine body's thread such a
 * handler, so a suspended body's thread carries no {@code ThreadLocalMap} (about 140 bytes each); the handler
 * is a field every thread already has. A slot is used only by its own thread.
 */
public interface ContextSlot {
    /** @return the context current in the slot's thread, or null if none was entered or created yet */
    Context currentContext();

    /** @param context the context to make current in the slot's thread; null for none */
    void setCurrentContext(Context context);
}
