package org.asyncio4j;

/** Where a child process's standard stream goes: Python's {@code stdin=}/{@code stdout=}/{@code stderr=} values. */
public enum Stdio {
    /** Python's {@code None}: the child shares this process's stream. */
    INHERIT,
    /** {@code asyncio.subprocess.PIPE}: a stream of the {@link AsyncProcess}. */
    PIPE,
    /** {@code asyncio.subprocess.DEVNULL}: the null device. */
    DEVNULL,
    /** {@code asyncio.subprocess.STDOUT} (stderr only): stderr goes where stdout goes. */
    STDOUT
}
