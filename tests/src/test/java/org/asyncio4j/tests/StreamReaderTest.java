package org.asyncio4j.tests;

import static org.asyncio4j.Asyncio.await;
import static org.asyncio4j.Asyncio.newStreamReader;
import static org.asyncio4j.Asyncio.sleep;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.asyncio4j.IncompleteReadError;
import org.asyncio4j.LimitOverrunError;
import org.asyncio4j.StreamReader;
import org.junit.jupiter.api.Test;

/** StreamReader fed by hand, on the virtual clock; expected values are what CPython 3.13 gives. */
class StreamReaderTest extends LoopTest {

    private static byte[] b(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static String s(byte[] bytes) {
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }

    @Test
    void readReturnsWhatIsBufferedUpToNAndWaitsOnlyWhenEmpty() {
        runMain(() -> {
            StreamReader r = newStreamReader(StreamReader.DEFAULT_LIMIT);
            r.feedData(b("hello world"));
            assertEquals("hello", s(r.read(5)));
            assertEquals("", s(r.read(0)));
            assertEquals(" world", s(r.read(100)));
            loop.callLater(1, () -> r.feedData(b("later")));
            assertEquals("later", s(r.read(100)));
            assertEquals(1.0, loop.time(), 1e-9);
            r.feedEof();
            assertEquals("", s(r.read(10)));
            assertTrue(r.atEof());
            return null;
        });
    }

    @Test
    void readWithoutSizeReadsToTheEndInLimitSizedBlocks() {
        runMain(() -> {
            StreamReader r = newStreamReader(4);
            loop.callLater(1, () -> r.feedData(b("0123456789")));
            loop.callLater(2, () -> {
                r.feedData(b("abc"));
                r.feedEof();
            });
            assertEquals("0123456789abc", s(r.read()));
            assertEquals(2.0, loop.time(), 1e-9);
            return null;
        });
    }

    @Test
    void readlineReturnsLinesThenThePartialLastLineThenNothing() {
        runMain(() -> {
            StreamReader r = newStreamReader(StreamReader.DEFAULT_LIMIT);
            r.feedData(b("one\ntw"));
            loop.callLater(1, () -> r.feedData(b("o\nthree")));
            loop.callLater(2, r::feedEof);
            assertEquals("one\n", s(r.readline()));
            assertEquals("two\n", s(r.readline()));
            assertEquals("three", s(r.readline()));
            assertEquals("", s(r.readline()));
            return null;
        });
    }

    @Test
    void readlineOverTheLimitRaisesValueErrorAndDropsTheLine() {
        runMain(() -> {
            StreamReader r = newStreamReader(5);
            r.feedData(b("abcdefgh\nxy\n"));
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, r::readline);
            assertEquals("Separator is found, but chunk is longer than limit", e.getMessage());
            assertEquals("xy\n", s(r.readline()));
            StreamReader r2 = newStreamReader(5);
            r2.feedData(b("abcdefghij"));
            e = assertThrows(IllegalArgumentException.class, r2::readline);
            assertEquals("Separator is not found, and chunk exceed the limit", e.getMessage());
            r2.feedEof();
            assertTrue(r2.atEof(), "the whole buffer was dropped");
            return null;
        });
    }

    @Test
    void readexactlyWaitsForAllTheBytesOrRaisesIncompleteReadErrorAtTheEnd() {
        runMain(() -> {
            StreamReader r = newStreamReader(StreamReader.DEFAULT_LIMIT);
            loop.callLater(1, () -> r.feedData(b("abc")));
            loop.callLater(2, () -> r.feedData(b("defgh")));
            assertEquals("abcdef", s(r.readexactly(6)));
            assertEquals("", s(r.readexactly(0)));
            assertThrows(IllegalArgumentException.class, () -> r.readexactly(-1));
            r.feedEof();
            IncompleteReadError e = assertThrows(IncompleteReadError.class, () -> r.readexactly(5));
            assertEquals("gh", s(e.partial()));
            assertEquals(5, e.expected());
            assertEquals("2 bytes read on a total of 5 expected bytes", e.getMessage());
            assertTrue(r.atEof());
            return null;
        });
    }

    @Test
    void readexactlyOfMoreThanTheLimitWorks() {
        runMain(() -> {
            StreamReader r = newStreamReader(3);
            r.feedData(b("abcdef"));
            loop.callLater(1, () -> r.feedData(b("XY")));
            assertEquals("abcdefXY", s(r.readexactly(8)));
            return null;
        });
    }

    @Test
    void readuntilFindsASeparatorSplitAcrossChunks() {
        runMain(() -> {
            StreamReader r = newStreamReader(StreamReader.DEFAULT_LIMIT);
            r.feedData(b("key: value\r"));
            loop.callLater(1, () -> r.feedData(b("\nrest")));
            assertEquals("key: value\r\n", s(r.readuntil(b("\r\n"))));
            assertEquals("rest", s(r.read(10)));
            return null;
        });
    }

