package org.asyncio4j.tests;

import static org.asyncio4j.Asyncio.currentTask;
import static org.asyncio4j.Asyncio.sleep;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.asyncio4j.CancelledError;
import org.asyncio4j.Task;
import org.junit.jupiter.api.Test;

/**
 * {@code sleep(0)} in a task that is the only ready callback: both engines let the body go on without a switch
 * (the loop would resume it at once), yet every loop iteration still happens. Each trace is the one CPython 3.13
 * prints for the same program.
 */
class LoneYieldTest extends LoopTest {

    @Test
    void aTimerThatFallsDueWhileATaskYieldsAloneRunsAfterItsNextStep() {
        List<String> trace = new ArrayList<>();
        runMain(() -> {
            loop.callLater(0, () -> trace.add("timer"));
            trace.add("yield 1");
            sleep(0);
            trace.add("yield 2");
            sleep(0);
            trace.add("end");
            return null;
        });
        assertEquals(List.of("yield 1", "yield 2", "timer", "end"), trace);
    }

    @Test
    void aLoneYieldingTaskCancelledByACallbackGetsCancelledErrorAtItsNextYield() {
        List<String> trace = new ArrayList<>();
        int n = runMain(() -> {
            Task<?> me = currentTask();
            loop.callLater(0, () -> {
                trace.add("cancel");
                me.cancel();
            });
            int i = 0;
            try {
                while (true) {
                    trace.add("yield " + i);
                    sleep(0);
                    i++;
                }
            } catch (CancelledError e) {
                trace.add("cancelled after " + i);
                trace.add("uncancel -> " + me.uncancel());
            }
            sleep(0);
            trace.add("end");
            return i;
        });
        assertEquals(1, n);
        assertEquals(List.of("yield 0", "yield 1", "cancel", "cancelled after 1", "uncancel -> 0", "end"), trace);
    }

    @Test
    void stopEndsRunForeverAfterTheIterationEvenWhileATaskYieldsAlone() {
        List<String> trace = new ArrayList<>();
        Task<Void> spinner = loop.createTask(() -> {
            for (int i = 0; ; i++) {
                trace.add("yield " + i);
                sleep(0);
            }
        });
        loop.callSoon(() -> loop.callLater(0, () -> {
            trace.add("stop");
            loop.stop();
        }));
        loop.runForever();
        trace.add("stopped done=" + spinner.done());
        spinner.cancel();
        assertThrows(CancelledError.class, () -> loop.runUntilComplete(spinner));
        trace.add("cancelled");
        assertEquals(List.of("yield 0", "yield 1", "stop", "stopped done=false", "cancelled"), trace);
    }
}
