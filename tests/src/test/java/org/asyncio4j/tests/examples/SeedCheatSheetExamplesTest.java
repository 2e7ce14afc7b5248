package org.asyncio4j.tests.examples;

import static org.asyncio4j.tests.examples.ProgramOutput.assertPrints;

import org.asyncio4j.examples.seeds.CheatCallbacks;
import org.asyncio4j.examples.seeds.CheatCoroutines;
import org.asyncio4j.examples.seeds.CheatDoSomeWork;
import org.asyncio4j.examples.seeds.CheatEventLoops;
import org.asyncio4j.examples.seeds.CheatFutures;
import org.asyncio4j.examples.seeds.CheatRunInExecutor;
import org.asyncio4j.examples.seeds.CheatTasks;
import org.junit.jupiter.api.Test;

/** Runs the examples of seed 003 (cheat sheet: event loops, futures, tasks, callbacks, run_in_executor). */
class SeedCheatSheetExamplesTest {

    @Test
    void doSomeWorkTakesTwelveVirtualSeconds() throws Exception {
        assertPrints(CheatDoSomeWork::main,
                "Started", "Waiting 12", "Started", "Waiting 1",
                "a1: Girish  a2: Sancheti", "Completed", "Took 12000.0000 ms");
    }

    @Test
    void coroutinesRunWhenAwaitedOrScheduled() throws Exception {
        assertPrints(CheatCoroutines::main,
                "4",
                "connected to example.com (ensure_future)",
                "connected to example.com (loop.create_task)",
                "a sleep to await later: done");
    }

    @Test
    void futureCallbacksRunInOrderWithTheResult() throws Exception {
        assertPrints(CheatFutures::main,
                "setting the result",
                "callback fn: result 42",
                "callback with an extra argument (first): result 42",
                "awaited: 42");
    }

    @Test
    void tasksRunUntilCompleteAndAreAwaitedTwice() throws Exception {
        assertPrints(CheatTasks::main,
                "done callback: result 1",
                "run_until_complete: 1",
                "run_until_complete: 2",
                "awaited twice: 1, 1");
    }

    @Test
    void loopsRunUntilCompleteForeverAndInAWorkerThread() throws Exception {
        assertPrints(CheatEventLoops::main,
                "run_until_complete: 6",
                "run_forever: stopped by a callback",
                "worker thread runs the loop",
                "call_soon_threadsafe: ran on the loop's thread",
                "run_coroutine_threadsafe: 7",
                "worker loop stopped");
    }

    @Test
    void callSoonAndCallLaterRunInOrder() throws Exception {
        assertPrints(CheatCallbacks::main,
                "call_soon: first 1 2", "call_soon: second 3 4", "call_later 0.02 s", "call_later 0.05 s");
    }

    @Test
    void runInExecutorRunsTheBlockingMethodInAnotherThread() throws Exception {
        assertPrints(CheatRunInExecutor::main, "blocking method ran in another thread: true", "result: 5");
    }
}