    @Test
    void readuntilWithSeveralSeparatorsReturnsTheShortestMatch() {
        runMain(() -> {
            StreamReader r = newStreamReader(StreamReader.DEFAULT_LIMIT);
            r.feedData(b("a--b==c"));
            assertEquals("a--", s(r.readuntil(List.of(b("=="), b("--")))));
            assertThrows(IllegalArgumentException.class, () -> r.readuntil(List.of()));
            assertThrows(IllegalArgumentException.class, () -> r.readuntil(b("")));
            return null;
        });
    }

    @Test
    void readuntilPastTheLimitRaisesLimitOverrunErrorAndKeepsTheData() {
        runMain(() -> {
            StreamReader r = newStreamReader(3);
            r.feedData(b("abcdef"));
            LimitOverrunError e = assertThrows(LimitOverrunError.class, () -> r.readuntil(b("XY")));
            assertEquals("Separator is not found, and chunk exceed the limit", e.getMessage());
            assertEquals(5, e.consumed());
            r.feedData(b("XY"));
            e = assertThrows(LimitOverrunError.class, () -> r.readuntil(b("XY")));
            assertEquals("Separator is found, but chunk is longer than limit", e.getMessage());
            assertEquals(6, e.consumed());
            assertEquals("abcdefXY", s(r.readexactly(8)));
            return null;
        });
    }

    @Test
    void readuntilAtTheEndRaisesIncompleteReadErrorWithTheWholeBuffer() {
        runMain(() -> {
            StreamReader r = newStreamReader(StreamReader.DEFAULT_LIMIT);
            r.feedData(b("no separator ="));
            r.feedEof();
            IncompleteReadError e = assertThrows(IncompleteReadError.class, () -> r.readuntil(b("==")));
            assertEquals("no separator =", s(e.partial()));
            assertNull(e.expected());
            assertTrue(r.atEof());
            return null;
        });
    }

    @Test
    void aSeparatorArrivingWithTheEndIsStillFound() {
        runMain(() -> {
            StreamReader r = newStreamReader(StreamReader.DEFAULT_LIMIT);
            loop.callLater(1, () -> {
                r.feedData(b("last\n"));
                r.feedEof();
            });
            assertEquals("last\n", s(r.readuntil(b("\n"))));
            assertTrue(r.atEof());
            return null;
        });
    }

    @Test
    void anExceptionSetOnTheReaderFailsTheWaitingAndLaterReads() {
        runMain(() -> {
            StreamReader r = newStreamReader(StreamReader.DEFAULT_LIMIT);
            RuntimeException boom = new RuntimeException("boom");
            loop.callLater(1, () -> r.setException(boom));
            assertSame(boom, assertThrows(RuntimeException.class, () -> r.read(1)));
            assertSame(boom, r.exception());
            assertSame(boom, assertThrows(RuntimeException.class, r::readline));
            assertSame(boom, assertThrows(RuntimeException.class, () -> r.readexactly(1)));
            return null;
        });
    }

    @Test
    void twoTasksWaitingForDataAtOnceIsAnError() {
        runMain(() -> {
            StreamReader r = newStreamReader(StreamReader.DEFAULT_LIMIT);
            var first = loop.createTask(() -> r.read(1));
            sleep(0);
            IllegalStateException e = assertThrows(IllegalStateException.class, r::readline);
            assertEquals("readuntil() called while another coroutine is already waiting for incoming data", e.getMessage());
            r.feedData(b("x"));
            assertEquals("x", s(await(first)));
            return null;
        });
    }

    @Test
    void feedingAfterTheEndIsAnError() {
        runMain(() -> {
            StreamReader r = newStreamReader(StreamReader.DEFAULT_LIMIT);
            r.feedData(b("x"));
            r.feedEof();
            assertFalse(r.atEof());
            assertThrows(IllegalStateException.class, () -> r.feedData(b("y")));
            return null;
        });
    }

    @Test
    void iteratingAReaderIsAsyncForOverItsLines() {
        List<String> lines = runMain(() -> {
            StreamReader r = newStreamReader(StreamReader.DEFAULT_LIMIT);
            loop.callLater(1, () -> {
                r.feedData(b("a\nb\nc"));
                r.feedEof();
            });
            List<String> out = new ArrayList<>();
            for (byte[] line : r) {
                out.add(s(line));
            }
            return out;
        });
        assertEquals(List.of("a\n", "b\n", "c"), lines);
    }

    @Test
    void aNonPositiveLimitIsRejected() {
        runMain(() -> {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> newStreamReader(0));
            assertEquals("Limit cannot be <= 0", e.getMessage());
            return null;
        });
    }
}
