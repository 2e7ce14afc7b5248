package org.asyncio4j;

/**
 * A child process: Python's {@code asyncio.subprocess.Process} (named {@code AsyncProcess} so that it does not
 * clash with {@code java.lang.Process}). Made by {@code createSubprocessExec}/{@code createSubprocessShell}.
 *
 * <p>The pipes are fed by background (virtual) threads that hand data to the loop; the readers have the same
 * flow control as sockets (a reader more than twice its limit ahead stops the thread, and the child then
 * blocks on a full pipe). Loop thread only.
 */
public interface AsyncProcess {
    /** @return the process id */
    long pid();

    /**
     * @return the exit status once the process has exited, else null. A process killed by signal N has
     *         {@code -N}, as in Python (see docs/design.md for how it is derived on the JVM)
     */
    Integer returncode();

    /** @return the writer to the child's stdin, or null if stdin is not {@link Stdio#PIPE} */
    StreamWriter stdin();

    /** @return the reader of the child's stdout, or null if stdout is not {@link Stdio#PIPE} */
    StreamReader stdout();

    /** @return the reader of the child's stderr, or null if stderr is not {@link Stdio#PIPE} */
    StreamReader stderr();

    /**
     * Waits for the process to exit and its pipes to close: Python's {@code await proc.wait()}. As in Python,
     * a child writing more than a pipe holds to a stdout/stderr pipe that nobody reads never exits: use
     * {@link #communicate}.
     *
     * @return the exit status
     */
    int waitFor();

    /**
     * Sends {@code input} (if not null) to stdin and closes it, reads stdout and stderr to their end, and
     * waits for the process: Python's {@code await proc.communicate(input)}. A child that exits without
     * reading its input is not an error. Cancellation leaves the process running.
     *
     * @param input bytes for stdin, or null
     * @return the output of the piped streams
     */
    ProcessOutput communicate(byte[] input);

    /** @return as {@link #communicate(byte[])} without input */
    ProcessOutput communicate();

    /**
     * Sends a signal: Python's {@code send_signal}. SIGTERM (15) and SIGKILL (9) go through the JDK; others
     * through the system's {@code kill} command. No effect once the process has exited.
     *
     * @param signal the signal number
     * @throws ProcessLookupError once the process has been waited for
     */
    void sendSignal(int signal);

    /** Sends SIGTERM. */
    void terminate();

    /** Sends SIGKILL. */
    void kill();
}
