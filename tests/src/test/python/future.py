"""CPython 3.13 reference traces for FutureTest (run: python3.13 future.py)."""
import asyncio

from common import msg, s, show


def done_callbacks_order():
    # Done callbacks are scheduled with call_soon when the future completes, in registration
    # order, behind what is already ready; one added to a done future is scheduled at once.
    loop = asyncio.new_event_loop()
    trace = []
    f = loop.create_future()
    f.add_done_callback(lambda _: trace.append("cb1"))
    loop.call_soon(lambda: trace.append("x"))
    f.add_done_callback(lambda _: trace.append("cb2"))
    f.set_result(1)
    trace.append("set")
    loop.call_soon(lambda: trace.append("y"))
    f.add_done_callback(lambda _: trace.append("cb3"))
    trace.append("added")
    loop.call_soon(loop.stop)
    loop.run_forever()
    loop.close()
    return trace


def cancel_message():
    loop = asyncio.new_event_loop()
    f = loop.create_future()
    out = [f"cancel={s(f.cancel('stop it'))}", f"cancel={s(f.cancel('again'))}"]
    for _ in range(2):
        try:
            f.result()
        except asyncio.CancelledError as e:
            out.append(f"result:{msg(e)}")
    try:
        f.exception()
    except asyncio.CancelledError as e:
        out.append(f"exception:{msg(e)}")
    loop.close()
    return out


show(done_callbacks_order, cancel_message)
