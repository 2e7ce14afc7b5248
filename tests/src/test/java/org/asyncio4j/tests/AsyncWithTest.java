package org.asyncio4j.tests;

import static org.asyncio4j.Asyncio.asyncWith;
import static org.asyncio4j.Asyncio.sleep;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.asyncio4j.AsyncContextManager;
import org.asyncio4j.CancelledError;
import org.asyncio4j.Task;
import org.junit.jupiter.api.Test;

/** PEP 492's async with, as CPython runs it: aenter, block, aexit seeing the exception, suppression. */
class AsyncWithTest extends LoopTest {
    private final List<String> trace = new ArrayList<>();

    private AsyncContextManager<String> manager(boolean suppress) {
        return new AsyncContextManager<>() {
            @Override
            public String aenter() {
                trace.add("aenter");
                sleep(0);
                return "resource";
            }

            @Override
            public boolean aexit(Throwable error) {
                sleep(0);
                trace.add("aexit " + (error == null ? "None" : error.getClass().getSimpleName()));
                return suppress;
            }
        };
    }

    @Test
    void theBlockRunsBetweenAenterAndAexitAndItsResultIsReturned() {
        String r = runMain(() -> asyncWith(manager(false), res -> {
            trace.add("block " + res);
            return "ok";
        }));
        assertEquals("ok", r);
        assertEquals(List.of("aenter", "block resource", "aexit None"), trace);
    }

    @Test
    void aexitSeesTheExceptionAndMaySuppressIt() {
        IOException boom = new IOException("boom");
        IOException thrown = assertThrows(IOException.class, () -> runMain(() -> asyncWith(manager(false), res -> {
            throw boom;
        })));
        assertSame(boom, thrown);
        assertNull(runMain(() -> asyncWith(manager(true), res -> {
            throw new IllegalStateException();
        })));
        assertEquals(List.of("aenter", "aexit IOException", "aenter", "aexit IllegalStateException"), trace);
    }

    @Test
    void aCancellationInsideTheBlockReachesAexit() {
        runMain(() -> {
            Task<Object> t = loop.createTask(() -> asyncWith(manager(false), res -> {
                sleep(10);
                return null;
            }));
            sleep(1);
            t.cancel();
            assertThrows(CancelledError.class, t::await);
            return null;
        });
        assertEquals(List.of("aenter", "aexit CancelledError"), trace);
    }
}
