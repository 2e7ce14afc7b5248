package org.asyncio4j.tests;

import static org.asyncio4j.Asyncio.await;
import static org.asyncio4j.Asyncio.createTask;
import static org.asyncio4j.Asyncio.newLifoQueue;
import static org.asyncio4j.Asyncio.newPriorityQueue;
import static org.asyncio4j.Asyncio.newQueue;
import static org.asyncio4j.Asyncio.sleep;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import org.asyncio4j.CancelledError;
import org.asyncio4j.LifoQueue;
import org.asyncio4j.PriorityQueue;
import org.asyncio4j.Queue;
import org.asyncio4j.QueueEmpty;
import org.asyncio4j.QueueFull;
import org.asyncio4j.QueueShutDown;
import org.asyncio4j.Task;
import org.junit.jupiter.api.Test;

/** asyncio.Queue, PriorityQueue, LifoQueue: order, capacity, task tracking, shutdown, cancellation (CPython 3.13). */
class QueueTest extends LoopTest {

    @Test
    void itemsComeOutFirstInFirstOutAndSizesAreReported() {
        Queue<String> q = newQueue(2);
        assertEquals(2, q.maxsize());
        assertTrue(q.empty());
        assertFalse(q.full());
        q.putNowait("a");
        q.putNowait(null);
        assertEquals(2, q.qsize());
        assertTrue(q.full());
        QueueFull full = assertThrows(QueueFull.class, () -> q.putNowait("c"));
        assertTrue(full.getMessage().contains("full"), full.getMessage());
        assertEquals("<Queue maxsize=2 qsize=2 tasks=2>", q.toString());
        assertEquals("a", q.getNowait());
        assertNull(q.getNowait());
        QueueEmpty empty = assertThrows(QueueEmpty.class, q::getNowait);
        assertTrue(empty.getMessage().contains("empty"), empty.getMessage());
    }

    @Test
    void aMaxsizeOfZeroOrLessIsUnbounded() {
        for (int maxsize : new int[] {0, -3}) {
            Queue<Integer> q = newQueue(maxsize);
            for (int i = 0; i < 1000; i++) {
                q.putNowait(i);
            }
            assertFalse(q.full());
            assertEquals(maxsize, q.maxsize());
        }
        assertEquals(0, newQueue().maxsize());
    }

    @Test
    void getWaitsForAnItemAndPutWaitsForRoomWithoutYieldingOtherwise() {
        runMain(() -> {
            Queue<Integer> q = newQueue(1);
            Task<Integer> getter = createTask(() -> {
                expect(2);
                int v = q.get();
                expect(5);
                return v;
            });
            expect(1);
            sleep(0);
            expect(3);
            q.put(1);
            expect(4);
            q.put(2);
            expect(6);
            assertEquals(1, await(getter));
            assertEquals(2, q.get());
            finish(7);
            return null;
        });
    }

    @Test
    void waitingGettersAndPuttersAreServedInOrder() {
        List<String> trace = new ArrayList<>();
        runMain(() -> {
            Queue<Integer> q = newQueue(1);
            List<Task<?>> getters = new ArrayList<>();
            for (String name : List.of("g1", "g2", "g3")) {
                getters.add(createTask(() -> {
                    trace.add(name + " " + q.get());
                    return null;
                }));
            }
            sleep(0);
            List<Task<?>> putters = new ArrayList<>();
            for (int i = 1; i <= 3; i++) {
                int v = i;
                putters.add(createTask(() -> {
                    q.put(v);
                    return null;
                }));
            }
            for (Task<?> t : getters) {
                await(t);
            }
            for (Task<?> t : putters) {
                await(t);
            }
            return null;
        });
        assertEquals(List.of("g1 1", "g2 2", "g3 3"), trace);
    }

    @Test
    void joinWaitsUntilEveryItemWasMarkedDone() {
        runMain(() -> {
            Queue<String> q = newQueue();
            q.join();
            q.putNowait("a");
            q.putNowait("b");
            Task<?> joiner = createTask(() -> {
                q.join();
                expect(3);
                return null;
            });
            expect(1);
            q.get();
            q.taskDone();
            q.get();
            sleep(1);
            assertFalse(joiner.done());
            expect(2);
            q.taskDone();
            await(joiner);
            IllegalStateException e = assertThrows(IllegalStateException.class, q::taskDone);
            assertTrue(e.getMessage().contains("taskDone() called too many times"), e.getMessage());
            finish(4);
            return null;
        });
    }

