package org.asyncio4j.examples.seeds;

import static org.asyncio4j.Asyncio.asyncWith;
import static org.asyncio4j.Asyncio.run;
import static org.asyncio4j.Asyncio.sleep;

import org.asyncio4j.AsyncContextManager;

/**
 * Seed 001 (the guide), "Asynchronous Context Managers": a class with {@code __aenter__} and {@code __aexit__}, both
 * awaiting, used with {@code async with} ("example of an asynchronous context manager via async with"); then the
 * same block written out by hand (enter, then exit in a {@code finally}), as the seed explains {@code async with}.
 *
 * <p>In Java the class implements {@link AsyncContextManager} ({@code aenter}, {@code aexit}, which sees the
 * exception leaving the block), and {@code asyncWith(cm, manager -> block)} is {@code async with cm as manager:}.
 * (The seed's full example names the methods {@code __enter__}/{@code __exit__} by mistake; the snippets before it
 * have the right names.) The seed sleeps 0.5 s in each method; here 0.05 s.
 *
 * <pre>
 * >entering the context manager
 * within the manager
 * >exiting the context manager
 * >entering the context manager
 * within the manager, by hand
 * >exiting the context manager
 * </pre>
 */
public final class GuideAsyncContextManager {
    private GuideAsyncContextManager() {
    }

    /** {@code class AsyncContextManager}. */
    static final class ReportingManager implements AsyncContextManager<Void> {
        /** {@code async def __aenter__(self)}: the value of {@code as manager} (None here). */
        @Override
        public Void aenter() {
            System.out.println(">entering the context manager");
            sleep(0.05);                            // block for a moment
            return null;
        }

        /** {@code async def __aexit__(self, exc_type, exc, tb)}: false lets an exception of the block through. */
        @Override
        public boolean aexit(Throwable error) {
            System.out.println(">exiting the context manager");
            sleep(0.05);
            return false;
        }
    }

    /** {@code async def custom_coroutine()}. */
    static Void customCoroutine() {
        asyncWith(new ReportingManager(), manager -> {   // async with AsyncContextManager() as manager:
            System.out.println("within the manager");
            return null;
        });

        ReportingManager manager = new ReportingManager();
        manager.aenter();                               // manager = await AsyncContextManager()... (enter)
        try {
            System.out.println("within the manager, by hand");
        } finally {
            manager.aexit(null);                        // await manager.close() (exit)
        }
        return null;
    }

    public static void main(String[] args) {
        run(GuideAsyncContextManager::customCoroutine);
    }
}
