package org.asyncio4j.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DebugModeTest extends LoopTest {
    private final List<String> warnings = new CopyOnWriteArrayList<>();
    private final Logger logger = Logger.getLogger("org.asyncio4j");
    private final Handler handler = new Handler() {
        @Override
        public void publish(LogRecord r) {
            warnings.add(r.getMessage());
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void capture() {
        logger.addHandler(handler);
    }

    @AfterEach
    void release() {
        logger.removeHandler(handler);
    }

    @Test
    void debugModeLogsASlowCallbackAndAStalledLoop() throws Exception {
        loop.setDebug(true);
        loop.setSlowCallbackDuration(0.02);
        runMain(() -> {
            Thread.sleep(800); // blocks the loop, as time.sleep does in Python
            return null;
        });
        assertTrue(warnings.stream().anyMatch(m -> m.startsWith("Executing ") && m.contains("took")), warnings::toString);
        assertTrue(warnings.stream().anyMatch(m -> m.contains("has made no progress")), warnings::toString);
    }

    @Test
    void withoutDebugNothingIsLogged() {
        assertEquals(false, loop.getDebug());
        runMain(() -> {
            Thread.sleep(50);
            return null;
        });
        assertEquals(List.of(), warnings);
    }

    @Test
    void theSlowCallbackDurationMustBePositive() {
        assertThrows(IllegalArgumentException.class, () -> loop.setSlowCallbackDuration(0));
        assertEquals(0.1, loop.getSlowCallbackDuration());
    }
}