    /** CPython trace: sync_traces.py queue_getter_cancelled_after_put. */
    @Test
    void aGetterCancelledAfterBeingWokenLeavesTheItemForTheNext() {
        List<String> trace = new ArrayList<>();
        runMain(() -> {
            Queue<String> q = newQueue();
            Function<String, Task<?>> getter = name -> createTask(() -> {
                String v;
                try {
                    v = q.get();
                } catch (CancelledError e) {
                    trace.add(name + " cancelled qsize=" + q.qsize());
                    throw e;
                }
                trace.add(name + " got " + v);
                return null;
            });
            Task<?> g1 = getter.apply("g1");
            Task<?> g2 = getter.apply("g2");
            sleep(0);
            q.putNowait("x");
            g1.cancel();
            Task<?> g3 = getter.apply("g3");
            assertThrows(CancelledError.class, () -> await(g1));
            await(g3);
            trace.add("g2 done=" + g2.done() + " qsize=" + q.qsize());
            q.putNowait("y");
            await(g2);
            return null;
        });
        assertEquals(List.of("g1 cancelled qsize=1", "g3 got x", "g2 done=false qsize=0", "g2 got y"), trace);
    }

    /** CPython trace: sync_traces.py queue_putter_cancelled_after_get. */
    @Test
    void aPutterCancelledAfterBeingWokenLeavesTheRoomForTheNext() {
        List<String> trace = new ArrayList<>();
        runMain(() -> {
            Queue<Integer> q = newQueue(1);
            q.putNowait(0);
            Function<Integer, Task<?>> putter = v -> createTask(() -> {
                try {
                    q.put(v);
                } catch (CancelledError e) {
                    trace.add("p" + v + " cancelled qsize=" + q.qsize());
                    throw e;
                }
                trace.add("p" + v + " put " + v);
                return null;
            });
            Task<?> p1 = putter.apply(1);
            Task<?> p2 = putter.apply(2);
            sleep(0);
            trace.add("got " + q.getNowait());
            p1.cancel();
            assertThrows(CancelledError.class, () -> await(p1));
            await(p2);
            trace.add("got " + q.getNowait() + " empty=" + q.empty());
            return null;
        });
        assertEquals(List.of("got 0", "p1 cancelled qsize=0", "p2 put 2", "got 2 empty=true"), trace);
    }

