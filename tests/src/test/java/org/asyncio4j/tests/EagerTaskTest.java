package org.asyncio4j.tests;

import static org.asyncio4j.Asyncio.allTasks;
import static org.asyncio4j.Asyncio.await;
import static org.asyncio4j.Asyncio.createTask;
import static org.asyncio4j.Asyncio.sleep;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.asyncio4j.Asyncio;
import org.asyncio4j.Task;
import org.asyncio4j.TaskFactory;
import org.junit.jupiter.api.Test;

class EagerTaskTest extends LoopTest {

    /** The trace CPython 3.13 prints for the same program with asyncio.eager_task_factory. */
    @Test
    void anEagerTaskRunsUntilItsFirstRealSuspensionInsideCreateTask() {
        List<String> trace = new ArrayList<>();
        runMain(() -> {
            loop.setTaskFactory(TaskFactory.EAGER);
            Task<Integer> t = createTask(() -> {
                trace.add("child start");
                sleep(0);
                trace.add("child end");
                return 1;
            });
            trace.add("after create child");
            Task<Integer> q = createTask(() -> {
                trace.add("quick");
                return 2;
            });
            trace.add("quick done=" + q.done() + " in all_tasks=" + allTasks().contains(q));
            trace.add("r=" + await(t));
            return null;
        });
        assertEquals(List.of("child start", "after create child", "quick", "quick done=true in all_tasks=false",
                "child end", "r=1"), trace);
    }

    @Test
    void theEagerBodyIsTheCurrentTaskAndTheCreatorIsCurrentAgainAfterwards() {
        runMain(() -> {
            Task<?> main = Asyncio.currentTask();
            Task<Task<?>> child = loop.newTask(() -> {
                Task<?> me = Asyncio.currentTask();
                sleep(0);
                return me;
            }, "eager", true);
            assertSame(main, Asyncio.currentTask());
            assertSame(child, await(child));
            return null;
        });
    }

    @Test
    void aTaskThatFinishesEagerlyNeverEntersTheReadyQueue() {
        runMain(() -> {
            steps.expect(1);
            Task<String> t = loop.newTask(() -> {
                steps.expect(2);
                return "done";
            }, null, true);
            steps.expect(3);
            assertTrue(t.done());
            assertEquals("done", t.result());
            return null;
        });
        steps.finish(4);
    }

    @Test
    void eagerTasksCreatedFromACallbackStartInsideTheCallback() {
        List<String> trace = new ArrayList<>();
        loop.setTaskFactory(TaskFactory.EAGER);
        loop.callSoon(() -> {
            trace.add("callback");
            loop.createTask(() -> {
                trace.add("eager body");
                sleep(1);
                trace.add("eager body resumed");
                loop.stop();
                return null;
            });
            trace.add("callback end");
        });
        loop.runForever();
        assertEquals(List.of("callback", "eager body", "callback end", "eager body resumed"), trace);
    }

    @Test
    void withoutARunningLoopAnEagerTaskStartsOnTheFirstIteration() {
        List<String> trace = new ArrayList<>();
        Task<String> t = loop.newTask(() -> {
            trace.add("body");
            return "x";
        }, null, true);
        trace.add("created");
        assertFalse(t.done());
        assertEquals("x", loop.runUntilComplete(t));
        assertEquals(List.of("created", "body"), trace);
    }

    @Test
    void theFacadeCreatesEagerTasksAndNamesTheEagerFactory() {
        List<String> trace = new ArrayList<>();
        runMain(() -> {
            Task<String> t = Asyncio.createTask(() -> {
                trace.add("eager body");
                return "done";
            }, "eager", true);
            trace.add("after createTask, done=" + t.done());
            assertSame(TaskFactory.EAGER, Asyncio.eagerTaskFactory());
            return null;
        });
        assertEquals(List.of("eager body", "after createTask, done=true"), trace);
    }
}
