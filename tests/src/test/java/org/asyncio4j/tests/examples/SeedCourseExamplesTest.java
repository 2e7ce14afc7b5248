package org.asyncio4j.tests.examples;

import static org.asyncio4j.tests.examples.ProgramOutput.assertPrints;
import static org.asyncio4j.tests.examples.ProgramOutput.matching;

import org.asyncio4j.examples.seeds.CourseAsCompleted;
import org.asyncio4j.examples.seeds.CourseGather;
import org.asyncio4j.examples.seeds.CourseRun;
import org.asyncio4j.examples.seeds.CourseToThread;
import org.junit.jupiter.api.Test;

/** Runs the examples of seed 002 (course notes: run, gather, as_completed, to_thread). */
class SeedCourseExamplesTest {

    @Test
    void runOnceThenThreeTimesInSequence() throws Exception {
        assertPrints(CourseRun::main, "hello", "hello", "hello", "hello");
    }

    @Test
    void gatherRunsConcurrentlyAndReturnsInArgumentOrder() throws Exception {
        assertPrints(CourseGather::main,
                "a: started", "b: started", "c: started",
                "b: finished", "a: finished", "c: finished",
                "Result: [a, b, c]");
    }

    @Test
    void asCompletedHandsResultsBackInCompletionOrder() throws Exception {
        assertPrints(CourseAsCompleted::main,
                "a: started", "b: started", "c: started",
                "b: finished", "b", "a: finished", "a", "c: finished", "c");
    }

    @Test
    void toThreadRunsTheBlockingWorkBesideTheSleep() throws Exception {
        assertPrints(CourseToThread::main,
                matching("Started main at \\d\\d:\\d\\d:\\d\\d"),
                matching("Work started \\d\\d:\\d\\d:\\d\\d"),
                matching("Work done at \\d\\d:\\d\\d:\\d\\d"),
                matching("Finished main at \\d\\d:\\d\\d:\\d\\d"));
    }
}
