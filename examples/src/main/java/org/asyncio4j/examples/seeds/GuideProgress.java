package org.asyncio4j.examples.seeds;

import static org.asyncio4j.Asyncio.await;
import static org.asyncio4j.Asyncio.createTask;
import static org.asyncio4j.Asyncio.gather;
import static org.asyncio4j.Asyncio.run;
import static org.asyncio4j.Asyncio.sleep;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.asyncio4j.Future;
import org.asyncio4j.Task;

/**
 * Seed 001 (the guide), "Python Asyncio Common Questions", "How to Show Progress of Running Tasks?": one done
 * callback, a plain function (not a coroutine) that receives the task, registered on every task with {@code
 * add_done_callback}; it prints a dot per finished task.
 *
 * <pre>
 * ..........
 * all 10 tasks done
 * </pre>
 */
public final class GuideProgress {
    private GuideProgress() {
    }

    /** {@code def progress(task): print('.', end='')}. */
    static void progress(Future<?> task) {
        System.out.print(".");
    }

    public static void main(String[] args) {
        run(() -> {
            List<Task<Integer>> tasks = new ArrayList<>();
            Consumer<Future<Integer>> callback = GuideProgress::progress;
            for (int i = 0; i < 10; i++) {
                int n = i;
                Task<Integer> task = createTask(() -> sleep(0.005 * n, n));
                task.addDoneCallback(callback);         // task.add_done_callback(progress)
                tasks.add(task);
            }
            await(gather(tasks));
            sleep(0);                                   // the last callback runs
            System.out.println();
            System.out.println("all " + tasks.size() + " tasks done");
            return null;
        });
    }
}
