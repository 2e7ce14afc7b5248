package org.asyncio4j.bench;

/** One way of running the workloads: raw kotlinx.coroutines, or asyncio4j with a given kind of body. */
public interface Contender extends AutoCloseable {
    /** @return the short key used in the JSON output (kotlinx, continuation, virtual, kotlin-tasks) */
    String key();

    /** @return the label of the table row */
    String label();

    /** @return how it runs (dispatcher, engine), printed once in the header */
    String description();

    /**
     * Runs one repetition of a workload and checks its result.
     *
     * @param w the workload
     * @param n its size
     * @return the measured figures
     * @throws AssertionError if the workload computed a wrong result
     */
    Sample run(Workload w, int n);

    /** Releases what the contender holds (a dispatcher thread); by default nothing. */
    @Override
    default void close() {
    }
}
