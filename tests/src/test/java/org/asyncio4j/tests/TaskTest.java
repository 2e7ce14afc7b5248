package org.asyncio4j.tests;

import static org.asyncio4j.Asyncio.allTasks;
import static org.asyncio4j.Asyncio.await;
import static org.asyncio4j.Asyncio.createTask;
import static org.asyncio4j.Asyncio.currentTask;
import static org.asyncio4j.Asyncio.sleep;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.asyncio4j.Asyncio;
import org.asyncio4j.Future;
import org.asyncio4j.Task;
import org.junit.jupiter.api.Test;

/** Task: start, result, names, current/all tasks, strong references and awaiting rules. */
class TaskTest extends LoopTest {
    private final Trace trace = new Trace();

    /** Matches the CPython 3.13 trace of task.py: body_starts_next_iteration. */
    @Test
    void theBodyStartsOnTheNextIterationBehindReadyCallbacks() {
        runMain(() -> {
            loop.callSoon(() -> trace.add("cb-before"));
            Task<Void> t = createTask(() -> {
                trace.add("child");
                return null;
            });
            loop.callSoon(() -> trace.add("cb-after"));
            trace.add("created");
            sleep(0);
            trace.add("main");
            return await(t);
        });
        assertEquals("created | cb-before | child | cb-after | main", trace.toString());
    }

    @Test
    void aTaskCreatedOutsideTheLoopStartsWhenTheLoopRuns() {
        expect(1);
        Task<String> t = loop.createTask(() -> {
            expect(2);
            return "result";
        });
        assertFalse(t.done());
        assertEquals("result", loop.runUntilComplete(t));
        finish(3);
    }

    @Test
    void theTaskEndsWithWhatItsBodyReturnsOrThrows() {
        IOException error = new IOException("body failed");
        runMain(() -> {
            Task<String> ok = createTask(() -> "value");
            Task<String> failed = createTask(() -> {
                throw error;
            });
            assertEquals("value", await(ok));
            assertSame(error, assertThrows(IOException.class, failed::await));
            assertSame(error, failed.exception());
            assertFalse(failed.cancelled());
            return null;
        });
    }

    @Test
    void tasksAreNamedTaskNUnlessNamed() {
        runMain(() -> {
            Task<?> first = createTask(() -> null);
            Task<?> second = createTask(() -> null);
            assertTrue(first.getName().matches("Task-\\d+"), first.getName());
            long n = Long.parseLong(first.getName().substring(5));
            assertEquals("Task-" + (n + 1), second.getName());
            Task<?> named = createTask(() -> null, "worker");
            assertEquals("worker", named.getName());
            named.setName("renamed");
            assertEquals("renamed", named.getName());
            Task<?> explicitNull = loop.createTask(() -> null, null);
            assertEquals("Task-" + (n + 2), explicitNull.getName(), "a null name means Task-N; named tasks take no number");
            return null;
        });
    }

    @Test
    void currentTaskIsTheRunningTaskInABodyAndNullInAPlainCallback() {
        Future<Task<?>> inCallback = loop.createFuture();
        Task<Task<?>> main = loop.createTask(() -> {
            loop.callSoon(() -> inCallback.setResult(currentTask()));
            Task<Task<?>> child = createTask(Asyncio::currentTask);
            assertSame(child, await(child));
            assertNull(await(inCallback));
            return currentTask();
        });
        assertSame(main, loop.runUntilComplete(main));
        assertNull(Asyncio.currentTask(loop), "not running: no current task");
    }

    @Test
    void currentTaskWithoutARunningLoopIsAnError() {
        IllegalStateException e = assertThrows(IllegalStateException.class, Asyncio::currentTask);
        assertEquals("no running event loop", e.getMessage());
    }

    @Test
    void allTasksHoldsThePendingTasksOnly() {
        runMain(() -> {
            Task<?> main = currentTask();
            Task<?> sleeper = createTask(() -> sleep(10, null));
            Task<?> quick = createTask(() -> null);
            assertEquals(Set.of(main, sleeper, quick), allTasks());
            await(quick);
            assertEquals(Set.of(main, sleeper), allTasks());
            sleeper.cancel();
            sleep(0);
            assertTrue(sleeper.cancelled());
            assertEquals(Set.of(main), allTasks(loop));
            return null;
        });
        assertEquals(Set.of(), Asyncio.allTasks(loop));
    }

    @Test
    void theLoopKeepsATaskAliveWhoseReferenceWasDropped() {
        AtomicInteger progress = new AtomicInteger();
        runMain(() -> {
            startUnreferencedTask(progress);
            for (int i = 0; i < 3; i++) {
                System.gc();
                sleep(1);
            }
            return null;
        });
        assertEquals(2, progress.get());
    }

