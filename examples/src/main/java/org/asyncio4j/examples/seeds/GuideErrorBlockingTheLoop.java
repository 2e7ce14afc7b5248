package org.asyncio4j.examples.seeds;

import static org.asyncio4j.Asyncio.createTask;
import static org.asyncio4j.Asyncio.currentTask;
import static org.asyncio4j.Asyncio.run;
import static org.asyncio4j.Asyncio.sleep;
import static org.asyncio4j.Asyncio.toThread;

import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.asyncio4j.Task;

/**
 * Seed 001 (the guide), "Run a Blocking Task in Asyncio" / "Need to Run Blocking Tasks in Asyncio": the common error
 * of calling a blocking function inside a coroutine. {@code time.sleep} (or any blocking I/O) in a body blocks the
 * whole loop, exactly as in Python: the other task below cannot tick meanwhile. In debug mode ({@code
 * asyncio.run(main(), debug=True)}, Java {@code run(main, true)}) asyncio4j reports it as Python does, with a
 * warning "Executing ... took 0.200 seconds" on the {@code org.asyncio4j} logger ({@code System.Logger}, printed on
 * standard error by default; this program also prints it on standard output). Run in a thread with {@code
 * to_thread}, the same call lets the loop go on.
 *
 * <pre>
 * ticks while time.sleep blocked the loop: 0
 * debug mode reported: Executing &lt;Task name='main' pending&gt; took 0.200 seconds
 * the ticker ran while to_thread slept: true
 * </pre>
 */
public final class GuideErrorBlockingTheLoop {
    private GuideErrorBlockingTheLoop() {
    }

    private static volatile int ticks;

    static Void ticker() {
        while (true) {
            sleep(0.02);
            ticks++;
        }
    }

    public static void main(String[] args) {
        Logger asyncioLog = Logger.getLogger("org.asyncio4j");
        Handler echo = new Handler() {
            @Override
            public void publish(LogRecord record) {
                if (record.getMessage().contains("<Task name='main'")) {   // this program's report only
                    System.out.println("debug mode reported: " + record.getMessage());
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        asyncioLog.addHandler(echo);
        try {
            run(() -> {
                currentTask().setName("main");
                Task<Void> t = createTask(GuideErrorBlockingTheLoop::ticker);
                sleep(0.05);
                int before = ticks;
                Time.sleep(0.2);                            // blocks the loop: nothing else runs
                System.out.println("ticks while time.sleep blocked the loop: " + (ticks - before));
                sleep(0);                                   // the step ends here: the loop measures it
                before = ticks;
                toThread(() -> Time.sleep(0.2));            // await asyncio.to_thread(time.sleep, 0.2)
                System.out.println("the ticker ran while to_thread slept: " + (ticks > before));
                t.cancel();
                return null;
            }, true);
        } finally {
            asyncioLog.removeHandler(echo);
        }
    }
}
