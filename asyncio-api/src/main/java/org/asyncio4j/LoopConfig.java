package org.asyncio4j;

/**
 * How to build an event loop: engine, clock and debug mode. Immutable; the {@code with*} methods return copies.
 *
 * @param engine the engine for Java coroutine bodies
 * @param clock the loop's time source
 * @param debug whether the loop starts in debug mode
 */
public record LoopConfig(Engine engine, LoopClock clock, boolean debug) {

    /** The defaults: engine from the system property {@code asyncio4j.engine} (else AUTO), system clock, no debug. */
    public static LoopConfig defaults() {
        return new LoopConfig(Engine.AUTO, LoopClock.SYSTEM, false);
    }

    /** Checks the components. */
    public LoopConfig {
        if (engine == null || clock == null) {
            throw new IllegalArgumentException("engine and clock must not be null");
        }
    }

    /** @param e the engine @return a copy with that engine */
    public LoopConfig withEngine(Engine e) {
        return new LoopConfig(e, clock, debug);
    }

    /** @param c the clock @return a copy with that clock */
    public LoopConfig withClock(LoopClock c) {
        return new LoopConfig(engine, c, debug);
    }

    /** @param d debug mode @return a copy with that debug mode */
    public LoopConfig withDebug(boolean d) {
        return new LoopConfig(engine, clock, d);
    }
}
