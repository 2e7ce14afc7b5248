package org.asyncio4j.examples.seeds;

import static org.asyncio4j.Asyncio.asCompleted;
import static org.asyncio4j.Asyncio.await;
import static org.asyncio4j.Asyncio.createTask;
import static org.asyncio4j.Asyncio.run;
import static org.asyncio4j.Asyncio.sleep;

import java.util.List;
import org.asyncio4j.Future;
import org.asyncio4j.Task;

/**
 * Seed 004 (function index), {@code asyncio.as_completed(aws, *, timeout=None)}, "Example: async for": two
 * connection tasks, handled as they finish; {@code async for} yields the original tasks. The plain {@code for} form,
 * which yields wrapper coroutines, has no Java counterpart. As in {@link DocsAsCompleted}, a sleep stands in for
 * {@code open_connection}.
 *
 * <pre>
 * ::1 port 2
 * 127.0.0.1 port 1
 * </pre>
 */
public final class IndexAsCompleted {
    private IndexAsCompleted() {
    }

    static String openConnection(String host, int port, double latency) {
        sleep(latency);
        return host + " port " + port;
    }

    public static void main(String[] args) {
        run(() -> {
            Task<String> ipv4 = createTask(() -> openConnection("127.0.0.1", 1, 0.05));
            Task<String> ipv6 = createTask(() -> openConnection("::1", 2, 0.02));
            List<Task<String>> tasks = List.of(ipv4, ipv6);
            for (Future<String> task : asCompleted(tasks)) {      // async for task in as_completed(tasks):
                String result = await(task);
                System.out.println(result);
            }
            return null;
        });
    }
}
