package org.asyncio4j;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * Several unrelated exceptions raised together: Python's {@code ExceptionGroup}, raised by a
 * {@link TaskGroup} whose children (and body) failed.
 *
 * <p>{@link #exceptions()} holds the members in the order they happened; a member may itself be a group
 * (nested task groups). Java has no {@code except*}: select members by type with {@link #subgroup(Class)}
 * or separate them with {@link #split(Class)}, then rethrow what is not handled:
 *
 * <pre>{@code
 * try {
 *     taskGroup(tg -> { ... });
 * } catch (ExceptionGroup eg) {
 *     ExceptionGroup.Split s = eg.split(IOException.class);
 *     if (s.match() != null) { ... }            // the IOExceptions, nested groups kept
 *     if (s.rest() != null) throw s.rest();      // everything else
 * }
 * }</pre>
 *
 * <p>The members are also attached as {@linkplain Throwable#getSuppressed() suppressed} exceptions, so a
 * printed stack trace shows each of them.
 */
public class ExceptionGroup extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** The exception group's own message, without the member count. */
    private final String groupMessage;
    /** The members, in order. */
    private final List<Throwable> members;

    /**
     * Creates a group.
     *
     * @param message what the exceptions have in common (e.g. {@code "unhandled errors in a TaskGroup"})
     * @param exceptions the members, at least one, none null
     * @throws IllegalArgumentException if {@code exceptions} is empty or holds null
     */
    public ExceptionGroup(String message, List<? extends Throwable> exceptions) {
        super(describe(message, exceptions));
        this.groupMessage = message;
        this.members = List.copyOf(exceptions);
        for (Throwable t : members) {
            addSuppressed(t);
        }
    }

    private static String describe(String message, List<? extends Throwable> exceptions) {
        Objects.requireNonNull(message, "message");
        if (exceptions == null || exceptions.isEmpty()) {
            throw new IllegalArgumentException("ExceptionGroup: the second argument (exceptions) must be a non-empty list");
        }
        for (Throwable t : exceptions) {
            if (t == null) {
                throw new IllegalArgumentException("ExceptionGroup: the list of exceptions holds null");
            }
        }
        int n = exceptions.size();
        return message + " (" + n + " sub-exception" + (n == 1 ? "" : "s") + ")";
    }

    /** @return the message given to the constructor (Python's {@code eg.message}); {@link #getMessage()} adds the count */
    public String message() {
        return groupMessage;
    }

    /** @return the members, in order, unmodifiable (Python's {@code eg.exceptions}) */
    public List<Throwable> exceptions() {
        return members;
    }

    /**
     * The members that are instances of {@code type}, with the structure of nested groups kept:
     * Python's {@code eg.subgroup(type)}.
     *
     * @param type the exception class to select
     * @return this group if every member matches, a new group of the matching members, or null if none matches
     */
    public ExceptionGroup subgroup(Class<? extends Throwable> type) {
        return subgroup(type::isInstance);
    }

    /**
     * The members for which {@code condition} holds, nested groups searched recursively (a group for which
     * the condition holds is kept whole).
     *
     * @param condition the test
     * @return this group if every member matches, a new group ({@link #derive}) of the matching ones, or null
     */
    public ExceptionGroup subgroup(Predicate<? super Throwable> condition) {
        return split(condition).match();
    }

    /**
     * Separates the members that are instances of {@code type} from the others: Python's {@code eg.split(type)}.
     *
     * @param type the exception class to select
     * @return the matching and the other members, each a group or null
     */
    public Split split(Class<? extends Throwable> type) {
        return split(type::isInstance);
    }

    /**
     * Separates the members for which {@code condition} holds from the others, recursing into nested groups.
     *
     * @param condition the test
     * @return the matching and the other members, each a group (this group itself when all are on one side) or null
     */
    public Split split(Predicate<? super Throwable> condition) {
        Objects.requireNonNull(condition, "condition");
        if (condition.test(this)) {
            return new Split(this, null);
        }
        List<Throwable> match = new ArrayList<>();
        List<Throwable> rest = new ArrayList<>();
        for (Throwable t : members) {
            if (t instanceof ExceptionGroup g) {
                Split s = g.split(condition);
                if (s.match() != null) {
                    match.add(s.match());
                }
                if (s.rest() != null) {
                    rest.add(s.rest());
                }
            } else if (condition.test(t)) {
                match.add(t);
            } else {
                rest.add(t);
            }
        }
        return new Split(part(match, rest), part(rest, match));
    }

    private ExceptionGroup part(List<Throwable> mine, List<Throwable> others) {
        if (mine.isEmpty()) {
            return null;
        }
        return others.isEmpty() && mine.equals(members) ? this : derive(mine);
    }

    /**
     * A group with the same message and other members: Python's {@code eg.derive(excs)}, used by
     * {@link #subgroup} and {@link #split}. Subclasses override it to keep their type; the new group gets this
     * group's cause and stack trace.
     *
     * @param exceptions the members of the new group
     * @return the new group
     */
    public ExceptionGroup derive(List<? extends Throwable> exceptions) {
        ExceptionGroup g = new ExceptionGroup(groupMessage, exceptions);
        if (getCause() != null) {
            g.initCause(getCause());
        }
        g.setStackTrace(getStackTrace());
        return g;
    }

    /**
     * The two sides of {@link #split}.
     *
     * @param match the members that satisfy the condition, or null if none does
     * @param rest the other members, or null if all satisfy it
     */
    public record Split(ExceptionGroup match, ExceptionGroup rest) {
    }
}
