package org.asyncio4j.tests;

import static org.asyncio4j.Asyncio.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.Pipe;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.asyncio4j.Asyncio;
import org.asyncio4j.EventLoop;
import org.asyncio4j.Future;
import org.junit.jupiter.api.Test;

class IoReadinessTest extends LoopTest {

    private static String read(Pipe.SourceChannel source) {
        ByteBuffer buf = ByteBuffer.allocate(64);
        try {
            int n = source.read(buf);
            return n <= 0 ? "" : new String(buf.array(), 0, n, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(Pipe.SinkChannel sink, String s) {
        try {
            sink.write(ByteBuffer.wrap(s.getBytes(StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void aReaderRunsOnTheLoopWhenItsChannelIsReadableUntilItIsRemoved() throws IOException {
        Pipe pipe = Pipe.open();
        List<String> got = new ArrayList<>();
        String result = runMain(() -> {
            Future<String> done = loop.createFuture();
            loop.addReader(pipe.source(), () -> {
                got.add(read(pipe.source()));
                if (String.join("", got).equals("hello world")) {
                    assertTrue(loop.removeReader(pipe.source()));
                    done.setResult(Asyncio.getRunningLoop() == loop && Asyncio.currentTask() == null
                            ? "on the loop" : "elsewhere");
                }
            });
            loop.callLater(0.1, () -> write(pipe.sink(), "hello "));
            loop.callLater(0.2, () -> write(pipe.sink(), "world"));
            return await(done);
        });
        assertEquals("on the loop", result);
        assertEquals("hello world", String.join("", got));
        assertFalse(loop.removeReader(pipe.source()));
        pipe.source().close();
        pipe.sink().close();
    }

    @Test
    void aWriterRunsWhenItsChannelIsWritableAndACancelledHandleStopsIt() throws IOException {
        Pipe pipe = Pipe.open();
        int[] calls = new int[1];
        runMain(() -> {
            var h = loop.addWriter(pipe.sink(), () -> {
                calls[0]++;
                write(pipe.sink(), "x");
            });
            Asyncio.sleep(0);
            Asyncio.sleep(0);
            h.cancel();
            Asyncio.sleep(0);
            Asyncio.sleep(0);
            return null;
        });
        assertTrue(calls[0] >= 1 && calls[0] <= 2, "writer calls: " + calls[0]);
        assertEquals("x".repeat(calls[0]), read(pipe.source()));
        pipe.source().close();
        pipe.sink().close();
    }

    @Test
    void aLoopWaitingInItsSelectorWakesForDataAndForThreadsafeCallbacks() throws Exception {
        Pipe pipe = Pipe.open();
        try (EventLoop real = Asyncio.newEventLoop()) {
            List<String> trace = new ArrayList<>();
            Future<Void> done = real.createFuture();
            real.addReader(pipe.source(), () -> {
                trace.add("read " + read(pipe.source()));
                real.removeReader(pipe.source());
                Thread t = new Thread(() -> real.callSoonThreadsafe(() -> {
                    trace.add("threadsafe");
                    done.setResult(null);
                }));
                t.start();
            });
            Thread writer = new Thread(() -> {
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                write(pipe.sink(), "ping");
            });
            writer.start();
            real.runUntilComplete(done);
            writer.join();
            assertEquals(List.of("read ping", "threadsafe"), trace);
        }
        pipe.source().close();
        pipe.sink().close();
    }
}
