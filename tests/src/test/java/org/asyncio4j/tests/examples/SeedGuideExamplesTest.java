package org.asyncio4j.tests.examples;

import static org.asyncio4j.tests.examples.ProgramOutput.assertPrints;
import static org.asyncio4j.tests.examples.ProgramOutput.matching;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.stream.IntStream;
import org.asyncio4j.examples.seeds.GuideAllTasks;
import org.asyncio4j.examples.seeds.GuideAsyncComprehensions;
import org.asyncio4j.examples.seeds.GuideAsyncContextManager;
import org.asyncio4j.examples.seeds.GuideAsyncGenerator;
import org.asyncio4j.examples.seeds.GuideAsyncIterator;
import org.asyncio4j.examples.seeds.GuideBackgroundTasks;
import org.asyncio4j.examples.seeds.GuideBlockingTasks;
import org.asyncio4j.examples.seeds.GuideCancelTask;
import org.asyncio4j.examples.seeds.GuideCoroutines;
import org.asyncio4j.examples.seeds.GuideCreateTasks;
import org.asyncio4j.examples.seeds.GuideCurrentTask;
import org.asyncio4j.examples.seeds.GuideDelayedTask;
import org.asyncio4j.examples.seeds.GuideErrorBlockingTheLoop;
import org.asyncio4j.examples.seeds.GuideErrorCallingCoroutine;
import org.asyncio4j.examples.seeds.GuideErrorExitingEarly;
import org.asyncio4j.examples.seeds.GuideErrorLowLevelApi;
import org.asyncio4j.examples.seeds.GuideErrorNeverAwaited;
import org.asyncio4j.examples.seeds.GuideErrorRaceCondition;
import org.asyncio4j.examples.seeds.GuideErrorUnretrievedException;
import org.asyncio4j.examples.seeds.GuideEventLoop;
import org.asyncio4j.examples.seeds.GuideFollowUpTasks;
import org.asyncio4j.examples.seeds.GuideGather;
import org.asyncio4j.examples.seeds.GuideProgress;
import org.asyncio4j.examples.seeds.GuideShield;
import org.asyncio4j.examples.seeds.GuideSubprocesses;
import org.asyncio4j.examples.seeds.GuideTaskGroup;
import org.asyncio4j.examples.seeds.GuideTaskResults;
import org.asyncio4j.examples.seeds.GuideTaskStatus;
import org.asyncio4j.examples.seeds.GuideWait;
import org.asyncio4j.examples.seeds.GuideWaitFor;
import org.junit.jupiter.api.Test;

/** Runs the examples of seed 001 (the book-length guide), section by section. */
class SeedGuideExamplesTest {

    private static List<String> numbered(String format, int from, int to) {
        return IntStream.rangeClosed(from, to).mapToObj(i -> String.format(format, i)).toList();
    }

    private static Object[] lines(List<?>... parts) {
        List<Object> all = new ArrayList<>();
        for (List<?> p : parts) {
            all.addAll(p);
        }
        return all.toArray();
    }

    @Test
    void coroutinesAreDefinedCreatedAndRun() throws Exception {
        assertPrints(GuideCoroutines::main,
                "coro is a Coroutine: true", "nothing ran yet", "main: awaiting custom_coro", "custom_coro: sleeping",
                "custom_coro: done", "main: done");
    }

    @Test
    void newEventLoopAndGetRunningLoop() throws Exception {
        assertPrints(GuideEventLoop::main,
                matching("<EventLoop engine=(CONTINUATION|VIRTUAL_THREADS) running=false closed=false debug=false>"),
                matching("running loop: <EventLoop engine=(CONTINUATION|VIRTUAL_THREADS) running=true closed=false debug=false>"));
    }

    @Test
    void tasksMadeThreeWaysRunOnceTheCreatorSuspends() throws Exception {
        assertPrints(GuideCreateTasks::main,
                "three tasks created; none has run yet",
                "task made by create_task is running",
                "task made by ensure_future is running",
                "task made by loop.create_task is running",
                "results: create_task, ensure_future, loop.create_task");
    }

    @Test
    void taskStatusResultExceptionCancelCallbacksAndName() throws Exception {
        assertPrints(GuideTaskStatus::main,
                "created: done=false",
                "result() too early: InvalidStateError: Result is not ready.",
                "done callback: MyTask is done",
                "after await: done=true cancelled=false result=42 exception=null",
                "failed: result() throws IllegalArgumentException: bad input",
                "failed: exception() returns IllegalArgumentException: bad input",
                "cancel() of a running task: true",
                "cancelled: cancelled=true done=true",
                "cancelled: result() throws CancelledError",
                "cancelled: exception() throws CancelledError",
                "cancel() of a done task: false",
                "callbacks removed: 1",
                "name: MyTask -> RenamedTask");
    }

