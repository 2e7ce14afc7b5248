package org.asyncio4j.examples.seeds;

import static org.asyncio4j.Asyncio.await;
import static org.asyncio4j.Asyncio.createTask;
import static org.asyncio4j.Asyncio.run;
import static org.asyncio4j.Asyncio.sleep;

import org.asyncio4j.Task;

/**
 * Seed 001 (the guide), "Python Asyncio Common Questions", "How to Run a Follow-Up Task?": the three ways to issue
 * a follow-up task: from the completed task itself, from the caller after checking the first task's result, and
 * from a done callback (a plain function, which schedules the follow-up task but cannot await it).
 *
 * <pre>
 * work 1 done
 * follow-up of work 1 (issued by the task itself)
 * work 2 done
 * follow-up of work 2 (issued by the caller)
 * work 3 done
 * follow-up of work 3 (issued by a done callback)
 * </pre>
 */
public final class GuideFollowUpTasks {
    private GuideFollowUpTasks() {
    }

    static boolean work(int n) {
        sleep(0.01);
        System.out.println("work " + n + " done");
        return true;
    }

    static Void followup(int n, String how) {
        System.out.println("follow-up of work " + n + " (issued by " + how + ")");
        return null;
    }

    public static void main(String[] args) {
        run(() -> {
            Task<Void> first = createTask(() -> {
                work(1);
                Task<Void> task = createTask(() -> followup(1, "the task itself"));  // schedule a follow-up task
                await(task);                                                        // and wait for it
                return null;
            });
            await(first);

            Task<Boolean> task = createTask(() -> work(2));
            await(task);                                         // issue and await the first task
            if (task.result()) {                                 // check its result
                await(createTask(() -> followup(2, "the caller")));
            }

            Task<?>[] followup = new Task<?>[1];
            Task<Boolean> third = createTask(() -> work(3));
            // def callback(task): asyncio.create_task(followup())
            third.addDoneCallback(t -> followup[0] = createTask(() -> followup(3, "a done callback")));
            await(third);
            sleep(0);                                            // the callback runs
            await(followup[0]);
            return null;
        });
    }
}
