package org.asyncio4j;

import java.util.Set;

/**
 * What {@code wait} returns: Python's {@code (done, pending)} pair of sets. The sets hold the futures given to
 * {@code wait} (no copies), each once, in the order they were given.
 *
 * @param done the futures that were done (result, exception or cancelled) when the wait returned
 * @param pending the futures still pending; {@code wait} never cancels them
 * @param <F> the type of the futures
 */
public record DoneAndPending<F extends Future<?>>(Set<F> done, Set<F> pending) {
}
