package org.asyncio4j.tests;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Records what asyncio4j logs through {@code System.Logger("org.asyncio4j")} (backed by
 * java.util.logging in the test JVM) while it is open: the way to observe the loop's default
 * exception handler and debug-mode warnings.
 */
final class LogCapture extends Handler implements AutoCloseable {
    private final Logger logger = Logger.getLogger("org.asyncio4j");
    private final List<LogRecord> records = new ArrayList<>();
    private final boolean parentHandlers = logger.getUseParentHandlers();

    /** Starts recording; the records are not printed meanwhile. */
    LogCapture() {
        setLevel(Level.ALL);
        logger.setUseParentHandlers(false);
        logger.addHandler(this);
    }

    /** @return the records logged at {@code level} so far */
    synchronized List<LogRecord> at(Level level) {
        return records.stream().filter(r -> r.getLevel() == level).toList();
    }

    @Override
    public synchronized void publish(LogRecord rec) {
        records.add(rec);
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
        logger.removeHandler(this);
        logger.setUseParentHandlers(parentHandlers);
    }
}
