package org.asyncio4j.examples.seeds;

import static org.asyncio4j.Asyncio.asyncWith;
import static org.asyncio4j.Asyncio.await;
import static org.asyncio4j.Asyncio.createTask;
import static org.asyncio4j.Asyncio.gather;
import static org.asyncio4j.Asyncio.newLock;
import static org.asyncio4j.Asyncio.run;
import static org.asyncio4j.Asyncio.sleep;
import static org.asyncio4j.Asyncio.waitFor;

import java.util.ArrayList;
import java.util.List;
import org.asyncio4j.Lock;
import org.asyncio4j.Task;
import org.asyncio4j.TimeoutError;

/**
 * Seed 001 (the guide), "Python Asyncio Common Errors", "Error 5: Assuming Race Conditions and Deadlocks are
 * Impossible". Only one coroutine runs at a time, but a coroutine that suspends in the middle of a read-modify-write
 * lets the others in: a hundred deposits that each read the balance, await, and write it back lose all but one
 * update. An asyncio {@link Lock} held over the critical section ({@code async with lock:}) makes it coroutine-safe.
 * Two tasks that take two locks in opposite orders deadlock: each waits forever for the lock the other holds (here
 * {@code wait_for} gives up after 0.1 s); taking the locks in one order avoids it.
 *
 * <p>The Java {@code synchronized} keyword is no protection here: all bodies of a loop take turns on the loop (and
 * under the continuation engine, on one thread), so it would not exclude the others across an await, and a monitor
 * held across an await can deadlock the loop (see docs/differences.md).
 *
 * <pre>
 * without a lock: balance 1 (100 deposits of 1)
 * with a lock: balance 100 (100 deposits of 1)
 * locks taken in opposite orders: deadlock, gave up after 0.1 s
 * locks taken in one order: both tasks done
 * </pre>
 */
public final class GuideErrorRaceCondition {
    private GuideErrorRaceCondition() {
    }

    private static int balance;

    /** Reads the balance, awaits (an I/O call, say), writes it back: a critical section. */
    static Void deposit(int amount) {
        int current = balance;
        sleep(0);                                    // suspends: the other coroutines run here
        balance = current + amount;
        return null;
    }

    /** The same, with {@code async with lock:} around the critical section. */
    static Void depositSafely(Lock lock, int amount) {
        return asyncWith(lock, held -> deposit(amount));
    }

    static int hundredDeposits(boolean withLock) {
        balance = 0;
        Lock lock = newLock();                       // lock = asyncio.Lock()
        List<Task<Void>> deposits = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            deposits.add(createTask(() -> withLock ? depositSafely(lock, 1) : deposit(1)));
        }
        await(gather(deposits));
        return balance;
    }

    /** Takes {@code first}, then {@code second}, awaiting in between. */
    static Void takeBoth(Lock first, Lock second) {
        return asyncWith(first, a -> {
            sleep(0.01);
            return asyncWith(second, b -> null);
        });
    }

    public static void main(String[] args) {
        run(() -> {
            System.out.println("without a lock: balance " + hundredDeposits(false) + " (100 deposits of 1)");
            System.out.println("with a lock: balance " + hundredDeposits(true) + " (100 deposits of 1)");

            Lock a = newLock();
            Lock b = newLock();
            try {
                waitFor(gather(() -> takeBoth(a, b), () -> takeBoth(b, a)), 0.1);
                System.out.println("locks taken in opposite orders: both tasks done");
            } catch (TimeoutError e) {                 // wait_for cancels both; their locks are released
                System.out.println("locks taken in opposite orders: deadlock, gave up after 0.1 s");
            }
            waitFor(gather(() -> takeBoth(a, b), () -> takeBoth(a, b)), 0.1);
            System.out.println("locks taken in one order: both tasks done");
            return null;
        });
    }
}
