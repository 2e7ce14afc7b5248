package org.asyncio4j;

/**
 * How coroutine bodies written in Java are run. Both engines have the same semantics: one body or
 * callback at a time per loop, switching only at awaits.
 */
public enum Engine {
    /** {@link #CONTINUATION} when {@code jdk.internal.vm} is exported to asyncio4j, else {@link #VIRTUAL_THREADS}. */
    AUTO,
    /**
     * Bodies run on the loop thread as {@code jdk.internal.vm.Continuation}s: the fastest engine. Needs
     * {@code --add-exports java.base/jdk.internal.vm=ALL-UNNAMED} on the {@code java} command line.
     */
    CONTINUATION,
    /**
     * Each body is a virtual thread; a strict baton lets one run at a time, and the body that suspends
     * runs the loop's ready callbacks itself. Public APIs only; no flag needed.
     */
    VIRTUAL_THREADS
}
