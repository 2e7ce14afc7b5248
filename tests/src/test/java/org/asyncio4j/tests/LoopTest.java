package org.asyncio4j.tests;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.asyncio4j.Asyncio;
import org.asyncio4j.Coroutine;
import org.asyncio4j.EventLoop;
import org.asyncio4j.LoopConfig;
import org.asyncio4j.VirtualClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * Base of behaviour tests: a fresh loop per test on a {@link VirtualClock} (timers fire without real
 * waiting, {@code loop.time()} reads exact deadlines), with the engine the test JVM was started for.
 * Every call of the exception handler is recorded; a test that does not expect any fails if one came.
 */
public abstract class LoopTest {
    protected final Steps steps = new Steps();
    protected final VirtualClock clock = new VirtualClock();
    protected final List<Map<String, Object>> handled = new ArrayList<>();
    protected EventLoop loop;
    private boolean handlerCallsExpected;

    @BeforeEach
    void createLoop() {
        loop = Asyncio.newEventLoop(LoopConfig.defaults().withClock(clock));
        loop.setExceptionHandler((l, ctx) -> handled.add(ctx));
    }

    @AfterEach
    void closeLoop() {
        if (!loop.isClosed()) {
            loop.close();
        }
        if (!handlerCallsExpected && !handled.isEmpty()) {
            fail("unexpected calls of the exception handler: " + handled);
        }
    }

    /** The test inspects {@link #handled} itself. */
    protected void expectHandlerCalls() {
        handlerCallsExpected = true;
    }

    /** @param steps the step counter @param n last step */
    protected void expect(int n) {
        steps.expect(n);
    }

    /** @param n the last step */
    protected void finish(int n) {
        steps.finish(n);
    }

    /** Runs {@code main} as a task on the test's loop until it is done. */
    protected <T> T runMain(Coroutine<T> main) {
        return loop.runUntilComplete(loop.createTask(main));
    }

    /** Asserts a test of the exception handler: exactly one call whose message contains {@code text}. */
    protected Map<String, Object> assertOneHandlerCall(String text) {
        expectHandlerCalls();
        assertTrue(handled.size() == 1, "expected one exception-handler call, got " + handled);
        Map<String, Object> ctx = handled.get(0);
        assertTrue(String.valueOf(ctx.get("message")).contains(text), "message of " + ctx);
        return ctx;
    }
}
