package org.asyncio4j;

import java.util.Map;
import java.util.concurrent.Callable;

/**
 * A set of {@link ContextVar} values: Python's {@code contextvars.Context}.
 *
 * <p>Every thread, and every task of a loop, runs in a current context. A task copies the current context
 * when it is created and runs all its steps in that copy, so the values it sets never leak into its parent;
 * a callback runs in a copy of the context that was current when it was scheduled. Copying is O(1): the
 * values are an immutable map that {@link ContextVar#set} replaces.
 *
 * <p>A thread's current context is kept in a thread-local, or in the thread's {@link ContextSlot} if it has one.
 */
public final class Context {
    private static final ThreadLocal<Context> CURRENT = new ThreadLocal<>();

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
        return new Context(current().values);
    }

    /** @return the context of the current thread or task */
    public static Context current() {
        ContextSlot slot = slotOfCurrentThread();
        Context c = currentIn(slot);
        if (c == null) {
            c = empty();
            setCurrent(slot, c);
        }
        return c;
    }

    /** The current thread's {@link ContextSlot}, or null when its context lives in the thread-local. */
    private static ContextSlot slotOfCurrentThread() {
        Thread t = Thread.currentThread();
        return t.isVirtual() && t.getUncaughtExceptionHandler() instanceof ContextSlot slot ? slot : null;
    }

    private static Context currentIn(ContextSlot slot) {
        return slot == null ? CURRENT.get() : slot.currentContext();
    }

    private static void setCurrent(ContextSlot slot, Context c) {
        if (slot != null) {
            slot.setCurrentContext(c);
        } else if (c == null) {
            CURRENT.remove();
        } else {
            CURRENT.set(c);
        }
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
        if (ctx.entered) {
            throw new IllegalStateException("cannot enter context: " + ctx + " is already entered");
        }
        ctx.entered = true;
        ContextSlot slot = slotOfCurrentThread();
        Context previous = currentIn(slot);
        setCurrent(slot, ctx);
        return previous;
    }

    /**
     * Leaves the current context, making {@code previous} current again.
     *
     * @param previous what {@link #enter(Context)} returned
     */
    public static void exit(Context previous) {
        ContextSlot slot = slotOfCurrentThread();
        Context c = currentIn(slot);
        if (c != null) {
            c.entered = false;
        }
        setCurrent(slot, previous);
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
}
