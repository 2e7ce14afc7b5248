package org.asyncio4j;

import java.util.function.Supplier;
import org.asyncio4j.impl.Runtime;

/**
 * Python's {@code asyncio.Runner}: runs several coroutines on one event loop it owns, then cleans up.
 * Use it with try-with-resources; {@link #close()} cancels the tasks left over, waits for them, and closes
 * the loop.
 */
public final class Runner implements AutoCloseable {
    /** How long close() waits for the default executor's calls to finish: Python's {@code THREAD_JOIN_TIMEOUT}. */
    private static final double THREAD_JOIN_TIMEOUT = 300.0;

    private final Supplier<EventLoop> loopFactory;
    private final Boolean debug;
    private EventLoop loop;
    private boolean closed;

    /** A runner whose loop is created with {@code Asyncio.newEventLoop()}. */
    public Runner() {
        this(null, null);
    }

    /** @param debug the loop's debug mode */
    public Runner(boolean debug) {
        this(debug, null);
    }

    /** @param loopFactory creates the runner's loop (Python's {@code loop_factory}), e.g. to choose the engine or clock */
    public Runner(Supplier<EventLoop> loopFactory) {
        this(null, loopFactory);
    }

    /**
     * @param debug the loop's debug mode, or null to leave the loop's own
     * @param loopFactory creates the loop, or null for {@code Asyncio.newEventLoop()}
     */
    public Runner(Boolean debug, Supplier<EventLoop> loopFactory) {
        this.debug = debug;
        this.loopFactory = loopFactory == null ? () -> Runtime.newEventLoop(LoopConfig.defaults()) : loopFactory;
    }

    /**
     * Runs {@code coro} as a task on the runner's loop until it is done.
     *
     * @param coro the coroutine
     * @param <T> its result type
     * @return its result
     * @throws IllegalStateException if the runner is closed or a loop runs in this thread already
     */
    public <T> T run(Coroutine<T> coro) {
        if (Runtime.runningLoopOrNull() != null) {
            throw new IllegalStateException("Runner.run() cannot be called from a running event loop");
        }
        EventLoop l = getLoop();
        return l.runUntilComplete(l.createTask(coro));
    }

    /**
     * @return the runner's loop, created on first use
     * @throws IllegalStateException if the runner is closed
     */
    public EventLoop getLoop() {
        if (closed) {
            throw new IllegalStateException("Runner is closed");
        }
        if (loop == null) {
            loop = loopFactory.get();
            if (debug != null) {
                loop.setDebug(debug);
            }
        }
        return loop;
    }

    /**
     * Cancels the pending tasks and waits for them, closes the async generators still open, shuts the default
     * executor down (waiting up to 300 seconds for its running calls, as Python does), then closes the loop.
     * Closing twice has no effect.
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        EventLoop l = loop;
        loop = null;
        if (l == null) {
            return;
        }
        try {
            Runtime.cancelAllTasks(l);
            l.shutdownAsyncgens();
            l.runUntilComplete(l.createTask(() -> {
                l.shutdownDefaultExecutor(THREAD_JOIN_TIMEOUT);
                return null;
            }));
        } finally {
            l.close();
        }
    }
}
