package org.asyncio4j.tests;

import java.util.ArrayList;
import java.util.List;

/**
 * An event trace for ordering tests: its {@link #toString()} joins the events with {@code " | "}, the
 * format the CPython reference scripts under {@code src/test/python} print, so a test can assert that
 * the Java trace equals CPython's line for line.
 */
final class Trace {
    private final List<String> events = new ArrayList<>();

    /** @param event what happened */
    synchronized void add(String event) {
        events.add(event);
    }

    /** @return the events so far */
    synchronized List<String> events() {
        return List.copyOf(events);
    }

    @Override
    public synchronized String toString() {
        return String.join(" | ", events);
    }
}
