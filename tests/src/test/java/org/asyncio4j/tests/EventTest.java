package org.asyncio4j.tests;

import static org.asyncio4j.Asyncio.await;
import static org.asyncio4j.Asyncio.createTask;
import static org.asyncio4j.Asyncio.newEvent;
import static org.asyncio4j.Asyncio.sleep;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.asyncio4j.CancelledError;
import org.asyncio4j.Event;
import org.asyncio4j.Task;
import org.junit.jupiter.api.Test;

/** asyncio.Event: set/clear/isSet, wait wakes every waiter (CPython 3.13). */
class EventTest extends LoopTest {

    @Test
    void awaitingASetEventReturnsWithoutGivingUpControl() {
        runMain(() -> {
            Event ev = newEvent();
            assertFalse(ev.isSet());
            ev.set();
            assertTrue(ev.isSet());
            Task<?> other = createTask(() -> {
                expect(2);
                return null;
            });
            ev.await();
            expect(1);
            await(other);
            finish(3);
            return null;
        });
    }

    @Test
    void setWakesEveryWaiterInTheOrderTheyStartedWaiting() {
        List<String> trace = new ArrayList<>();
        runMain(() -> {
            Event ev = newEvent();
            List<Task<?>> tasks = new ArrayList<>();
            for (String name : List.of("a", "b", "c")) {
                tasks.add(createTask(() -> {
                    ev.await();
                    trace.add(name);
                    return null;
                }));
            }
            sleep(1);
            assertTrue(trace.isEmpty());
            ev.set();
            ev.set();
            for (Task<?> t : tasks) {
                await(t);
            }
            return null;
        });
        assertEquals(List.of("a", "b", "c"), trace);
    }

    @Test
    void afterClearWaitersWaitForTheNextSet() {
        runMain(() -> {
            Event ev = newEvent();
            ev.set();
            ev.clear();
            assertFalse(ev.isSet());
            Task<?> t = createTask(() -> {
                expect(2);
                ev.await();
                expect(4);
                return null;
            });
            expect(1);
            sleep(0.5);
            expect(3);
            assertFalse(t.done());
            ev.set();
            await(t);
            finish(5);
            return null;
        });
    }

    /** CPython trace: sync_traces.py event_woken_even_if_cleared. */
    @Test
    void aWokenWaiterReturnsEvenIfTheEventWasClearedAndACancelledOneDoesNotBlockOthers() {
        List<String> trace = new ArrayList<>();
        runMain(() -> {
            Event ev = newEvent();
            List<Task<?>> ts = new ArrayList<>();
            for (String name : List.of("a", "b", "c")) {
                ts.add(createTask(() -> {
                    trace.add(name + " waits");
                    ev.await();
                    trace.add(name + " woke true is_set=" + ev.isSet());
                    return null;
                }));
            }
            sleep(0);
            ts.get(1).cancel();
            ev.set();
            ev.clear();
            trace.add("set and cleared");
            await(ts.get(0));
            assertThrows(CancelledError.class, () -> await(ts.get(1)));
            await(ts.get(2));
            trace.add("b cancelled=" + ts.get(1).cancelled());
            return null;
        });
        assertEquals(List.of("a waits", "b waits", "c waits", "set and cleared", "a woke true is_set=false",
                "c woke true is_set=false", "b cancelled=true"), trace);
    }

    @Test
    void toStringShowsStateAndWaiters() {
        runMain(() -> {
            Event ev = newEvent();
            Task<?> t = createTask(() -> {
                ev.await();
                return null;
            });
            sleep(0);
            assertEquals("<Event [unset, waiters:1]>", ev.toString());
            ev.set();
            await(t);
            assertEquals("<Event [set]>", ev.toString());
            return null;
        });
    }
}
