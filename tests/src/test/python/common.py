"""Formatting shared by the reference scripts, so that their traces read like the Java tests' traces."""


def s(v):
    """A value as Java's String.valueOf prints it: null, true/false, else str()."""
    if v is None:
        return "null"
    if isinstance(v, bool):
        return "true" if v else "false"
    return str(v)


def msg(e):
    """The message of a CancelledError, as Java's getMessage() returns it."""
    return s(e.args[0] if e.args else None)


def show(*scenarios):
    for fn in scenarios:
        print(f"{fn.__name__}: {' | '.join(fn())}")
