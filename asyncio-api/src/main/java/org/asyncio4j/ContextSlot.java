package org.asyncio4j;

/**
 * Where a thread keeps its current {@link Context} when that is not a {@code ThreadLocal}: for event-loop
 * engines, not for applications.
 *
 * <p>A virtual thread whose {@linkplain Thread#getUncaughtExceptionHandler() uncaught-exception handler}
 * implements this interface keeps its current context in that handler. The virtual-thread engine gives each
 * coroutine body's thread its own slot, so a suspended body's thread carries no {@code ThreadLocalMap} (about
 * 140 bytes each) for the context; the handler is a field every thread already has.
 */
public interface ContextSlot {
    /** @return the context current in the slot's thread, or null if none was entered or created yet */
    Context currentContext();

    /** @param context the context to make current in the slot's thread; null for none */
    void setCurrentContext(Context context);
}
