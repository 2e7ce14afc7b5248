package org.asyncio4j;

/**
 * What {@link AsyncProcess#communicate} returns: Python's {@code (stdout_data, stderr_data)}.
 *
 * @param stdout everything the child wrote to stdout, or null if stdout was not a pipe
 * @param stderr everything it wrote to stderr, or null if stderr was not a pipe
 */
public record ProcessOutput(byte[] stdout, byte[] stderr) {
}
