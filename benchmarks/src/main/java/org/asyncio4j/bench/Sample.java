package org.asyncio4j.bench;

/**
 * One measured repetition.
 *
 * @param nanos wall time of the measured section (for SUSPENDED: from the first spawn until all tasks are suspended)
 * @param heapBytes SUSPENDED only: heap growth after full GC with all tasks suspended; else 0
 */
public record Sample(long nanos, long heapBytes) {
    /** @param nanos wall time @return a sample without a heap figure */
    public static Sample time(long nanos) {
        return new Sample(nanos, 0);
    }
}
