package org.asyncio4j.tests;

import static org.asyncio4j.Asyncio.createSubprocessExec;
import static org.asyncio4j.Asyncio.createSubprocessShell;
import static org.asyncio4j.Asyncio.sleep;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.asyncio4j.AsyncProcess;
import org.asyncio4j.ProcessLookupError;
import org.asyncio4j.ProcessOutput;
import org.asyncio4j.Stdio;
import org.asyncio4j.SubprocessOptions;
import org.junit.jupiter.api.Test;

class SubprocessTest extends NetTest {
    private static final SubprocessOptions PIPES = SubprocessOptions.pipes();

    @Test
    void communicateMovesMegabytesThroughAllThreePipesWithoutDeadlock() {
        byte[] input = new byte[2 * 1024 * 1024];
        new java.util.Random(1).nextBytes(input);
        ProcessOutput out = runMain(() -> {
            AsyncProcess p = createSubprocessShell("cat; head -c 1500000 /dev/zero | tr '\\0' e >&2", PIPES);
            ProcessOutput o = p.communicate(input);
            assertEquals(0, p.returncode());
            return o;
        });
        assertArrayEquals(input, out.stdout());
        assertEquals(1_500_000, out.stderr().length);
        assertEquals('e', out.stderr()[1_499_999]);
    }

    @Test
    void stdoutIsReadLineByLineAndWaitReturnsTheExitStatus() {
        runMain(() -> {
            AsyncProcess p = createSubprocessExec(List.of("seq", "1", "100000"), SubprocessOptions.defaults().withStdout(Stdio.PIPE));
            assertNull(p.stdin());
            assertNull(p.stderr());
            assertTrue(p.pid() > 0);
            long sum = 0;
            int lines = 0;
            for (byte[] line : p.stdout()) {
                sum += Long.parseLong(s(line).trim());
                lines++;
            }
            assertEquals(100_000, lines);
            assertEquals(100_000L * 100_001 / 2, sum);
            assertEquals(0, p.waitFor());
            assertEquals(0, p.returncode());
            return null;
        });
    }

    @Test
    void aChildThatIsNotReadBlocksOnItsPipeWhileTheReaderHoldsABoundedBuffer() {
        runMain(() -> {
            AsyncProcess p = createSubprocessShell("head -c 8388608 /dev/zero; echo done >&2",
                    SubprocessOptions.defaults().withStdout(Stdio.PIPE).withStderr(Stdio.PIPE).withLimit(16 * 1024));
            sleep(0.3);
            assertNull(p.returncode(), "the child is blocked writing to a full pipe");
            long total = 0;
            byte[] chunk;
            while ((chunk = p.stdout().read(1 << 16)).length > 0) {
                total += chunk.length;
            }
            assertEquals(8L * 1024 * 1024, total);
            assertEquals("done\n", s(p.stderr().read()));
            assertEquals(0, p.waitFor());
            return null;
        });
    }

    @Test
    void killAndTerminateGiveNegativeSignalNumbersAsPython() {
        runMain(() -> {
            AsyncProcess killed = createSubprocessExec("sleep", "30");
            AsyncProcess terminated = createSubprocessExec("sleep", "30");
            AsyncProcess interrupted = createSubprocessExec("sleep", "30");
            killed.kill();
            terminated.terminate();
            interrupted.sendSignal(2);
            assertEquals(-9, killed.waitFor());
            assertEquals(-15, terminated.waitFor());
            assertEquals(-2, interrupted.waitFor());
            assertEquals(-9, killed.returncode());
            assertThrows(ProcessLookupError.class, killed::kill);
            return null;
        });
    }

    @Test
    void anExitStatusAndStderrMergedIntoStdout() {
        runMain(() -> {
            AsyncProcess p = createSubprocessShell("echo out; echo err >&2; exit 3",
                    SubprocessOptions.defaults().withStdout(Stdio.PIPE).withStderr(Stdio.STDOUT));
            assertNull(p.stderr());
            ProcessOutput o = p.communicate();
            assertEquals("out\nerr\n", s(o.stdout()));
            assertNull(o.stderr());
            assertEquals(3, p.returncode());
            return null;
        });
    }

    @Test
    void stdinIsAStreamWriterWithDrainAndWaitClosed() {
        runMain(() -> {
            AsyncProcess p = createSubprocessExec(List.of("tr", "a-z", "A-Z"), PIPES.withStderr(Stdio.DEVNULL));
            for (int i = 0; i < 3; i++) {
                p.stdin().write(b("line " + i + "\n"));
                p.stdin().drain();
            }
            assertTrue(p.stdin().canWriteEof());
            p.stdin().close();
            p.stdin().waitClosed();
            assertEquals("LINE 0\nLINE 1\nLINE 2\n", s(p.stdout().read()));
            assertEquals(0, p.waitFor());
            return null;
        });
    }

    @Test
    void communicateIgnoresAChildThatDoesNotReadItsInput() {
        runMain(() -> {
            AsyncProcess p = createSubprocessShell("exit 0", PIPES);
            ProcessOutput o = p.communicate(new byte[4 * 1024 * 1024]);
            assertEquals(0, o.stdout().length);
            assertEquals(0, p.returncode());
            return null;
        });
    }

    @Test
    void environmentAndWorkingDirectoryAreThoseGiven() {
        runMain(() -> {
            AsyncProcess p = createSubprocessShell("echo \"$GREETING\"; pwd",
                    SubprocessOptions.defaults().withStdout(Stdio.PIPE).withCwd(Path.of("/tmp"))
                            .withEnv(Map.of("GREETING", "hi", "PATH", "/usr/bin:/bin")));
            assertEquals("hi\n/tmp\n", s(p.communicate().stdout()));
            return null;
        });
    }

    @Test
    void aMissingProgramCannotBeStarted() {
        runMain(() -> {
            assertThrows(java.io.UncheckedIOException.class, () -> createSubprocessExec("/no/such/program"));
            assertThrows(IllegalArgumentException.class, () -> SubprocessOptions.defaults().withStdout(Stdio.STDOUT));
            return null;
        });
    }
}
