package org.asyncio4j.tests.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.asyncio4j.examples.Demo;
import org.junit.jupiter.api.Test;

/** Runs the README's demo ({@code ./dev demo}). */
class DemoTest {

    @Test
    void theDemoRunsTwoFetchesConcurrentlyAndCancelsTheWorker() throws Exception {
        List<String> lines = ProgramOutput.of(Demo::main);
        assertTrue(lines.stream().allMatch(l -> l.matches("\\[ *\\d+ ms] .*")), String.join("\n", lines));
        List<String> events = lines.stream().map(l -> l.substring(l.indexOf("] ") + 2)).toList();
        // the worker ticks every 0.15 s beside the fetches: its third tick and the end of fetch a are both due at 0.3 s
        long ticks = events.stream().filter("worker tick"::equals).count();
        assertTrue(ticks == 2 || ticks == 3, "ticks: " + events);
        List<String> rest = events.stream().filter(e -> !e.equals("worker tick")).toList();
        assertTrue(rest.get(0).matches("engine: (CONTINUATION|VIRTUAL_THREADS)"), rest.get(0));
        assertEquals(List.of(
                "fetch a starts",
                "fetch b starts",
                "fetch b done",
                "fetch a done",
                "results [A, B] after ~0.3 s, not 0.4 s",
                "worker cancelled: enough; cleaning up",
                "worker finally",
                "worker task cancelled=true",
                "run() returned A+B"), rest.subList(1, rest.size()));
    }
}
