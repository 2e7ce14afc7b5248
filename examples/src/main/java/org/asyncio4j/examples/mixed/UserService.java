package org.asyncio4j.examples.mixed;

import static org.asyncio4j.Asyncio.asyncGenerator;
import static org.asyncio4j.Asyncio.await;
import static org.asyncio4j.Asyncio.gather;
import static org.asyncio4j.Asyncio.sleep;

import java.util.ArrayList;
import java.util.List;
import org.asyncio4j.AsyncGenerator;
import org.asyncio4j.CancelledError;
import org.asyncio4j.Task;

/**
 * The Java side of the mixed program: a service written in asyncio4j's blocking style, on top of the Kotlin
 * {@link UserRepository}. Every method that awaits runs inside a coroutine body (a Java task) of the loop.
 */
public final class UserService {
    private final UserRepository repository;

    public UserService(UserRepository repository) {
        this.repository = repository;
    }

    /**
     * Reads the ids from the repository's Kotlin Flow ({@code async for}), then looks every user up concurrently
     * with Kotlin suspend calls made into tasks, and gathers them ({@code asyncio.gather}).
     *
     * @return the users, in id order
     */
    public List<User> loadAll() {
        List<Integer> ids = new ArrayList<>();
        for (int id : repository.userIdsAsync()) {                // async for id in repository.user_ids()
            ids.add(id);
        }
        System.out.println("java: user ids from the Kotlin flow: " + ids);
        List<Task<User>> lookups = new ArrayList<>();
        for (int id : ids) {
            lookups.add(repository.findUserAsync(id));
        }
        return await(gather(lookups));                             // await asyncio.gather(*lookups)
    }

    /**
     * Looks a user up; the Kotlin exception for an unknown id reaches this Java body unchanged.
     *
     * @param id the user's id
     * @return the user's name, or a note that there is none
     */
    public String nameOf(int id) {
        try {
            return await(repository.findUserAsync(id)).getName();
        } catch (IllegalStateException e) {
            return "(" + e.getMessage() + ")";
        }
    }

    /** Cancellation from Java into Kotlin: starts the Kotlin report, gives up on it, and sees it end cancelled. */
    public void giveUpOnTheKotlinReport() {
        Task<String> report = repository.slowReportAsync();
        sleep(0.02);
        report.cancel("java gave up");                             // a cancel() request, delivered to the coroutine
        try {
            await(report);
        } catch (CancelledError e) {
            System.out.println("java: the Kotlin report task ended cancelled: " + report.cancelled());
        }
    }

    /**
     * An async generator of audit events, for the Kotlin side to collect as a Flow.
     *
     * @return the generator
     */
    public AsyncGenerator<String> auditEvents() {
        return asyncGenerator(out -> {
            for (int i = 0; i < 3; i++) {
                sleep(0.01);
                out.emit("event " + i);                             // yield f"event {i}"
            }
        });
    }

    /**
     * A long Java job, for the Kotlin side to cancel; it reports the cancellation and lets it go on.
     *
     * @return never returns normally
     */
    public String longJavaJob() {
        try {
            sleep(10);
            return "finished";
        } catch (CancelledError e) {
            System.out.println("java: longJavaJob cancelled");
            throw e;
        }
    }
}
