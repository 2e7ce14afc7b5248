package org.asyncio4j.tests.examples;

import static org.asyncio4j.tests.examples.ProgramOutput.assertPrints;
import static org.asyncio4j.tests.examples.ProgramOutput.matching;

import org.asyncio4j.examples.seeds.DocsAsCompleted;
import org.asyncio4j.examples.seeds.DocsRunCoroutineThreadsafe;
import org.asyncio4j.examples.seeds.DocsToThread;
import org.junit.jupiter.api.Test;

/** Runs the examples of seed 000 (Python documentation: as_completed, to_thread, run_coroutine_threadsafe). */
class SeedDocsExamplesTest {

    @Test
    void asCompletedYieldsTheOriginalTasksInCompletionOrderAndTimesOut() throws Exception {
        assertPrints(DocsAsCompleted::main,
                "connected to ::1 port 80 (an original task: true)",
                "connected to 127.0.0.1 port 80 (an original task: true)",
                "connected to ::1 port 80",
                "TimeoutError: the other connection took longer than 0.2 s");
    }

    @Test
    void toThreadOverlapsTheBlockingCallWithTheSleep() throws Exception {
        assertPrints(DocsToThread::main,
                matching("started main at \\d\\d:\\d\\d:\\d\\d"),
                matching("start blocking_io at \\d\\d:\\d\\d:\\d\\d"),
                matching("blocking_io complete at \\d\\d:\\d\\d:\\d\\d"),
                matching("finished main at \\d\\d:\\d\\d:\\d\\d"));
    }

    @Test
    void runCoroutineThreadsafeReportsTheThreeOutcomes() throws Exception {
        assertPrints(DocsRunCoroutineThreadsafe::main,
                "future.result(timeout) == 3: true",
                "The coroutine took too long, cancelling the task...",
                "The coroutine raised an exception: java.lang.IllegalStateException: boom",
                "The coroutine returned: 'done'");
    }
}
