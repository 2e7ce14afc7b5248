package org.asyncio4j;

import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Supplier;

/**
 * A set of {@link ContextVar} values: Python's {@code contextvars.Context}.
 *
 * <p>Every thread, and every task of a loop, runs in a current context. A task copies the current context
 * when it is created and runs all its steps in that copy, so the values it sets never leak into its parent;
 * a callback runs in a copy of the context that was current when it was scheduled. Copying is O(1): the
 * values are an immutable map that {@link ContextVar#set} replaces.
 *
 * <p>A thread's current context is kept in its {@link ContextSlot}: see {@link #currentThreadSlot()}.
 */
public final class Context {
    private static final ThreadLocal<ThreadSlot> THREAD_SLOTS = ThreadLocal.withInitial(ThreadSlot::new);

    Map<ContextVar<?>, Object> values;
    private boolean entered;

    private Context(Map<ContextVar<?>, Object> values) {
        this.values = values;
    }

    /** @return a new empty context */
    public static Context empty() {
        return new Context(Map.of());
    }

    /** @return a copy of the current context (Python's {@code contextvars.copy_context()}) */
    public static Context copyContext() {
        return current().copy();
    }

    /** @return a copy of this context: the same values, set apart from here on (Python's {@code Context.copy()}) */
    public Context copy() {
        return new Context(values);
    }

    /** @return the context of the current thread or task */
    public static Context current() {
        ContextSlot slot = currentThreadSlot();
        Context c = slot.currentContext();
        if (c == null) {
            c = empty();
            slot.setCurrentContext(c);
        }
        return c;
    }

    /**
     * The slot that holds the current thread's context: its {@link ContextSlot} if it is a virtual thread whose
     * uncaught-exception handler is one, else the slot its router names (see {@link #routeThreadSlot}), else a
     * slot of its own kept in a thread-local. An event loop that runs code on one thread may look it up once and
     * pass it to {@link #enter(Context, ContextSlot)} and {@link #exit(Context, ContextSlot)}, sparing the
     * thread-local's lookup at every task switch.
     *
     * @return the current thread's slot
     */
    public static ContextSlot currentThreadSlot() {
        Thread t = Thread.currentThread();
        if (t.isVirtual() && t.getUncaughtExceptionHandler() instanceof ContextSlot slot) {
            return slot;
        }
        ThreadSlot own = THREAD_SLOTS.get();
        Supplier<ContextSlot> router = own.router;
        if (router != null) {
            ContextSlot routed = router.get();
            if (routed != null) {
                return routed;
            }
        }
        return own;
    }

    /**
     * For event-loop engines: while a loop runs code of several coroutine bodies on the current thread, each
     * keeping its current context in a slot of its own, {@link #currentThreadSlot()} asks {@code router} for the
     * slot of the code running now (a null answer: the thread's own slot). Put the returned router back when the
     * loop stops running on this thread.
     *
     * @param router names the slot of the code running now, or null to stop routing
     * @return the router that was installed, or null
     */
    public static Supplier<ContextSlot> routeThreadSlot(Supplier<ContextSlot> router) {
        ThreadSlot own = THREAD_SLOTS.get();
        Supplier<ContextSlot> previous = own.router;
        own.router = router;
        return previous;
    }

    /**
     * Runs {@code fn} in this context: Python's {@code Context.run}.
     *
     * @param fn what to run
     * @param <T> its result type
     * @return its result
     * @throws IllegalStateException if this context is already entered (in this or another thread)
     * @throws Exception what {@code fn} throws
     */
    public <T> T run(Callable<T> fn) throws Exception {
        Context previous = enter(this);
        try {
            return fn.call();
        } finally {
            exit(previous);
        }
    }

    /**
     * Makes {@code ctx} the current context of this thread, for event loops and executors that run code in
     * a context without a callback: pair every call with {@link #exit(Context)} in a finally block.
     *
     * @param ctx the context to enter
     * @return the context that was current, to pass to {@link #exit(Context)}
     * @throws IllegalStateException if {@code ctx} is already entered
     */
    public static Context enter(Context ctx) {
        return enter(ctx, currentThreadSlot());
    }

    /**
     * {@link #enter(Context)} for a thread whose slot the caller knows: it must be the current thread's
     * {@link #currentThreadSlot()}.
     *
     * @param ctx the context to enter
     * @param slot the current thread's slot
     * @return the context that was current, to pass to {@link #exit(Context, ContextSlot)}
     * @throws IllegalStateException if {@code ctx} is already entered
     */
    public static Context enter(Context ctx, ContextSlot slot) {
        if (ctx.entered) {
            throw new IllegalStateException("cannot enter context: " + ctx + " is already entered");
        }
        ctx.entered = true;
        Context previous = slot.currentContext();
        slot.setCurrentContext(ctx);
        return previous;
    }

    /**
     * Leaves the current context, making {@code previous} current again.
     *
     * @param previous what {@link #enter(Context)} returned
     */
    public static void exit(Context previous) {
        exit(previous, currentThreadSlot());
    }

    /**
     * {@link #exit(Context)} for a thread whose slot the caller knows: the current thread's
     * {@link #currentThreadSlot()}.
     *
     * @param previous what {@link #enter(Context, ContextSlot)} returned
     * @param slot the current thread's slot
     */
    public static void exit(Context previous, ContextSlot slot) {
        Context c = slot.currentContext();
        if (c != null) {
            c.entered = false;
        }
        slot.setCurrentContext(previous);
    }

    /**
     * @param var a variable
     * @param <T> its type
     * @return its value in this context, or null if it has none here (no defaults applied)
     */
    @SuppressWarnings("unchecked")
    public <T> T get(ContextVar<T> var) {
        return (T) values.get(var);
    }

    /** @param var a variable @return true if it has a value in this context */
    public boolean containsKey(ContextVar<?> var) {
        return values.containsKey(var);
    }

    /** @return how many variables have a value in this context */
    public int size() {
        return values.size();
    }

    @Override
    public String toString() {
        return "<Context " + values.size() + " vars>";
    }

    /** A platform thread's slot (or a virtual thread's without one of its own), kept in a thread-local. */
    private static final class ThreadSlot implements ContextSlot {
        private Context current;
        private Supplier<ContextSlot> router;

        @Override
        public Context currentContext() {
            return current;
        }

        @Override
        public void setCurrentContext(Context context) {
            current = context;
        }
    }
}