    @Test
    void currentTaskIsTheMainTask() throws Exception {
        assertPrints(GuideCurrentTask::main, "main coroutine started", matching("<Task name='Task-\\d+' pending>"));
    }

    @Test
    void allTasksListsTheTenTasksAndMain() throws Exception {
        List<String> out = ProgramOutput.of(GuideAllTasks::main);
        assertEquals(22, out.size(), String.join("\n", out));
        assertEquals("main coroutine started", out.get(0));
        assertEquals(numbered("task %d is running", 0, 9), out.subList(1, 11));
        List<String> names = out.subList(11, 22);
        assertTrue(names.stream().allMatch(l -> l.matches("> Task-\\d+")), String.join("\n", names));
        assertEquals(11, new HashSet<>(names).size(), "eleven different tasks: " + names);
    }

    @Test
    void gatherOfAListOfCoroutinesAndOfAGroupAwaitedLater() throws Exception {
        assertPrints(GuideGather::main, lines(
                List.of("main starting"),
                numbered(">task %d executing", 0, 9),
                List.of("main done", "results: [coro1, coro2]", "group done before it was awaited: true",
                        "results of the group: [0, 10, 20]")));
    }

    @Test
    void waitForAllTasksThenFirstCompletedFirstExceptionAndTimeout() throws Exception {
        assertPrints(GuideWait::main,
                ">task 6 done with 8.135150397167168E-4",
                ">task 3 done with 0.09416541001140322",
                ">task 1 done with 0.1882981476357477",
                ">task 8 done with 0.30275191643973964",
                ">task 5 done with 0.4940935761119589",
                ">task 7 done with 0.49480492586390856",
                ">task 4 done with 0.5820881256910192",
                ">task 0 done with 0.6184536328301764",
                ">task 9 done with 0.7074502249189744",
                ">task 2 done with 0.9309788145598492",
                "All done",
                "FIRST_COMPLETED: 1 done, 2 pending",
                "FIRST_EXCEPTION: 1 done, 1 pending, exception: IllegalStateException: failed early",
                "timeout: 1 done, 1 pending");
    }

    @Test
    void taskGroupWaitsForItsTasksAndCancelsThemOnFailure() throws Exception {
        assertPrints(GuideTaskGroup::main,
                "Hello from coroutine 1", "Hello from coroutine 2", "Hello from coroutine 3", "Done",
                "task 2 was cancelled", "the group failed: [IllegalStateException: coroutine 1 failed]",
                "task 3 cancelled: true");
    }

    @Test
    void waitForGivesUpAndCancels() throws Exception {
        assertPrints(GuideWaitFor::main,
                ">task got 1.6184536328301764", "Gave up waiting, task canceled",
                "the task failed: IllegalStateException: no data");
    }

    @Test
    void shieldIsCancelledWhileTheTaskFinishes() throws Exception {
        assertPrints(GuideShield::main,
                "cancelled: true", "shielded was cancelled", "shielded: <Future cancelled>",
                matching("task: <Task name='Task-\\d+' finished result=1>"),
                "shield of a cancelled task cancelled: true");
    }

    @Test
    void blockingTasksRunInThreadsAndExecutors() throws Exception {
        assertPrints(GuideBlockingTasks::main,
                "Main running the blocking task", "Main doing other things", "Task starting", "Task done",
                "run_in_executor(None): 42", "run_in_executor(exe): 43");
    }

    @Test
    void asyncIteratorWithAsyncForAnextAndComprehension() throws Exception {
        assertPrints(GuideAsyncIterator::main, lines(
                numbered("%d", 1, 10),
                List.of("anext: 1, then 2", "comprehension: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]")));
    }

    @Test
    void asyncGeneratorWithAsyncForAnextAndComprehension() throws Exception {
        assertPrints(GuideAsyncGenerator::main, lines(
                numbered("%d", 0, 9),
                List.of("anext: 0, then 1", "comprehension: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]")));
    }

    @Test
    void asyncContextManagerEntersAndExits() throws Exception {
        assertPrints(GuideAsyncContextManager::main,
                ">entering the context manager", "within the manager", ">exiting the context manager",
                ">entering the context manager", "within the manager, by hand", ">exiting the context manager");
    }