    /** CPython trace: sync_traces.py queue_shutdown. */
    @Test
    void shutdownWakesPuttersWithQueueShutDownAndLetsGettersDrainTheQueue() {
        List<String> trace = new ArrayList<>();
        runMain(() -> {
            Queue<Integer> q = newQueue(2);
            List<Task<?>> ps = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                int v = i;
                ps.add(createTask(() -> {
                    try {
                        q.put(v);
                        trace.add("p" + v + " put " + v);
                    } catch (QueueShutDown e) {
                        trace.add("p" + v + " shut down");
                    }
                    return null;
                }));
            }
            sleep(0);
            q.shutdown();
            trace.add("shutdown qsize=" + q.qsize());
            Task<?> g = createTask(() -> {
                try {
                    while (true) {
                        int v = q.get();
                        trace.add("g got " + v);
                        q.taskDone();
                        sleep(0);
                    }
                } catch (QueueShutDown e) {
                    trace.add("g shut down");
                }
                return null;
            });
            for (Task<?> p : ps) {
                await(p);
            }
            await(g);
            q.join();
            trace.add("joined");
            assertThrows(QueueShutDown.class, () -> q.putNowait(9));
            assertThrows(QueueShutDown.class, q::getNowait);
            assertThrows(QueueShutDown.class, () -> q.put(9));
            assertEquals("<Queue maxsize=2 shutdown>", q.toString());
            return null;
        });
        assertEquals(List.of("p0 put 0", "p1 put 1", "shutdown qsize=2", "p2 shut down", "p3 shut down", "g got 0",
                "g got 1", "g shut down", "joined"), trace);
    }

    /** CPython trace: sync_traces.py queue_shutdown_immediate. */
    @Test
    void shutdownImmediateDropsTheItemsAndCountsThemDone() {
        List<String> trace = new ArrayList<>();
        runMain(() -> {
            Queue<Integer> q = newQueue();
            for (int i = 0; i < 3; i++) {
                q.putNowait(i);
            }
            trace.add("got " + q.getNowait());
            Task<?> joiner = createTask(() -> {
                q.join();
                trace.add("joined");
                return null;
            });
            sleep(0);
            q.shutdown(true);
            trace.add("shutdown qsize=" + q.qsize());
            sleep(0);
            trace.add("join done=" + joiner.done());
            q.taskDone();
            await(joiner);
            try {
                q.get();
            } catch (QueueShutDown e) {
                trace.add("getter shut down");
            }
            try {
                q.taskDone();
            } catch (IllegalStateException e) {
                trace.add("task_done: " + e.getMessage());
            }
            return null;
        });
        assertEquals(List.of("got 0", "shutdown qsize=0", "join done=false", "joined", "getter shut down",
                "task_done: taskDone() called too many times: no item is waiting to be marked done"), trace);
    }

    @Test
    void aWaitingGetterOfAnEmptyQueueGetsQueueShutDown() {
        runMain(() -> {
            Queue<Integer> q = newQueue();
            Task<Integer> g = createTask(q::get);
            sleep(0);
            q.shutdown();
            QueueShutDown e = assertThrows(QueueShutDown.class, () -> await(g));
            assertTrue(e.getMessage().contains("shut-down"), e.getMessage());
            return null;
        });
    }

    @Test
    void aLifoQueueReturnsTheLastItemFirst() {
        LifoQueue<String> q = newLifoQueue(3);
        q.putNowait("a");
        q.putNowait(null);
        q.putNowait("c");
        assertThrows(QueueFull.class, () -> q.putNowait("d"));
        assertEquals("c", q.getNowait());
        assertNull(q.getNowait());
        assertEquals("a", q.getNowait());
        assertEquals("<LifoQueue maxsize=0>", newLifoQueue().toString());
    }

    @Test
    void aPriorityQueueReturnsTheSmallestFirstInNaturalOrderOrByAComparator() {
        PriorityQueue<Integer> natural = newPriorityQueue();
        PriorityQueue<String> byLength = newPriorityQueue(2, Comparator.comparing(String::length));
        for (int v : new int[] {5, 1, 4, 1, 3}) {
            natural.putNowait(v);
        }
        List<Integer> out = new ArrayList<>();
        while (!natural.empty()) {
            out.add(natural.getNowait());
        }
        assertEquals(List.of(1, 1, 3, 4, 5), out);
        byLength.putNowait("ccc");
        byLength.putNowait("a");
        assertThrows(QueueFull.class, () -> byLength.putNowait("bb"));
        assertEquals("a", byLength.getNowait());
        assertEquals(2, newPriorityQueue(2).maxsize());
    }

    @Test
    void aPriorityQueueRefusesItemsItCannotOrderAndStaysUnchanged() {
        PriorityQueue<Object> q = newPriorityQueue((a, b) -> Integer.compare((Integer) a, (Integer) b));
        q.putNowait(2);
        q.putNowait(1);
        assertThrows(ClassCastException.class, () -> q.putNowait("two"));
        assertEquals(2, q.qsize());
        assertEquals("<PriorityQueue maxsize=0 qsize=2 tasks=2>", q.toString());
        PriorityQueue<Integer> natural = newPriorityQueue();
        NullPointerException npe = assertThrows(NullPointerException.class, () -> natural.putNowait(null));
        assertTrue(npe.getMessage().contains("null"), npe.getMessage());
        @SuppressWarnings({"unchecked", "rawtypes"})
        PriorityQueue<Object> raw = (PriorityQueue) newPriorityQueue();
        ClassCastException cce = assertThrows(ClassCastException.class, () -> raw.putNowait(new Object()));
        assertTrue(cce.getMessage().contains("not Comparable"), cce.getMessage());
        assertEquals(0, raw.qsize());
        assertEquals(1, q.getNowait());
        assertEquals(2, q.getNowait());
        assertTrue(q.empty());
    }

    @Test
    void aPriorityQueueAgreesWithSortingOverRandomPutsAndGets() {
        Random rnd = new Random(42);
        PriorityQueue<Integer> q = newPriorityQueue();
        java.util.PriorityQueue<Integer> reference = new java.util.PriorityQueue<>();
        for (int step = 0; step < 20_000; step++) {
            if (reference.isEmpty() || rnd.nextInt(5) < 3) {
                int v = rnd.nextInt(100);
                q.putNowait(v);
                reference.add(v);
            } else {
                assertEquals(reference.poll(), q.getNowait());
            }
            assertEquals(reference.size(), q.qsize());
        }
        int[] rest = new int[q.qsize()];
        for (int i = 0; i < rest.length; i++) {
            rest[i] = q.getNowait();
        }
        int[] sorted = rest.clone();
        Arrays.sort(sorted);
        assertTrue(Arrays.equals(sorted, rest));
    }
}
