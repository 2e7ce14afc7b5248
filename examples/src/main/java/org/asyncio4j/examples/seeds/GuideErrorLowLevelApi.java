package org.asyncio4j.examples.seeds;

import static org.asyncio4j.Asyncio.await;
import static org.asyncio4j.Asyncio.gather;
import static org.asyncio4j.Asyncio.newEventLoop;
import static org.asyncio4j.Asyncio.run;
import static org.asyncio4j.Asyncio.sleep;

import java.util.List;
import org.asyncio4j.EventLoop;
import org.asyncio4j.Future;

/**
 * Seed 001 (the guide), "Python Asyncio Common Errors", "Error 3: Using the Low-Level Asyncio API": the same small
 * computation (two results that arrive after a while, added up) with the high-level API that applications should
 * use ({@code run}, coroutines, {@code gather}), then with the low-level API meant for frameworks (a loop made by
 * hand, futures completed by timer callbacks, {@code run_until_complete}, {@code close}).
 *
 * <pre>
 * high-level API: 3
 * low-level API: 3
 * </pre>
 */
public final class GuideErrorLowLevelApi {
    private GuideErrorLowLevelApi() {
    }

    public static void main(String[] args) {
        int sum = run(() -> {
            List<Integer> parts = await(gather(() -> sleep(0.02, 1), () -> sleep(0.01, 2)));
            return parts.get(0) + parts.get(1);
        });
        System.out.println("high-level API: " + sum);

        EventLoop loop = newEventLoop();                       // loop = asyncio.new_event_loop()
        try {
            Future<Integer> one = loop.createFuture();         // loop.create_future()
            Future<Integer> two = loop.createFuture();
            loop.callLater(0.02, () -> one.setResult(1));      // loop.call_later(0.02, one.set_result, 1)
            loop.callLater(0.01, () -> two.setResult(2));
            Future<Integer> both = loop.createFuture();
            two.addDoneCallback(f -> one.addDoneCallback(g -> both.setResult(g.result() + f.result())));
            System.out.println("low-level API: " + loop.runUntilComplete(both));
        } finally {
            loop.close();
        }
    }
}
