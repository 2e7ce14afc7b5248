package org.asyncio4j.tests.examples;

import static org.asyncio4j.tests.examples.ProgramOutput.assertPrints;

import org.asyncio4j.examples.mixed.MixedProgram;
import org.junit.jupiter.api.Test;

/** Runs the mixed Java + Kotlin example: calls and cancellations in both directions on one loop. */
class MixedProgramTest {

    @Test
    void javaAndKotlinCallAwaitAndCancelEachOtherOnOneLoop() throws Exception {
        assertPrints(MixedProgram::main,
                "java: user ids from the Kotlin flow: [1, 2, 3]",
                "java: gathered [User(id=1, name=ada), User(id=2, name=grace), User(id=3, name=linus)]",
                "java: user 99: (no user 99)",
                "kotlin: slowReport cancelled (java gave up)",
                "java: the Kotlin report task ended cancelled: true",
                "java: user ids from the Kotlin flow: [1, 2, 3]",
                "kotlin: awaited the Java task: 3 users",
                "kotlin: audit event 0",
                "kotlin: audit event 1",
                "kotlin: audit event 2",
                "java: longJavaJob cancelled",
                "kotlin: waitFor timed out; the Java task is cancelled: true",
                "java: longJavaJob cancelled",
                "kotlin: withTimeout cancelled the awaited Java task: true",
                "java: the Kotlin report is done",
                "java: from the loop's Kotlin scope: ADA");
    }
}
