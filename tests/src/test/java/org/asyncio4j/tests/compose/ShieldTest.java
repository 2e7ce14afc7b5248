package org.asyncio4j.tests.compose;

import static org.asyncio4j.Asyncio.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.asyncio4j.CancelledError;
import org.asyncio4j.Future;
import org.asyncio4j.Task;
import org.asyncio4j.tests.LoopTest;
import org.junit.jupiter.api.Test;

/** shield: CPython 3.13's asyncio.shield. */
class ShieldTest extends LoopTest {
    private final List<String> trace = new ArrayList<>();

    @Test
    void cancellingTheAwaiterLeavesTheInnerTaskRunningToCompletion() {
        runMain(() -> {
            Task<String> inner = createTask(() -> {
                sleep(1);
                trace.add("inner done");
                return "r";
            });
            Task<Object> outer = createTask(() -> {
                try {
                    return await(shield(inner));
                } catch (CancelledError e) {
                    trace.add("awaiter cancelled");
                    throw e;
                }
            });
            sleep(0.5);
            outer.cancel();
            assertThrows(CancelledError.class, () -> await(outer));
            assertFalse(inner.done());
            assertEquals("r", await(inner));
            return null;
        });
        assertEquals(List.of("awaiter cancelled", "inner done"), trace);
    }

    @Test
    void aCancellationOfTheInnerTaskCancelsTheShield() {
        runMain(() -> {
            Task<String> inner = createTask(() -> sleep(1, "r"));
            Future<String> s = shield(inner);
            loop.callLater(0.5, inner::cancel);
            assertThrows(CancelledError.class, () -> await(s));
            assertTrue(s.cancelled());
            return null;
        });
    }

    @Test
    void resultsAndExceptionsPassThrough() {
        runMain(() -> {
            assertEquals(5, await(shield(() -> sleep(0.1, 5))));
            IllegalStateException boom = new IllegalStateException("boom");
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> await(shield(() -> {
                sleep(0.1);
                throw boom;
            })));
            assertSame(boom, e);
            return null;
        });
    }

    @Test
    void aDoneFutureIsReturnedAsItIs() {
        runMain(() -> {
            Future<String> f = loop.createFuture();
            f.setResult("x");
            assertSame(f, shield(f));
            return null;
        });
    }

    @Test
    void theSeedExampleCancelsTheShieldNotTheTask() {
        // seed 001, "Example of Asyncio shield() for a Task": cancelled: True / shielded was cancelled /
        // shielded: <Future cancelled> / task: <Task finished ... result=1>
        runMain(() -> {
            Task<Integer> task = createTask(() -> sleep(1, 1));
            Future<Integer> shielded = shield(task);
            createTask(() -> {
                sleep(0.2);
                trace.add("cancelled: " + shielded.cancel());
                return null;
            });
            try {
                trace.add(">got: " + await(shielded));
            } catch (CancelledError e) {
                trace.add("shielded was cancelled");
            }
            sleep(1);
            trace.add("shielded: " + shielded);
            trace.add("task: " + task.getName().startsWith("Task-") + " " + task.result());
            return null;
        });
        assertEquals(List.of("cancelled: true", "shielded was cancelled", "shielded: <Future cancelled>", "task: true 1"), trace);
    }

    @Test
    void anExceptionOfTheInnerAfterTheShieldWasCancelledIsStillReportedIfNobodyRetrievesIt() {
        // CPython 3.13: ['Task exception was never retrieved'] (the shield stops listening once cancelled)
        runMain(() -> {
            Task<Object> inner = createTask(() -> {
                sleep(0.2);
                throw new IllegalStateException("late");
            });
            Future<Object> s = shield(inner);
            s.cancel();
            sleep(0.5);
            assertTrue(inner.done());
            return null;
        });
        loop.close();
        assertOneHandlerCall("exception was never retrieved");
    }
}
