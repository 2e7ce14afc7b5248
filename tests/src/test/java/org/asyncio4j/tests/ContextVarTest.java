package org.asyncio4j.tests;

import static org.asyncio4j.Asyncio.await;
import static org.asyncio4j.Asyncio.createTask;
import static org.asyncio4j.Asyncio.sleep;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import org.asyncio4j.Context;
import org.asyncio4j.ContextSlot;
import org.asyncio4j.ContextVar;
import org.asyncio4j.Future;
import org.asyncio4j.Task;
import org.junit.jupiter.api.Test;

class ContextVarTest extends LoopTest {
    private static final ContextVar<String> VAR = new ContextVar<>("v", "unset");

    /** The trace CPython 3.13 prints for the same program. */
    @Test
    void aTaskCopiesTheContextAtCreationAndCallbacksRunInTheContextTheyWereScheduledIn() {
        List<String> trace = new ArrayList<>();
        runMain(() -> {
            VAR.set("parent");
            Task<Object> t = createTask(() -> {
                trace.add("child sees " + VAR.get());
                VAR.set("child");
                sleep(0);
                trace.add("child still " + VAR.get());
                return null;
            });
            VAR.set("parent2");
            await(t);
            trace.add("parent sees " + VAR.get());
            VAR.set("at schedule");
            loop.callSoon(() -> trace.add("callback sees " + VAR.get()));
            VAR.set("after schedule");
            sleep(0);
            return null;
        });
        assertEquals(List.of("child sees parent", "child still child", "parent sees parent2",
                "callback sees at schedule"), trace);
    }

    @Test
    void tasksThatInterleaveKeepTheirOwnValues() {
        List<String> trace = new ArrayList<>();
        runMain(() -> {
            List<Task<Object>> tasks = new ArrayList<>();
            for (String name : List.of("a", "b", "c")) {
                tasks.add(createTask(() -> {
                    VAR.set(name);
                    for (int i = 0; i < 3; i++) {
                        sleep(0);
                        trace.add(name + "=" + VAR.get());
                    }
                    return null;
                }));
            }
            for (Task<Object> t : tasks) {
                await(t);
            }
            trace.add("main=" + VAR.get());
            return null;
        });
        assertEquals(List.of("a=a", "b=b", "c=c", "a=a", "b=b", "c=c", "a=a", "b=b", "c=c", "main=unset"), trace);
    }

    /**
     * CPython 3.13 prints 1, 0, 2 for the same program (with {@code task.get_context()}): a suspended task's
     * context is not entered, so other code may run in it, and the task sees what was set there.
     */
    @Test
    void aSuspendedTasksContextCanBeRunElsewhereAndTheTaskSeesWhatWasSetThere() {
        List<String> trace = new ArrayList<>();
        runMain(() -> {
            Future<Object> gate = loop.createFuture();
            Context[] taskContext = new Context[1];
            Task<String> t = createTask(() -> {
                VAR.set("1");
                taskContext[0] = Context.current();
                await(gate);
                return VAR.get();
            });
            sleep(0);
            trace.add(taskContext[0].run(VAR::get));
            taskContext[0].run(() -> VAR.set("2"));
            trace.add(VAR.get());
            gate.setResult(null);
            trace.add(await(t));
            return null;
        });
        assertEquals(List.of("1", "unset", "2"), trace);
    }

    /**
     * Java only (Python's {@code ctx.run} cannot await): a body that awaits inside {@code Context.run} resumes in
     * that context, which is not entered while the body is suspended, and leaves it when the run returns.
     */
    @Test
    void aBodyThatAwaitsInsideContextRunResumesInThatContext() {
        List<String> trace = new ArrayList<>();
        runMain(() -> {
            VAR.set("task");
            Context other = Context.copyContext();
            Task<Object> peer = createTask(() -> {
                trace.add("peer runs in other: " + other.run(VAR::get));
                return null;
            });
            String seen = other.run(() -> {
                VAR.set("other");
                await(peer);
                sleep(0);
                return VAR.get();
            });
            trace.add("inside run after awaits: " + seen);
            trace.add("after run: " + VAR.get());
            sleep(0);
            trace.add("after another await: " + VAR.get());
            return null;
        });
        assertEquals(List.of("peer runs in other: other", "inside run after awaits: other", "after run: task",
                "after another await: task"), trace);
    }

