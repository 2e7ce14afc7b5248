package org.asyncio4j.examples.seeds;

import static org.asyncio4j.Asyncio.getRunningLoop;
import static org.asyncio4j.Asyncio.newEventLoop;
import static org.asyncio4j.Asyncio.sleep;

import org.asyncio4j.Engine;
import org.asyncio4j.EventLoop;
import org.asyncio4j.LoopConfig;
import org.asyncio4j.Runner;

/**
 * Seed 004 (class index), {@code asyncio.Runner(*, debug=None, loop_factory=None)}: {@code with asyncio.Runner() as
 * runner: result = runner.run(my_coroutine())}; several {@code run} calls share one loop ({@code get_loop()}), and
 * {@code close()} (the end of the {@code with} block: try-with-resources) cancels what is left, finalizes async
 * generators, shuts the default executor down and closes the loop. {@code loop_factory} chooses the loop, here its
 * engine.
 *
 * <pre>
 * result: 1
 * result: 2
 * same loop for both runs: true
 * loop closed after the with block: true
 * debug loop from loop_factory: true
 * </pre>
 */
public final class IndexRunner {
    private IndexRunner() {
    }

    static int myCoroutine(int n) {
        return sleep(0.01, n);
    }

    public static void main(String[] args) {
        EventLoop loop;
        try (Runner runner = new Runner()) {                       // with asyncio.Runner() as runner:
            int result = runner.run(() -> myCoroutine(1));          // result = runner.run(my_coroutine())
            System.out.println("result: " + result);
            EventLoop first = runner.run(() -> getRunningLoop());
            System.out.println("result: " + runner.run(() -> myCoroutine(2)));
            loop = runner.getLoop();                                 // runner.get_loop()
            System.out.println("same loop for both runs: " + (first == loop));
        }
        System.out.println("loop closed after the with block: " + loop.isClosed());

        // asyncio.Runner(debug=True, loop_factory=...)
        try (Runner runner = new Runner(true, () -> newEventLoop(LoopConfig.defaults().withEngine(Engine.AUTO)))) {
            System.out.println("debug loop from loop_factory: " + runner.run(() -> getRunningLoop().getDebug()));
        }
    }
}
