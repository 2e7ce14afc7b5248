package org.asyncio4j.examples.seeds;

import static org.asyncio4j.Asyncio.getRunningLoop;
import static org.asyncio4j.Asyncio.newEventLoop;
import static org.asyncio4j.Asyncio.run;

import org.asyncio4j.EventLoop;

/**
 * Seed 001 (the guide), "What is the Event Loop", "How To Start and Get An Event Loop": {@code
 * asyncio.new_event_loop()} creates a loop that is neither running nor closed, and {@code
 * asyncio.get_running_loop()} returns the loop running the current coroutine. {@code asyncio.get_event_loop()}
 * (deprecated in Python) has no counterpart.
 *
 * <p>Python prints {@code <_UnixSelectorEventLoop running=False closed=False debug=False>}; asyncio4j names the
 * engine that runs the Java bodies (see the README, "Which engine runs your Java bodies"):
 *
 * <pre>
 * &lt;EventLoop engine=CONTINUATION running=false closed=false debug=false&gt;
 * running loop: &lt;EventLoop engine=CONTINUATION running=true closed=false debug=false&gt;
 * </pre>
 */
public final class GuideEventLoop {
    private GuideEventLoop() {
    }

    public static void main(String[] args) {
        EventLoop loop = newEventLoop();                 // loop = asyncio.new_event_loop()
        System.out.println(loop);                        // print(loop)
        loop.close();

        run(() -> {
            EventLoop running = getRunningLoop();        // loop = asyncio.get_running_loop()
            System.out.println("running loop: " + running);
            return null;
        });
    }
}
