package org.asyncio4j.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;

/** Heap occupancy after a full collection, for the bytes-per-suspended-task figures. */
public final class Heap {
    private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();

    private Heap() {
    }

    /**
     * Runs two full collections (the second frees what reference processing of the first released;
     * a third changed nothing measurable here), then returns the heap in use.
     *
     * @return bytes of heap in use after the collections
     */
    public static long usedAfterGc() {
        System.gc();
        System.gc();
        return MEMORY.getHeapMemoryUsage().getUsed();
    }
}
