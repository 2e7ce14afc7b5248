"""CPython 3.13 reference traces for EventLoopTest (run: python3.13 event_loop.py)."""
import asyncio

from common import show


def batches():
    # Callbacks scheduled while a batch runs go to the next batch; timers that are due
    # are appended to the ready queue after the callbacks already there.
    loop = asyncio.new_event_loop()
    trace = []

    def a():
        trace.append("a")
        loop.call_soon(lambda: trace.append("c"))
        loop.call_later(0, lambda: trace.append("t2"))
        loop.call_soon(lambda: trace.append("d"))

    loop.call_later(0, lambda: trace.append("t1"))
    loop.call_soon(a)
    loop.call_soon(lambda: trace.append("b"))
    loop.call_later(0.001, loop.stop)
    loop.run_forever()
    loop.close()
    return trace


def stop_before_run_forever():
    loop = asyncio.new_event_loop()
    trace = []

    def a():
        trace.append("a")
        loop.call_soon(lambda: trace.append("b"))

    loop.call_soon(a)
    loop.stop()
    loop.run_forever()
    trace.append("returned")
    loop.call_soon(loop.stop)
    loop.run_forever()
    trace.append("returned")
    loop.close()
    return trace


def stop_inside_run_forever():
    loop = asyncio.new_event_loop()
    trace = []

    def a():
        trace.append("a")
        loop.stop()
        loop.call_soon(lambda: trace.append("c"))

    loop.call_soon(a)
    loop.call_soon(lambda: trace.append("b"))
    loop.run_forever()
    trace.append("returned")
    loop.stop()
    loop.run_forever()
    trace.append("returned")
    loop.close()
    return trace


show(batches, stop_before_run_forever, stop_inside_run_forever)
