package org.asyncio4j.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.asyncio4j.Asyncio;
import org.asyncio4j.Engine;
import org.asyncio4j.EventLoop;
import org.asyncio4j.LoopConfig;
import org.junit.jupiter.api.Test;

class EngineSelectionTest {
    @Test
    void theSuiteRunsOnTheEngineItWasStartedFor() {
        String forced = System.getProperty("asyncio4j.engine");
        String expected = System.getProperty("asyncio4j.expectEngine", forced);
        assumeTrue(expected != null, "the suite was not started by the build");
        try (EventLoop loop = Asyncio.newEventLoop()) {
            Engine want = expected.equals("continuation") ? Engine.CONTINUATION : Engine.VIRTUAL_THREADS;
            assertEquals(want, loop.engine());
        }
    }

    @Test
    void aLoopFactoryCanChooseTheVirtualThreadEngine() {
        try (EventLoop loop = Asyncio.newEventLoop(LoopConfig.defaults().withEngine(Engine.VIRTUAL_THREADS))) {
            assertEquals(Engine.VIRTUAL_THREADS, loop.engine());
            assertEquals("vt", loop.runUntilComplete(() -> Asyncio.sleep(0, "vt")));
        }
    }

    @Test
    void theContinuationEngineWithoutTheFlagIsAClearError() {
        assumeTrue(System.getProperty("asyncio4j.expectEngine", "").equals("virtual"));
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> Asyncio.newEventLoop(LoopConfig.defaults().withEngine(Engine.CONTINUATION)));
        assertEquals(true, e.getMessage().contains("--add-exports java.base/jdk.internal.vm=ALL-UNNAMED"));
    }
}
