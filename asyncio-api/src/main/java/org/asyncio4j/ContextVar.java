package org.asyncio4j;

import java.util.HashMap;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * A context variable: Python's {@code contextvars.ContextVar}. Its value depends on the current
 * {@link Context}: each task has its own copy, taken when the task was created, so per-task state (a
 * request id, a logging context) belongs here rather than in a ThreadLocal, which all tasks of a loop may
 * share.
 *
 * @param <T> the value type
 */
public final class ContextVar<T> {
    private static final Object NO_DEFAULT = new Object();

    private final String name;
    private final Object defaultValue;

    /** @param name the variable's name (for messages) */
    public ContextVar(String name) {
        this.name = name;
        this.defaultValue = NO_DEFAULT;
    }

    /** @param name the variable's name @param defaultValue its value where it was never set */
    public ContextVar(String name, T defaultValue) {
        this.name = name;
        this.defaultValue = defaultValue;
    }

    /** @return the name */
    public String getName() {
        return name;
    }

    /**
     * @return the value in the current context, else the default
     * @throws NoSuchElementException if it has neither (Python's {@code LookupError})
     */
    @SuppressWarnings("unchecked")
    public T get() {
        Map<ContextVar<?>, Object> values = Context.current().values;
        if (values.containsKey(this)) {
            return (T) values.get(this);
        }
        if (defaultValue != NO_DEFAULT) {
            return (T) defaultValue;
        }
        throw new NoSuchElementException("ContextVar '" + name + "' has no value and no default");
    }

    /**
     * @param fallback returned where the variable has no value in the current context
     * @return the value, or {@code fallback}
     */
    @SuppressWarnings("unchecked")
    public T get(T fallback) {
        Map<ContextVar<?>, Object> values = Context.current().values;
        return values.containsKey(this) ? (T) values.get(this) : fallback;
    }

    /**
     * Sets the value in the current context.
     *
     * @param value the new value
     * @return a token to restore the previous value with {@link #reset(Token)}
     */
    public Token<T> set(T value) {
        Context ctx = Context.current();
        Map<ContextVar<?>, Object> old = ctx.values;
        Token<T> token = new Token<>(this, ctx, old.containsKey(this), old.get(this));
        Map<ContextVar<?>, Object> copy = new HashMap<>(old);
        copy.put(this, value);
        ctx.values = copy;
        return token;
    }

    /**
     * Restores the value the variable had before the {@link #set} that returned {@code token}.
     *
     * @param token the token
     * @throws IllegalStateException if the token was used already
     * @throws IllegalArgumentException if it belongs to another variable or was created in another context
     */
    public void reset(Token<T> token) {
        if (token.used) {
            throw new IllegalStateException("Token has already been used once");
        }
        if (token.var != this) {
            throw new IllegalArgumentException("Token was created by a different ContextVar");
        }
        Context ctx = Context.current();
        if (token.context != ctx) {
            throw new IllegalArgumentException("Token was created in a different Context");
        }
        Map<ContextVar<?>, Object> copy = new HashMap<>(ctx.values);
        if (token.hadValue) {
            copy.put(this, token.oldValue);
        } else {
            copy.remove(this);
        }
        ctx.values = copy;
        token.used = true;
    }

    @Override
    public String toString() {
        return "<ContextVar name='" + name + "'>";
    }

    /**
     * What {@link ContextVar#set} returns: Python's {@code contextvars.Token}.
     *
     * @param <T> the value type
     */
    public static final class Token<T> {
        private final ContextVar<T> var;
        private final Context context;
        private final boolean hadValue;
        private final Object oldValue;
        private boolean used;

        Token(ContextVar<T> var, Context context, boolean hadValue, Object oldValue) {
            this.var = var;
            this.context = context;
            this.hadValue = hadValue;
            this.oldValue = oldValue;
        }

        /** @return the variable that was set */
        public ContextVar<T> getVar() {
            return var;
        }
    }
}
