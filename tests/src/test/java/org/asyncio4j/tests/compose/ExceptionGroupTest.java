package org.asyncio4j.tests.compose;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.asyncio4j.ExceptionGroup;
import org.junit.jupiter.api.Test;

/** ExceptionGroup: Python's ExceptionGroup message, subgroup, split and derive. */
class ExceptionGroupTest {
    private final IllegalArgumentException value = new IllegalArgumentException("v");
    private final IOException io = new IOException("io");
    private final ArithmeticException arith = new ArithmeticException("z");
    private final ExceptionGroup nested = new ExceptionGroup("inner", List.of(io, arith));
    private final ExceptionGroup eg = new ExceptionGroup("outer", List.of(value, nested));

    @Test
    void theMessageCountsTheMembers() {
        assertEquals("outer", eg.message());
        assertEquals("outer (2 sub-exceptions)", eg.getMessage());
        assertEquals("x (1 sub-exception)", new ExceptionGroup("x", List.of(io)).getMessage());
        assertEquals(List.of(value, nested), eg.exceptions());
        assertThrows(UnsupportedOperationException.class, () -> eg.exceptions().add(io));
        assertArrayEquals(new Throwable[] {value, nested}, eg.getSuppressed());
    }

    @Test
    void theMembersAreCopied() {
        List<Throwable> list = new ArrayList<>(List.of(io));
        ExceptionGroup g = new ExceptionGroup("m", list);
        list.add(value);
        assertEquals(List.of(io), g.exceptions());
    }

    @Test
    void subgroupSelectsByTypeKeepingTheNesting() {
        ExceptionGroup s = eg.subgroup(IOException.class);
        assertEquals("outer", s.message());
        assertEquals(1, s.exceptions().size());
        ExceptionGroup inner = (ExceptionGroup) s.exceptions().get(0);
        assertEquals("inner", inner.message());
        assertEquals(List.of(io), inner.exceptions());
        assertSame(eg, eg.subgroup(Exception.class));
        assertNull(eg.subgroup(IllegalStateException.class));
        assertSame(nested, eg.subgroup(t -> t == nested).exceptions().get(0));
    }

    @Test
    void splitSeparatesMatchesFromTheRest() {
        ExceptionGroup.Split s = eg.split(ArithmeticException.class);
        assertEquals("outer", s.match().message());
        ExceptionGroup matchedInner = (ExceptionGroup) s.match().exceptions().get(0);
        assertEquals(List.of(arith), matchedInner.exceptions());
        assertSame(value, s.rest().exceptions().get(0));
        ExceptionGroup restInner = (ExceptionGroup) s.rest().exceptions().get(1);
        assertEquals(List.of(io), restInner.exceptions());
        // a group is an exception too: a type it belongs to selects it whole, as in Python
        assertSame(eg, eg.split(RuntimeException.class).match());
        ExceptionGroup.Split all = eg.split(t -> !(t instanceof ExceptionGroup));
        assertSame(eg, all.match());
        assertNull(all.rest());
        ExceptionGroup.Split none = eg.split(Error.class);
        assertNull(none.match());
        assertSame(eg, none.rest());
    }

    @Test
    void deriveKeepsTheMessageAndCause() {
        ExceptionGroup g = new ExceptionGroup("m", List.of(io));
        g.initCause(value);
        ExceptionGroup d = g.derive(List.of(arith));
        assertEquals("m", d.message());
        assertSame(value, d.getCause());
        assertEquals(List.of(arith), d.exceptions());
    }

    @Test
    void anEmptyOrNullListIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> new ExceptionGroup("m", List.of()));
        List<Throwable> withNull = new ArrayList<>();
        withNull.add(null);
        assertThrows(IllegalArgumentException.class, () -> new ExceptionGroup("m", withNull));
        assertThrows(NullPointerException.class, () -> new ExceptionGroup(null, List.of(io)));
    }
}
