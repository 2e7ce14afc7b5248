package org.asyncio4j.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;

/** Heap occupancy after a full collection, for the bytes-per-suspended-task figures. */
public final class Heap {
    private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();

    private Heap() {
    }

    /**
     * Runs a full collection (G1's {@code System.gc()} is a full, compacting one; a second one changed the
     * figure by less than 0.1% and costs seconds with a million tasks), then returns the heap in use.
     *
     * @return bytes of heap in use after the collection
     */
    public static long usedAfterGc() {
        System.gc();
        return MEMORY.getHeapMemoryUsage().getUsed();
    }
}
