package org.asyncio4j.examples.seeds;

import static org.asyncio4j.Asyncio.createSubprocessExec;
import static org.asyncio4j.Asyncio.createSubprocessShell;
import static org.asyncio4j.Asyncio.run;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.asyncio4j.AsyncProcess;
import org.asyncio4j.ProcessOutput;
import org.asyncio4j.Stdio;
import org.asyncio4j.SubprocessOptions;

/**
 * Seed 001 (the guide), "Run Commands in Non-Blocking Subprocesses": "How to Run a Command Directly" ({@code
 * asyncio.create_subprocess_exec('echo', 'Hello World')}) and "How to Run a Command Via the Shell" ({@code
 * asyncio.create_subprocess_shell('echo Hello World')}), with the snippets around them: redirecting the output to a
 * pipe ({@code stdout=asyncio.subprocess.PIPE}), reading a line of it ({@code await process.stdout.readline()}),
 * sending input and reading all output ({@code await process.communicate(input=b'Hello\n')}), and waiting for the
 * process to end ({@code await process.wait()}).
 *
 * <p>The seed's full examples leave the output on the terminal; here it goes through a pipe and is printed by the
 * program, so that it can be checked. The process id varies from run to run.
 *
 * <pre>
 * subprocess: pid 12345
 * readline: Hello World
 * exit code: 0
 * shell: 2 words
 * communicate: Hello
 * </pre>
 */
public final class GuideSubprocesses {
    private GuideSubprocesses() {
    }

    public static void main(String[] args) {
        run(() -> {
            SubprocessOptions pipeOut = SubprocessOptions.defaults().withStdout(Stdio.PIPE);
            // process = await asyncio.create_subprocess_exec('echo', 'Hello World', stdout=asyncio.subprocess.PIPE)
            AsyncProcess process = createSubprocessExec(List.of("echo", "Hello World"), pipeOut);
            System.out.println("subprocess: pid " + process.pid());
            byte[] line = process.stdout().readline();                 // line = await process.stdout.readline()
            System.out.println("readline: " + new String(line, StandardCharsets.UTF_8).strip());
            System.out.println("exit code: " + process.waitFor());     // await process.wait()

            // process = await asyncio.create_subprocess_shell('echo Hello World | wc -w', stdout=PIPE)
            AsyncProcess shell = createSubprocessShell("echo Hello World | wc -w", pipeOut);
            ProcessOutput words = shell.communicate();                 // stdout, _ = await process.communicate()
            System.out.println("shell: " + new String(words.stdout(), StandardCharsets.UTF_8).strip() + " words");

            // process = await asyncio.create_subprocess_exec('cat', stdin=PIPE, stdout=PIPE)
            AsyncProcess cat = createSubprocessExec(List.of("cat"), pipeOut.withStdin(Stdio.PIPE));
            ProcessOutput echoed = cat.communicate("Hello\n".getBytes(StandardCharsets.UTF_8));   // input=b'Hello\n'
            System.out.println("communicate: " + new String(echoed.stdout(), StandardCharsets.UTF_8).strip());
            return null;
        });
    }
}
