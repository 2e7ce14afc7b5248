package org.asyncio4j.examples.seeds;

import static org.asyncio4j.Asyncio.asCompleted;
import static org.asyncio4j.Asyncio.await;
import static org.asyncio4j.Asyncio.createTask;
import static org.asyncio4j.Asyncio.run;
import static org.asyncio4j.Asyncio.sleep;

import java.util.List;
import org.asyncio4j.Future;
import org.asyncio4j.Task;
import org.asyncio4j.TimeoutError;

/**
 * Seed 000 (Python documentation, asyncio-task.html), {@code asyncio.as_completed}: two connection attempts
 * started as tasks, handled in the order they finish; with a timeout, {@code TimeoutError} is raised by the loop
 * once the time is up before all of them are done.
 *
 * <p>The seed connects with {@code open_connection("127.0.0.1", 80)} and {@code open_connection("::1", 80)}; this
 * port stands a short sleep in for the network, so that it runs anywhere (the streams examples show
 * {@code openConnection} itself). In Python 3.13's {@code async for} form, which is Java's, the loop yields the
 * original task objects; the old plain-iteration form, which yields new coroutines to await, does not exist in
 * Java.
 *
 * <pre>
 * connected to ::1 port 80 (an original task: true)
 * connected to 127.0.0.1 port 80 (an original task: true)
 * connected to ::1 port 80
 * TimeoutError: the other connection took longer than 0.2 s
 * </pre>
 */
public final class DocsAsCompleted {
    private DocsAsCompleted() {
    }

    /** A stand-in for {@code open_connection(host, port)} that takes {@code latency} seconds. */
    static String openConnection(String host, int port, double latency) {
        sleep(latency);
        return host + " port " + port;
    }

    public static void main(String[] args) {
        run(() -> {
            Task<String> ipv4Connect = createTask(() -> openConnection("127.0.0.1", 80, 0.1));
            Task<String> ipv6Connect = createTask(() -> openConnection("::1", 80, 0.05));
            List<Task<String>> tasks = List.of(ipv4Connect, ipv6Connect);
            for (Future<String> nextConnect : asCompleted(tasks)) {   // async for next_connect in as_completed(tasks)
                String connection = await(nextConnect);
                System.out.println("connected to " + connection + " (an original task: " + tasks.contains(nextConnect) + ")");
            }

            Task<String> slow = createTask(() -> openConnection("192.0.2.1", 80, 10));
            Task<String> fast = createTask(() -> openConnection("::1", 80, 0.05));
            try {
                for (Future<String> nextConnect : asCompleted(List.of(slow, fast), 0.2)) {
                    System.out.println("connected to " + await(nextConnect));
                }
            } catch (TimeoutError e) {
                System.out.println("TimeoutError: the other connection took longer than 0.2 s");
                slow.cancel();                                     // as_completed does not cancel it
            }
            return null;
        });
    }
}
