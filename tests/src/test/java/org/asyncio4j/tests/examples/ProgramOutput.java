package org.asyncio4j.tests.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Runs an example program's {@code main} with standard output captured, and compares what it printed with the
 * expected lines: a {@link String} is an exact line, a {@link Pattern} a line with a varying part (a time, a task
 * number, the engine).
 */
final class ProgramOutput {
    private ProgramOutput() {
    }

    /** An example's {@code main}. */
    @FunctionalInterface
    interface Main {
        void run(String[] args) throws Exception;
    }

    /**
     * Runs {@code main} with {@code System.out} redirected (threads the program starts print there too).
     *
     * @param main the program
     * @return the lines it printed
     */
    static synchronized List<String> of(Main main) throws Exception {
        PrintStream saved = System.out;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
            System.setOut(out);
            main.run(new String[0]);
        } finally {
            System.setOut(saved);
        }
        return bytes.toString(StandardCharsets.UTF_8).lines().toList();
    }

    /** @param regex a line with a varying part @return its pattern */
    static Pattern matching(String regex) {
        return Pattern.compile(regex);
    }

    /**
     * Runs {@code main} and asserts its output line by line.
     *
     * @param main the program
     * @param expected exact lines ({@link String}) and patterns ({@link Pattern})
     */
    static void assertPrints(Main main, Object... expected) throws Exception {
        List<String> actual = of(main);
        String all = String.join("\n", actual);
        assertEquals(expected.length, actual.size(), "number of lines printed:\n" + all);
        for (int i = 0; i < expected.length; i++) {
            Object e = expected[i];
            String line = actual.get(i);
            if (e instanceof Pattern p) {
                assertTrue(p.matcher(line).matches(), "line " + (i + 1) + " '" + line + "' does not match " + p + " in:\n" + all);
            } else if (e instanceof String s) {
                assertEquals(s, line, "line " + (i + 1) + " in:\n" + all);
            } else {
                fail("expected lines are Strings or Patterns, got " + e);
            }
        }
    }
}
