package org.asyncio4j;

/** The handle {@link Acquirable#hold()} returns: releases its primitive on the first close only. */
final class ReleaseOnce implements Acquirable.Held {
    private Acquirable held;

    ReleaseOnce(Acquirable held) {
        this.held = held;
    }

    @Override
    public void close() {
        Acquirable h = held;
        if (h != null) {
            held = null;
            h.release();
        }
    }
}
