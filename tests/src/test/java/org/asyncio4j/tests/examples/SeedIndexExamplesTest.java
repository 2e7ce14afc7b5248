package org.asyncio4j.tests.examples;

import static org.asyncio4j.tests.examples.ProgramOutput.assertPrints;
import static org.asyncio4j.tests.examples.ProgramOutput.matching;

import org.asyncio4j.examples.seeds.IndexAsCompleted;
import org.asyncio4j.examples.seeds.IndexGather;
import org.asyncio4j.examples.seeds.IndexRunAndTasks;
import org.asyncio4j.examples.seeds.IndexRunCoroutineThreadsafe;
import org.asyncio4j.examples.seeds.IndexRunner;
import org.asyncio4j.examples.seeds.IndexShield;
import org.asyncio4j.examples.seeds.IndexSleep;
import org.asyncio4j.examples.seeds.IndexTimeout;
import org.asyncio4j.examples.seeds.IndexTimeoutClass;
import org.asyncio4j.examples.seeds.IndexToThread;
import org.asyncio4j.examples.seeds.IndexWait;
import org.asyncio4j.examples.seeds.IndexWaitFor;
import org.junit.jupiter.api.Test;

/** Runs the examples of seed 004 (function and class index). */
class SeedIndexExamplesTest {

    @Test
    void runCreateTaskCurrentTaskAllTasks() throws Exception {
        assertPrints(IndexRunAndTasks::main,
                "current task is main: true", "all tasks: main and do_work", "some_work done", "all tasks: main only");
    }

    @Test
    void sleepZeroInterleavesTwoTasks() throws Exception {
        assertPrints(IndexSleep::main,
                "A step 0", "B step 0", "A step 1", "B step 1", "A step 2", "B step 2", "sleep(0.01, result): done");
    }

    @Test
    void gatherResultsExceptionsAndCancellation() throws Exception {
        assertPrints(IndexGather::main,
                "[Hi, Bye]",
                "raised: IllegalStateException: oops",
                "the other one kept running and returned: Bye",
                "return_exceptions: [Hi, java.lang.IllegalStateException: oops]",
                "gather cancelled, its child too: true");
    }

    @Test
    void waitForTimesOutReturnsOrReturnsWhatTheCancelledCoroutineReturned() throws Exception {
        assertPrints(IndexWaitFor::main, "Timed out!", "Result: fast", "Result: partial result");
    }

    @Test
    void shieldProtectsTheTaskFromTheCallersCancellationOnly() throws Exception {
        assertPrints(IndexShield::main,
                "outer coroutine cancelled: res = null",
                "the shielded task kept running: something done",
                "a task cancelled itself, the shield too: true");
    }

    @Test
    void waitWithATimeoutLeavesThePendingTaskRunning() throws Exception {
        assertPrints(IndexWait::main,
                "done: 1, pending: 1", "the pending task is still running: true", "FIRST_COMPLETED: done 1, pending 1");
    }

    @Test
    void timeoutAndTimeoutAt() throws Exception {
        assertPrints(IndexTimeout::main,
                "timeout(0.05): TimeoutError", "timeout_at(loop.time() + 0.05): TimeoutError", "timeout(None): done");
    }

    @Test
    void toThreadRunsBlockingIoInAThread() throws Exception {
        assertPrints(IndexToThread::main,
                matching("Main started: \\d\\d:\\d\\d:\\d\\d"),
                matching("Start IO: \\d\\d:\\d\\d:\\d\\d"),
                matching("Done IO: \\d\\d:\\d\\d:\\d\\d"),
                matching("Main done: \\d\\d:\\d\\d:\\d\\d"));
    }

    @Test
    void runCoroutineThreadsafeFromAPlainThread() throws Exception {
        assertPrints(IndexRunCoroutineThreadsafe::main, "result == 3: true");
    }

    @Test
    void asCompletedWithAsyncFor() throws Exception {
        assertPrints(IndexAsCompleted::main, "::1 port 2", "127.0.0.1 port 1");
    }

    @Test
    void runnerRunsSeveralCoroutinesOnOneLoopAndClosesIt() throws Exception {
        assertPrints(IndexRunner::main,
                "result: 1", "result: 2", "same loop for both runs: true", "loop closed after the with block: true",
                "debug loop from loop_factory: true");
    }

    @Test
    void timeoutClassMethods() throws Exception {
        assertPrints(IndexTimeoutClass::main,
                "The long operation timed out.", "This will still run.", "when() is None: true", "rescheduled: true",
                "expired: false");
    }
}
