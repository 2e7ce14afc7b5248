package org.asyncio4j.examples.mixed;

import static org.asyncio4j.Asyncio.await;
import static org.asyncio4j.Asyncio.run;

import java.util.List;
import org.asyncio4j.kotlin.KotlinInterop;

/**
 * A Java and Kotlin program on one event loop. The Java {@link UserService} gathers users from the Kotlin
 * {@link UserRepository} (suspend functions and a Flow) and cancels a Kotlin task; the Kotlin {@link Reporting}
 * awaits Java tasks, collects a Java async generator as a Flow and cancels Java tasks (asyncio's {@code waitFor},
 * kotlinx's {@code withTimeout}); Java awaits a Kotlin task and a Deferred of the loop's Kotlin scope. What each side
 * does is printed with its name.
 *
 * <pre>
 * java: user ids from the Kotlin flow: [1, 2, 3]
 * java: gathered [User(id=1, name=ada), User(id=2, name=grace), User(id=3, name=linus)]
 * java: user 99: (no user 99)
 * kotlin: slowReport cancelled (java gave up)
 * java: the Kotlin report task ended cancelled: true
 * java: user ids from the Kotlin flow: [1, 2, 3]
 * kotlin: awaited the Java task: 3 users
 * kotlin: audit event 0
 * kotlin: audit event 1
 * kotlin: audit event 2
 * java: longJavaJob cancelled
 * kotlin: waitFor timed out; the Java task is cancelled: true
 * java: longJavaJob cancelled
 * kotlin: withTimeout cancelled the awaited Java task: true
 * java: the Kotlin report is done
 * java: from the loop's Kotlin scope: ADA
 * </pre>
 */
public final class MixedProgram {
    private MixedProgram() {
    }

    public static void main(String[] args) {
        run(() -> {
            UserRepository repository = new UserRepository();
            UserService service = new UserService(repository);

            List<User> users = service.loadAll();                  // Java gathers from Kotlin
            System.out.println("java: gathered " + users);
            System.out.println("java: user 99: " + service.nameOf(99));
            service.giveUpOnTheKotlinReport();                     // cancellation from Java into Kotlin

            Reporting reporting = new Reporting(service, repository);
            await(reporting.reportAsync());                        // Java awaits a Kotlin suspend function's task
            System.out.println("java: the Kotlin report is done");

            // a Deferred of a coroutine on the loop's Kotlin scope, awaited by Java
            String name = await(KotlinInterop.asFuture(reporting.upperCaseNameAsync(1)));
            System.out.println("java: from the loop's Kotlin scope: " + name);
            return null;
        });
    }
}