    @Test
    void comprehensionsAsyncComprehensionsAndAwaitComprehension() throws Exception {
        assertPrints(GuideAsyncComprehensions::main,
                "list: [0, 2, 4, ..., 198] (100 items)", "dict: {a=0, b=1, c=2}", "set: [1, 2, 3, 4, 5]",
                "async list comprehension (iterator): [0, 1, 2]", "async list comprehension (generator): [0, 10, 20]",
                "await comprehension: [1, 2, 3]");
    }

    @Test
    void subprocessesRunDirectlyAndThroughTheShell() throws Exception {
        assertPrints(GuideSubprocesses::main,
                matching("subprocess: pid \\d+"), "readline: Hello World", "exit code: 0", "shell: 2 words",
                "communicate: Hello");
    }

    @Test
    void errorCallingACoroutineRunsItOrFailsOutsideALoop() throws Exception {
        assertPrints(GuideErrorCallingCoroutine::main,
                "hi there",
                "IllegalStateException: sleep() called outside a coroutine: no event loop is running in this thread",
                "hi there", "hi there, after a sleep");
    }

    @Test
    void errorNeverAwaitedReportsNothingAndTheThreeWaysToRunACoroutine() throws Exception {
        assertPrints(GuideErrorNeverAwaited::main,
                "coro created and dropped: nothing ran, nothing is reported",
                "hi there (asyncio.run(coro))", "hi there (await coro)", "hi there (asyncio.create_task(coro))");
    }

    @Test
    void errorLowLevelApiComputesTheSameAsTheHighLevelOne() throws Exception {
        assertPrints(GuideErrorLowLevelApi::main, "high-level API: 3", "low-level API: 3");
    }

    @Test
    void errorExitingTooEarlyCancelsTheBackgroundTasks() throws Exception {
        assertPrints(GuideErrorExitingEarly::main,
                "main returns",
                "background task 1 cancelled: main returned too early",
                "background task 2 cancelled: main returned too early",
                "main waits for 2 background tasks",
                "background task 1 done", "background task 2 done", "main returns");
    }

    @Test
    void errorRaceConditionLosesUpdatesWithoutALockAndTwoLocksDeadlock() throws Exception {
        assertPrints(GuideErrorRaceCondition::main,
                "without a lock: balance 1 (100 deposits of 1)",
                "with a lock: balance 100 (100 deposits of 1)",
                "locks taken in opposite orders: deadlock, gave up after 0.1 s",
                "locks taken in one order: both tasks done");
    }

    @Test
    void errorBlockingTheLoopIsReportedInDebugMode() throws Exception {
        assertPrints(GuideErrorBlockingTheLoop::main,
                "ticks while time.sleep blocked the loop: 0",
                matching("debug mode reported: Executing <Task name='main' pending> took \\d+\\.\\d{3} seconds"),
                "the ticker ran while to_thread slept: true");
    }

    @Test
    void errorUnretrievedExceptionIsReportedByTheTimeTheLoopCloses() throws Exception {
        assertPrints(GuideErrorUnretrievedException::main,
                "the forgotten task failed: done=true",
                "the awaited task failed: IllegalStateException: handled",
                "exception handler: Task exception was never retrieved: java.lang.IllegalStateException: nobody retrieves me",
                "run() returned");
    }

    @Test
    void cancellingARunningTask() throws Exception {
        assertPrints(GuideCancelTask::main,
                "main coroutine started", "executing the task", "was canceled: true", "canceled: true",
                "main coroutine done");
    }

    @Test
    void taskResultsByAwaitAndResult() throws Exception {
        assertPrints(GuideTaskResults::main,
                "await other_coro(): 100", "await asyncio.create_task(custom_coro()): done",
                "task.result() too early: InvalidStateError", "await task: 100", "await task again: 100",
                "task.result(): 100");
    }

    @Test
    void aBackgroundTaskStartsWhenTheCallerSuspends() throws Exception {
        assertPrints(GuideBackgroundTasks::main,
                "task scheduled", "main: sleep(0)", "background task started", "main: going on with other work",
                "background task done", "main: the task returned 7");
    }

    @Test
    void doneCallbacksShowProgress() throws Exception {
        assertPrints(GuideProgress::main, "..........", "all 10 tasks done");
    }

    @Test
    void aCoroutineRunAfterADelay() throws Exception {
        assertPrints(GuideDelayedTask::main,
                "awaited after a delay: hello", "main goes on while the delayed task waits", "delayed task: hello");
    }

    @Test
    void followUpTasksIssuedThreeWays() throws Exception {
        assertPrints(GuideFollowUpTasks::main,
                "work 1 done", "follow-up of work 1 (issued by the task itself)",
                "work 2 done", "follow-up of work 2 (issued by the caller)",
                "work 3 done", "follow-up of work 3 (issued by a done callback)");
    }
}
