package org.asyncio4j.impl;

import jdk.internal.vm.Continuation;
import jdk.internal.vm.ContinuationScope;
import org.asyncio4j.Context;
import org.asyncio4j.ContextSlot;
import org.asyncio4j.Engine;
import java.util.function.Supplier;

/**
 * The continuation engine: each body is a {@code jdk.internal.vm.Continuation} run by the loop's own
 * thread, so a switch is a stack freeze/thaw with no thread handoff. Loaded only by reflection, when
 * {@code jdk.internal.vm} is exported ({@code --add-exports java.base/jdk.internal.vm=ALL-UNNAMED}).
 *
 * <p>All bodies share the loop thread: {@code Thread.currentThread()} and ThreadLocals are the loop's
 * (as {@code threading.local} is in Python); per-task state belongs in a context variable.
 */
final class ContinuationEngine implements CoroutineEngine {
    static final ContinuationScope SCOPE = new ContinuationScope("asyncio4j");
    /** Generators nest in their consumer's continuation: an await yields SCOPE (the whole task), emit yields this. */
    static final ContinuationScope GENERATOR_SCOPE = new ContinuationScope("asyncio4j-generator");
    private final EventLoopImpl loop;

    ContinuationEngine(EventLoopImpl loop) {
        this.loop = loop;
    }

    @Override
    public Engine getKind() {
        return Engine.CONTINUATION;
    }

    @Override
    public Fiber newFiber(JavaTask<?> task) {
        return new ContinuationFiber(task);
    }

    @Override
    public GeneratorFiber newGeneratorFiber(Runnable body) {
        return new GeneratorContinuation(body);
    }

    /** The running body's fiber, or outside bodies the slot of the thread that runs (or closes) the loop. */
    @Override
    public ContextSlot contextSlot() {
        ContextSlot body = runningFiber();
        return body != null ? body : loop.ownerContextSlot;
    }

    /** The loop's thread looks up its context in the running body's fiber, if any. */
    @Override
    public Supplier<ContextSlot> getThreadSlotRouter() {
        return ContinuationEngine::runningFiber;
    }

    /** The innermost body running on this thread (async generators' continuations are inside their consumer's). */
    private static ContextSlot runningFiber() {
        return (ContinuationFiber) Continuation.getCurrentContinuation(SCOPE);
    }

    /** A generator body as a continuation nested in the consumer's: emit yields only the generator. */
    static final class GeneratorContinuation extends Continuation implements GeneratorFiber {
        GeneratorContinuation(Runnable body) {
            super(GENERATOR_SCOPE, body);
        }

        @Override
        public void enter(JavaTask<?> task) {
            run();
        }

        @Override
        public void emit() {
            Continuation.yield(GENERATOR_SCOPE);
        }

        @Override
        protected void onPinned(Continuation.Pinned reason) {
            throw new PinnedAwaitException(String.valueOf(reason));
        }
    }

    /**
     * A body as a continuation: resume runs it on the calling (loop) thread until it yields. Only the body runs
     * inside the continuation; the task is completed outside, once the continuation is done, so that the frames
     * a suspended body keeps are few and small.
     *
     * <p>It is also the slot of its body's current context: the loop thread's lookups go to the running body's
     * fiber ({@link #getThreadSlotRouter}), so a task switch writes no context into the thread's slot. Such a
     * write stored a young object into an old one at every switch, which costs a fence in G1's write barrier.
     */
    static final class ContinuationFiber extends Continuation implements Fiber, ContextSlot {
        private final JavaTask<Object> task;
        /** The body's current context: its task's, or one the body entered; kept across switches. */
        private Context current;
        private boolean started;
        /** The first run of an eager task, inside its creator: its first suspension must return there. */
        private boolean eagerStart;
        /** How the body ended, kept from its last frame until {@link #resume} completes the task. */
        private Object result;
        private Throwable failure;

        /** The target of every fiber (no object per task): runs the body of the fiber that starts now. */
        private static final Runnable RUN_BODY = () -> {
            ContinuationFiber fiber = (ContinuationFiber) Continuation.getCurrentContinuation(SCOPE);
            try {
                fiber.result = fiber.task.callBody();
            } catch (Throwable t) {
                fiber.failure = t;
            }
        };

        @SuppressWarnings("unchecked")
        ContinuationFiber(JavaTask<?> task) {
            super(SCOPE, RUN_BODY);
            this.task = (JavaTask<Object>) task;
            this.current = task.context;
        }

        @Override
        public Context currentContext() {
            return current;
        }

        @Override
        public void setCurrentContext(Context context) {
            if (context != current) {
                current = context;
            }
        }

        /**
         * Runs the body on this (the loop's) thread, in its current context (the task's, or one the body entered
         * with {@code Context.run} and awaited in), entered here rather than in the body and left, not changed,
         * when it suspends.
         */
        @Override
        public void resume() {
            started = true;
            Context.enter(current, this);
            try {
                run();
            } finally {
                Context.exit(current, this);
            }
            if (isDone()) {
                Object r = result;
                Throwable f = failure;
                result = null;
                failure = null;
                task.finishBody(r, f);
            }
        }

        @Override
        public void resumeEagerly() {
            eagerStart = true;
            try {
                resume();
            } finally {
                eagerStart = false;
            }
        }

        @Override
        public void suspend() {
            Continuation.yield(SCOPE);
        }

        @Override
        public void suspendYielding() {
            // A sleep(0) with nothing else ready: the loop would resume this body at once, so it just goes on.
            if (!eagerStart && task.takeOwnStep()) {
                return;
            }
            Continuation.yield(SCOPE);
        }

        @Override
        public boolean started() {
            return started;
        }

        @Override
        protected void onPinned(Continuation.Pinned reason) {
            throw new PinnedAwaitException(String.valueOf(reason));
        }
    }
}
