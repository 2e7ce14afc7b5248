package org.asyncio4j.tests;

import static org.asyncio4j.Asyncio.await;
import static org.asyncio4j.Asyncio.createTask;
import static org.asyncio4j.Asyncio.currentTask;
import static org.asyncio4j.Asyncio.sleep;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.asyncio4j.CancelledError;
import org.asyncio4j.Task;
import org.junit.jupiter.api.Test;

/** Matches the trace of the same program under CPython 3.13 (cancel messages and task numbering). */
class TaskCancelMessageTest extends LoopTest {

    @Test
    void theCancelMessageReachesTheBodyAndTheAwaiterWhereverTheTaskWas() {
        List<String> trace = new ArrayList<>();
        runMain(() -> {
            Task<Integer> early = createTask(() -> 1);
            early.cancel("early");
            trace.add("awaiter: " + assertThrows(CancelledError.class, () -> await(early)).getMessage());

            Task<Object> mid = createTask(() -> {
                try {
                    sleep(0);
                } catch (CancelledError e) {
                    trace.add("body saw: " + e.getMessage());
                    throw e;
                }
                return null;
            });
            sleep(0);
            mid.cancel("mid");
            trace.add("awaiter2: " + assertThrows(CancelledError.class, () -> await(mid)).getMessage());

            Task<String> self = createTask(() -> {
                currentTask().cancel("self");
                try {
                    sleep(0);
                } catch (CancelledError e) {
                    trace.add("body3 saw: " + e.getMessage());
                    return "swallowed";
                }
                return "not cancelled";
            });
            trace.add(await(self));
            return null;
        });
        assertEquals(List.of("awaiter: early", "body saw: mid", "awaiter2: mid", "body3 saw: self", "swallowed"), trace);
    }

    @Test
    void onlyTasksCreatedWithoutANameConsumeANumber() {
        runMain(() -> {
            int n = Integer.parseInt(createTask(() -> 1).getName().substring("Task-".length()));
            assertEquals("x", createTask(() -> 1, "x").getName());
            assertEquals("Task-" + (n + 1), createTask(() -> 1).getName());
            return null;
        });
    }
}
