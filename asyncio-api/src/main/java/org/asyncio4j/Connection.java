package org.asyncio4j;

/**
 * The pair {@code openConnection} returns: Python's {@code (reader, writer)} tuple.
 *
 * @param reader reads from the connection
 * @param writer writes to it
 */
public record Connection(StreamReader reader, StreamWriter writer) {
}
