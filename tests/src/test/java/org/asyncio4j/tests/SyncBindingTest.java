package org.asyncio4j.tests;

import static org.asyncio4j.Asyncio.await;
import static org.asyncio4j.Asyncio.createTask;
import static org.asyncio4j.Asyncio.newBarrier;
import static org.asyncio4j.Asyncio.newCondition;
import static org.asyncio4j.Asyncio.newEvent;
import static org.asyncio4j.Asyncio.newLock;
import static org.asyncio4j.Asyncio.newQueue;
import static org.asyncio4j.Asyncio.newSemaphore;
import static org.asyncio4j.Asyncio.sleep;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.asyncio4j.Asyncio;
import org.asyncio4j.Barrier;
import org.asyncio4j.Condition;
import org.asyncio4j.Event;
import org.asyncio4j.EventLoop;
import org.asyncio4j.Lock;
import org.asyncio4j.LoopConfig;
import org.asyncio4j.Queue;
import org.asyncio4j.Semaphore;
import org.asyncio4j.Task;
import org.asyncio4j.VirtualClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Loop binding (Python's _LoopBoundMixin) and the thread checks of the primitives and queues. */
@SuppressWarnings("try") // try (var held = x.hold()) is async with: held is not referenced
class SyncBindingTest extends LoopTest {

    /** Objects that have each had a task wait on them on the test's loop, so they are bound to it. */
    private Lock lock;
    private Event event;
    private Condition cond;
    private Semaphore sem;
    private Barrier barrier;
    private Queue<Integer> queue;

    private void bindAllToTheTestLoop() {
        runMain(() -> {
            lock = newLock();
            event = newEvent();
            cond = newCondition();
            sem = newSemaphore(0);
            barrier = newBarrier(2);
            queue = newQueue();
            lock.acquire();
            List<Task<?>> ts = new ArrayList<>();
            ts.add(createTask(() -> {
                lock.acquire();
                return null;
            }));
            ts.add(createTask(() -> {
                event.await();
                return null;
            }));
            ts.add(createTask(() -> {
                try (var held = cond.hold()) {
                    cond.await();
                }
                return null;
            }));
            ts.add(createTask(() -> {
                sem.acquire();
                return null;
            }));
            ts.add(createTask(barrier::await));
            ts.add(createTask(queue::get));
            sleep(0);
            lock.release();
            event.set();
            try (var held = cond.hold()) {
                cond.signal();
            }
            sem.release();
            barrier.await();
            queue.putNowait(1);
            for (Task<?> t : ts) {
                await(t);
            }
            return null;
        });
    }

    @Test
    void awaitingABoundObjectOnAnotherLoopFailsWithAClearError() {
        bindAllToTheTestLoop();
        List<Executable> waits = List.of(lock::acquire, event::await, () -> {
            cond.acquire();
            cond.await();
        }, sem::acquire, barrier::await, queue::get);
        try (EventLoop other = Asyncio.newEventLoop(LoopConfig.defaults().withClock(new VirtualClock()))) {
            other.runUntilComplete(other.createTask(() -> {
                for (Executable wait : waits) {
                    IllegalStateException e = assertThrows(IllegalStateException.class, wait);
                    assertTrue(e.getMessage().contains("bound to a different event loop"), e.getMessage());
                }
                return null;
            }));
        }
    }

    @Test
    void aBoundObjectUsedFromAnotherThreadWhileItsLoopRunsFailsWithAClearError() {
        bindAllToTheTestLoop();
        List<Executable> calls = List.of(lock::locked, event::set, cond::locked, sem::release, barrier::nWaiting,
                () -> queue.putNowait(2), queue::qsize);
        runMain(() -> {
            List<Throwable> errors = new ArrayList<>();
            Thread t = new Thread(() -> {
                for (Executable call : calls) {
                    try {
                        call.execute();
                    } catch (Throwable e) {
                        errors.add(e);
                    }
                }
            });
            t.start();
            t.join();
            assertEquals(calls.size(), errors.size(), errors::toString);
            for (Throwable e : errors) {
                assertTrue(e instanceof IllegalStateException, e::toString);
                assertTrue(e.getMessage().contains("the event loop runs in another thread"), e.getMessage());
            }
            return null;
        });
        assertEquals(0, queue.qsize(), "nothing was put from the other thread");
        assertEquals(2, barrier.parties(), "parties() is thread-safe");
    }

    @Test
    void anUnboundObjectMayBeFilledFromAnyThreadThenAwaitedOnOneLoop() throws Exception {
        Queue<String> q = newQueue();
        Event ev = newEvent();
        Thread t = new Thread(() -> {
            q.putNowait("from a thread");
            ev.set();
        });
        t.start();
        t.join();
        assertEquals("from a thread", runMain(() -> {
            ev.await();
            return q.get();
        }));
    }

    @Test
    void waitingOutsideACoroutineFailsWithAClearErrorAndLeavesNoWaiterBehind() {
        Lock l = newLock();
        Queue<Integer> q = newQueue();
        IllegalStateException e = assertThrows(IllegalStateException.class, q::get);
        assertTrue(e.getMessage().contains("no event loop is running"), e.getMessage());
        AtomicReference<Throwable> inCallback = new AtomicReference<>();
        runMain(() -> {
            l.acquire();
            loop.callSoon(() -> {
                try {
                    l.acquire();
                } catch (Throwable err) {
                    inCallback.set(err);
                }
            });
            sleep(0);
            assertEquals("<Lock [locked]>", l.toString());
            l.release();
            assertFalse(l.locked());
            return null;
        });
        assertTrue(inCallback.get() instanceof IllegalStateException, String.valueOf(inCallback.get()));
        assertTrue(inCallback.get().getMessage().contains("outside a coroutine"), inCallback.get().getMessage());
    }
}