    @Test
    void resetRestoresThePreviousValueAndATokenWorksOnce() {
        runMain(() -> {
            ContextVar<Integer> v = new ContextVar<>("n");
            assertThrows(NoSuchElementException.class, v::get);
            assertEquals(7, v.get(7));
            ContextVar.Token<Integer> t1 = v.set(1);
            ContextVar.Token<Integer> t2 = v.set(2);
            v.reset(t2);
            assertEquals(1, v.get());
            assertThrows(IllegalStateException.class, () -> v.reset(t2));
            v.reset(t1);
            assertThrows(NoSuchElementException.class, v::get);
            ContextVar.Token<String> other = VAR.set("x");
            Task<Object> child = createTask(() -> {
                assertThrows(IllegalArgumentException.class, () -> VAR.reset(other));
                return null;
            });
            await(child);
            return null;
        });
    }

    @Test
    void contextRunIsolatesChangesAndRefusesReentry() throws Exception {
        Context ctx = Context.copyContext();
        ctx.run(() -> VAR.set("inside"));
        assertEquals("inside", ctx.get(VAR));
        assertEquals("unset", VAR.get());
        assertThrows(IllegalStateException.class, () -> ctx.run(() -> ctx.run(() -> null)));
    }

    @Test
    void aCopyStartsWithTheSameValuesAndThenGoesItsOwnWay() throws Exception {
        Context original = Context.copyContext();
        original.run(() -> VAR.set("original"));
        Context copy = original.copy();
        assertEquals("original", copy.get(VAR));
        copy.run(() -> VAR.set("copy"));
        assertEquals("copy", copy.get(VAR));
        assertEquals("original", original.get(VAR));
    }

    @Test
    void aDoneCallbackRunsInTheContextItWasAddedIn() {
        List<String> trace = new ArrayList<>();
        runMain(() -> {
            var f = loop.<String>createFuture();
            VAR.set("registered");
            f.addDoneCallback(x -> trace.add("callback sees " + VAR.get()));
            VAR.set("completed");
            f.setResult("r");
            sleep(0);
            return null;
        });
        assertEquals(List.of("callback sees registered"), trace);
    }

    /** A slot that records what it was given, as an engine's thread keeps its context. */
    private static final class RecordingSlot implements ContextSlot, Thread.UncaughtExceptionHandler {
        Context current;

        @Override
        public Context currentContext() {
            return current;
        }

        @Override
        public void setCurrentContext(Context context) {
            current = context;
        }

        @Override
        public void uncaughtException(Thread t, Throwable e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void aVirtualThreadWithAContextSlotKeepsItsContextThereAndNotInTheThreadLocal() throws Exception {
        RecordingSlot slot = new RecordingSlot();
        List<String> seen = new ArrayList<>();
        Thread t = Thread.ofVirtual().uncaughtExceptionHandler(slot).unstarted(() -> {
            VAR.set("in slot");
            seen.add(slot.current.get(VAR));
            Context other = Context.copyContext();
            try {
                other.run(() -> {
                    seen.add(String.valueOf(slot.current == other));
                    return VAR.set("nested");
                });
            } catch (Exception e) {
                throw new AssertionError(e);
            }
            seen.add(VAR.get());
            seen.add(other.get(VAR));
        });
        t.start();
        t.join();
        assertEquals(List.of("in slot", "true", "in slot", "nested"), seen);
        assertEquals("unset", VAR.get());
    }
}
