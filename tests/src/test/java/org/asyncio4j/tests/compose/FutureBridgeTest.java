package org.asyncio4j.tests.compose;

import static org.asyncio4j.Asyncio.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import org.asyncio4j.CancelledError;
import org.asyncio4j.EventLoop;
import org.asyncio4j.Future;
import org.asyncio4j.LoopConfig;
import org.asyncio4j.Task;
import org.asyncio4j.tests.LoopTest;
import org.junit.jupiter.api.Test;

/** ensureFuture, wrapFuture and toCompletableFuture (futures.py's wrap_future and _chain_future). */
class FutureBridgeTest extends LoopTest {

    @Test
    void aCompletableFutureCompletedByAnotherThreadIsAwaited() {
        String r = runMain(() -> {
            CompletableFuture<String> cf = new CompletableFuture<>();
            Future<String> f = wrapFuture(cf);
            Thread.ofVirtual().start(() -> cf.complete("from thread"));
            return await(f);
        });
        assertEquals("from thread", r);
    }

    @Test
    void anAlreadyCompletedStageCompletesTheFutureOnTheNextIteration() {
        runMain(() -> {
            Future<Integer> f = wrapFuture(CompletableFuture.completedFuture(1));
            assertFalse(f.done());
            assertEquals(1, await(f));
            return null;
        });
    }

    @Test
    void exceptionsAreUnwrapped() {
        runMain(() -> {
            IllegalStateException boom = new IllegalStateException("boom");
            CompletableFuture<Integer> cf = CompletableFuture.failedFuture(boom);
            assertSame(boom, assertThrows(IllegalStateException.class, () -> await(wrapFuture(cf))));
            CompletionStage<Integer> dependent = cf.thenApply(x -> x + 1);
            assertSame(boom, assertThrows(IllegalStateException.class, () -> await(wrapFuture(dependent, null))));
            return null;
        });
    }

    @Test
    void cancellationIsMappedBothWays() {
        runMain(() -> {
            CompletableFuture<String> cf = new CompletableFuture<>();
            Future<String> f = wrapFuture(cf);
            f.cancel();
            sleep(0);
            assertTrue(cf.isCancelled());

            CompletableFuture<String> cf2 = new CompletableFuture<>();
            Future<String> f2 = wrapFuture(cf2);
            cf2.cancel(false);
            assertThrows(CancelledError.class, () -> await(f2));
            assertTrue(f2.cancelled());
            return null;
        });
    }

    @Test
    void aPlainJavaFutureIsWaitedForByAVirtualThread() throws Exception {
        runMain(() -> {
            FutureTask<String> ok = new FutureTask<>(() -> "plain");
            Thread.ofVirtual().start(ok);
            assertEquals("plain", await(wrapFuture(ok, loop)));

            FutureTask<String> bad = new FutureTask<>(() -> {
                throw new IllegalArgumentException("bad");
            });
            Thread.ofVirtual().start(bad);
            assertThrows(IllegalArgumentException.class, () -> await(wrapFuture(bad, null)));

            FutureTask<String> never = new FutureTask<>(() -> "never");
            Future<String> f = wrapFuture(never, null);
            f.cancel();
            sleep(0);
            assertTrue(never.isCancelled());
            return null;
        });
    }

    @Test
    void toCompletableFutureGivesTheOutcomeToJavaCode() throws Exception {
        CompletableFuture<?>[] cfs = new CompletableFuture<?>[3];
        runMain(() -> {
            Task<String> ok = createTask(() -> sleep(0.1, "ok"));
            Task<String> bad = createTask(() -> {
                throw new IllegalStateException("bad");
            });
            Future<String> cancelled = loop.createFuture();
            cfs[0] = toCompletableFuture(ok);
            cfs[1] = toCompletableFuture(bad);
            cfs[2] = toCompletableFuture(cancelled);
            cancelled.cancel("gone");
            sleep(0.2);
            return null;
        });
        assertEquals("ok", cfs[0].get(1, TimeUnit.SECONDS));
        ExecutionException e = assertThrows(ExecutionException.class, () -> cfs[1].get(1, TimeUnit.SECONDS));
        assertTrue(e.getCause() instanceof IllegalStateException);
        assertTrue(cfs[2].isCancelled());
        CancellationException ce = assertThrows(CancellationException.class, () -> cfs[2].get(1, TimeUnit.SECONDS));
        assertEquals("gone", ((CancelledError) ce.getCause()).getMessage());
    }

    @Test
    void cancellingTheCompletableFutureCancelsTheTask() {
        runMain(() -> {
            Task<Object> t = createTask(() -> sleep(10, null));
            CompletableFuture<Object> cf = toCompletableFuture(t);
            Thread.ofVirtual().start(() -> cf.cancel(true)).join();
            assertThrows(CancelledError.class, () -> await(t));
            assertTrue(t.cancelled());
            return null;
        });
    }

    @Test
    void ensureFutureKeepsFuturesAndWrapsCoroutines() {
        runMain(() -> {
            Future<String> f = loop.createFuture();
            assertSame(f, ensureFuture(f));
            Future<Integer> t = ensureFuture(() -> sleep(0, 5));
            assertTrue(t instanceof Task);
            assertEquals(5, await(t));
            Future<Integer> t2 = ensureFuture(() -> 6, loop);
            assertEquals(6, await(t2));
            f.cancel();
            return null;
        });
        try (EventLoop other = newEventLoop(LoopConfig.defaults().withClock(clock))) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> org.asyncio4j.impl.Compose.ensureFuture(loop.createFuture(), other));
            assertTrue(e.getMessage().contains("different loop"), e.getMessage());
        }
    }
}