    private static void startUnreferencedTask(AtomicInteger progress) {
        createTask(() -> {
            progress.incrementAndGet();
            sleep(2);
            progress.incrementAndGet();
            return null;
        });
    }

    /** Matches the CPython 3.13 trace of task.py: await_done_future_does_not_yield. */
    @Test
    void awaitingADoneFutureReturnsWithoutYielding() {
        runMain(() -> {
            Future<Integer> f = loop.createFuture();
            f.setResult(1);
            createTask(() -> {
                trace.add("child");
                return null;
            });
            trace.add("before");
            await(f);
            trace.add("after");
            sleep(0);
            trace.add("end");
            return null;
        });
        assertEquals("before | after | child | end", trace.toString());
    }

    @Test
    void awaitingADoneTaskReturnsWithoutYielding() {
        runMain(() -> {
            Task<String> t = createTask(() -> "x");
            await(t);
            expect(1);
            loop.callSoon(() -> expect(3));
            assertEquals("x", await(t));
            expect(2);
            sleep(0);
            finish(4);
            return null;
        });
    }

    /** Matches the CPython 3.13 trace of task.py: await_task_wakes_after_its_callbacks. */
    @Test
    void aTaskAwaitingATaskResumesAfterTheCallbacksAddedBeforeIt() {
        Task<Void> outer = loop.createTask(() -> {
            Task<Void> main = createTask(() -> {
                Task<Integer> child = createTask(() -> {
                    trace.add("child");
                    return 1;
                });
                child.addDoneCallback(x -> trace.add("cb1"));
                trace.add("await");
                await(child);
                trace.add("resumed");
                return null;
            });
            main.addDoneCallback(x -> trace.add("main-done"));
            return await(main);
        });
        loop.runUntilComplete(outer);
        assertEquals("await | child | cb1 | resumed | main-done", trace.toString());
    }

    @Test
    void awaitOutsideAnyCoroutineIsAnErrorThatSaysSo() {
        Future<String> f = loop.createFuture();
        IllegalStateException e = assertThrows(IllegalStateException.class, f::await);
        assertTrue(e.getMessage().contains("outside a coroutine"), e.getMessage());
        IllegalStateException s = assertThrows(IllegalStateException.class, () -> sleep(0));
        assertTrue(s.getMessage().contains("outside a coroutine"), s.getMessage());
    }

    @Test
    void awaitAndSleepInAPlainCallbackAreErrorsThatSaySo() {
        Future<String> f = loop.createFuture();
        Throwable[] caught = new Throwable[2];
        loop.callSoon(() -> {
            caught[0] = thrownBy(f::await);
            caught[1] = thrownBy(() -> sleep(1));
        });
        loop.callSoon(loop::stop);
        loop.runForever();
        for (Throwable e : caught) {
            assertTrue(e instanceof IllegalStateException, String.valueOf(e));
            assertTrue(e.getMessage().contains("loop callback"), e.getMessage());
        }
        assertFalse(f.done());
    }

    private static Throwable thrownBy(Runnable r) {
        try {
            r.run();
            return null;
        } catch (Throwable e) {
            return e;
        }
    }

    @Test
    void aTaskAwaitingItselfGetsAnErrorAndGoesOn() {
        String result = runMain(() -> {
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> currentTask().await());
            assertTrue(e.getMessage().contains("cannot await on itself"), e.getMessage());
            return sleep(1, "still works");
        });
        assertEquals("still works", result);
    }

    @Test
    void setResultAndSetExceptionOnATaskAreRejected() {
        runMain(() -> {
            Task<String> t = createTask(() -> sleep(1, "own result"));
            UnsupportedOperationException r = assertThrows(UnsupportedOperationException.class, () -> t.setResult("x"));
            assertTrue(r.getMessage().contains("setResult"), r.getMessage());
            UnsupportedOperationException e = assertThrows(UnsupportedOperationException.class,
                    () -> t.setException(new IOException()));
            assertTrue(e.getMessage().contains("setException"), e.getMessage());
            assertEquals("own result", await(t));
            return null;
        });
    }

    @Test
    void aTaskCanAwaitAPlainJavaMethodThatAwaits() {
        assertEquals(6, (int) runMain(() -> addSlowly(1, 2) + addSlowly(1, 2)));
        assertEquals(2.0, loop.time());
    }

    private static int addSlowly(int a, int b) {
        sleep(0.5);
        return sleep(0.5, a + b);
    }

    @Test
    void doneCallbacksOfATaskReceiveTheTask() {
        runMain(() -> {
            Task<String> t = createTask(() -> "r");
            t.addDoneCallback(x -> trace.add((x == t) + ":" + x.result()));
            await(t);
            sleep(0);
            return null;
        });
        assertEquals("true:r", trace.toString());
    }
}
