package org.asyncio4j;

import java.nio.file.Path;
import java.util.Map;

/**
 * The keyword arguments of {@code create_subprocess_exec}/{@code create_subprocess_shell}. Immutable; the
 * {@code with*} methods return copies.
 *
 * @param stdin where the child's stdin comes from (default {@link Stdio#INHERIT})
 * @param stdout where its stdout goes
 * @param stderr where its stderr goes ({@link Stdio#STDOUT}: with stdout)
 * @param limit the limit of the stdout/stderr readers (default 64 KiB)
 * @param cwd the working directory, or null for this process's
 * @param env the whole environment of the child, or null for this process's
 */
public record SubprocessOptions(Stdio stdin, Stdio stdout, Stdio stderr, int limit, Path cwd, Map<String, String> env) {

    /** Checks the values. */
    public SubprocessOptions {
        if (stdin == null || stdout == null || stderr == null) {
            throw new IllegalArgumentException("stdin, stdout and stderr must not be null (use Stdio.INHERIT)");
        }
        if (stdin == Stdio.STDOUT || stdout == Stdio.STDOUT) {
            throw new IllegalArgumentException("Stdio.STDOUT is only valid for stderr");
        }
        if (limit <= 0) {
            throw new IllegalArgumentException("Limit cannot be <= 0");
        }
        env = env == null ? null : Map.copyOf(env);
    }

    /** @return every stream inherited, default limit, current directory and environment */
    public static SubprocessOptions defaults() {
        return new SubprocessOptions(Stdio.INHERIT, Stdio.INHERIT, Stdio.INHERIT, StreamReader.DEFAULT_LIMIT, null, null);
    }

    /** @return stdin, stdout and stderr all {@link Stdio#PIPE} */
    public static SubprocessOptions pipes() {
        return defaults().withStdin(Stdio.PIPE).withStdout(Stdio.PIPE).withStderr(Stdio.PIPE);
    }

    /** @param v where stdin comes from @return a copy */
    public SubprocessOptions withStdin(Stdio v) {
        return new SubprocessOptions(v, stdout, stderr, limit, cwd, env);
    }

    /** @param v where stdout goes @return a copy */
    public SubprocessOptions withStdout(Stdio v) {
        return new SubprocessOptions(stdin, v, stderr, limit, cwd, env);
    }

    /** @param v where stderr goes @return a copy */
    public SubprocessOptions withStderr(Stdio v) {
        return new SubprocessOptions(stdin, stdout, v, limit, cwd, env);
    }

    /** @param v the reader limit @return a copy */
    public SubprocessOptions withLimit(int v) {
        return new SubprocessOptions(stdin, stdout, stderr, v, cwd, env);
    }

    /** @param v the working directory @return a copy */
    public SubprocessOptions withCwd(Path v) {
        return new SubprocessOptions(stdin, stdout, stderr, limit, v, env);
    }

    /** @param v the child's whole environment @return a copy */
    public SubprocessOptions withEnv(Map<String, String> v) {
        return new SubprocessOptions(stdin, stdout, stderr, limit, cwd, v);
    }
}
