"""CPython 3.13 reference traces for TaskCancellationTest (run: python3.13 cancellation.py)."""
import asyncio

from common import msg, s, show


def request_delivered_at_await():
    trace = []

    async def body():
        try:
            trace.append("body-start")
            await asyncio.sleep(10)
            trace.append("not-reached")
        except asyncio.CancelledError as e:
            trace.append(f"caught:{msg(e)}")
            raise
        finally:
            trace.append("finally")

    async def main():
        t = asyncio.create_task(body())
        await asyncio.sleep(0)
        trace.append(f"cancel={s(t.cancel('bye'))}")
        trace.append(f"cancelling={t.cancelling()} done={s(t.done())}")
        try:
            await t
        except asyncio.CancelledError as e:
            trace.append(f"main-caught:{msg(e)}")
        trace.append(f"cancelled={s(t.cancelled())}")
        trace.append(f"time={asyncio.get_running_loop().time() - start:.0f}")

    loop = asyncio.new_event_loop()
    start = loop.time()
    loop.run_until_complete(main())
    loop.close()
    return trace


def nested_tasks():
    trace = []

    async def inner():
        try:
            await asyncio.sleep(10)
        except asyncio.CancelledError as e:
            trace.append(f"inner-caught:{msg(e)}")
            raise

    async def outer(i):
        try:
            await i
        except asyncio.CancelledError as e:
            trace.append(f"outer-caught:{msg(e)}")
            raise

    async def main():
        i = asyncio.create_task(inner())
        o = asyncio.create_task(outer(i))
        await asyncio.sleep(0)
        trace.append(f"cancel={s(o.cancel('m'))}")
        try:
            await o
        except asyncio.CancelledError as e:
            trace.append(f"main-caught:{msg(e)}")
        trace.append(f"inner cancelled={s(i.cancelled())} cancelling={i.cancelling()}")
        trace.append(f"outer cancelled={s(o.cancelled())} cancelling={o.cancelling()}")

    asyncio.run(main())
    return trace


def uncancel_drops_undelivered_request():
    trace = []

    async def body():
        trace.append("body")
        await asyncio.sleep(0)
        return "ok"

    async def main():
        t = asyncio.create_task(body())
        trace.append(f"cancel={s(t.cancel())} {s(t.cancel())}")
        trace.append(f"uncancel={t.uncancel()}")
        trace.append(f"uncancel={t.uncancel()}")
        trace.append(f"uncancel={t.uncancel()}")
        trace.append(f"result={await t}")

    asyncio.run(main())
    return trace


def uncancel_after_delivery_does_not_undo():
    trace = []

    async def body():
        try:
            await asyncio.sleep(10)
        except asyncio.CancelledError:
            trace.append("caught")
            raise

    async def main():
        t = asyncio.create_task(body())
        await asyncio.sleep(0)
        t.cancel()
        trace.append(f"uncancel={t.uncancel()}")
        try:
            await t
        except asyncio.CancelledError:
            trace.append("main-caught")

    asyncio.run(main())
    return trace


def two_requests_while_waiting_deliver_once():
    # cancel twice while waiting: the second request finds the waiter cancelled already and sets
    # must_cancel, so the body gets a second CancelledError at its next await.
    trace = []

    async def body():
        for i in range(3):
            try:
                await asyncio.sleep(10)
                trace.append(f"slept{i}")
            except asyncio.CancelledError:
                trace.append(f"caught{i} cancelling={asyncio.current_task().cancelling()}")
        return "done"

    async def main():
        t = asyncio.create_task(body())
        await asyncio.sleep(0)
        t.cancel()
        t.cancel()
        trace.append(f"result={await t}")

    asyncio.run(main())
    return trace


def swallowed_cancel_then_await():
    trace = []

    async def body():
        try:
            await asyncio.sleep(10)
        except asyncio.CancelledError:
            trace.append("caught")
        finally:
            trace.append("cleanup")
        await asyncio.sleep(1)
        trace.append("slept")
        return "finished"

    async def main():
        t = asyncio.create_task(body())
        await asyncio.sleep(0)
        t.cancel()
        trace.append(f"result={await t} cancelled={s(t.cancelled())} cancelling={t.cancelling()}")
        trace.append(f"cancel-done={s(t.cancel())}")

    asyncio.run(main())
    return trace


def race_result_then_cancel():
    # The awaited future completes, then the task is cancelled in the same iteration: the
    # wakeup finds must_cancel and throws CancelledError into the body; the result is dropped.
    trace = []

    async def body(f):
        try:
            v = await f
            trace.append(f"got {v}")
        except asyncio.CancelledError:
            trace.append("caught")
            raise

    async def main():
        loop = asyncio.get_running_loop()
        f = loop.create_future()
        t = asyncio.create_task(body(f))
        await asyncio.sleep(0)

        def both():
            f.set_result(42)
            trace.append(f"cancel={s(t.cancel())}")
        loop.call_soon(both)
        try:
            await t
        except asyncio.CancelledError:
            trace.append("main-caught")
        trace.append(f"cancelled={s(t.cancelled())} f={f.result()}")

    asyncio.run(main())
    return trace


def race_cancel_then_result():
    # The task is cancelled first (its waiter is cancelled), then the future's owner finds it done.
    trace = []

    async def body(f):
        try:
            await f
        except asyncio.CancelledError:
            trace.append("caught")
            raise

    async def main():
        loop = asyncio.get_running_loop()
        f = loop.create_future()
        t = asyncio.create_task(body(f))
        await asyncio.sleep(0)

        def both():
            trace.append(f"cancel={s(t.cancel())}")
            trace.append(f"f.cancelled={s(f.cancelled())}")
            if not f.done():
                f.set_result(42)
        loop.call_soon(both)
        try:
            await t
        except asyncio.CancelledError:
            trace.append("main-caught")
        trace.append(f"cancelled={s(t.cancelled())}")

    asyncio.run(main())
    return trace


def race_inner_task_done_and_cancel():
    # The outer task awaits an inner task that finishes in the same iteration as outer.cancel().
    trace = []

    async def inner():
        await asyncio.sleep(0)
        trace.append("inner-done")
        return 7

    async def outer(i):
        try:
            v = await i
            trace.append(f"outer-got {v}")
            return v
        except asyncio.CancelledError:
            trace.append("outer-caught")
            raise

    async def main():
        i = asyncio.create_task(inner())
        o = asyncio.create_task(outer(i))
        await asyncio.sleep(0)
        await asyncio.sleep(0)
        # in this batch, inner's step ran first and finished it: outer's wakeup is scheduled
        trace.append(f"cancel={s(o.cancel())} inner-done={s(i.done())}")
        try:
            await o
        except asyncio.CancelledError:
            trace.append("main-caught")
        trace.append(f"inner={i.result()} outer-cancelled={s(o.cancelled())}")

    asyncio.run(main())
    return trace


def cancel_before_start():
    trace = []

    async def body():
        trace.append("body")

    async def main():
        t = asyncio.create_task(body())
        trace.append(f"cancel={s(t.cancel('early'))}")
        try:
            await t
        except asyncio.CancelledError as e:
            trace.append(f"main-caught:{msg(e)}")
        trace.append(f"cancelled={s(t.cancelled())}")

    asyncio.run(main())
    return trace


def cancel_during_sleep0():
    # A task yielding with sleep(0) has no waiter: the request is flagged and delivered at the next step.
    trace = []

    async def body():
        try:
            trace.append("yield")
            await asyncio.sleep(0)
            trace.append("not-reached")
        except asyncio.CancelledError as e:
            trace.append(f"caught:{msg(e)}")
            raise

    async def main():
        t = asyncio.create_task(body())
        await asyncio.sleep(0)
        trace.append(f"cancel={s(t.cancel('m'))}")
        try:
            await t
        except asyncio.CancelledError as e:
            trace.append(f"main-caught:{msg(e)}")

    asyncio.run(main())
    return trace


def return_normally_after_cancel():
    trace = []

    async def body():
        try:
            await asyncio.sleep(10)
        except asyncio.CancelledError:
            return "cleaned up"

    async def main():
        t = asyncio.create_task(body())
        await asyncio.sleep(0)
        t.cancel()
        trace.append(f"result={await t} cancelled={s(t.cancelled())}")

    asyncio.run(main())
    return trace


def self_cancel_then_return():
    # A body that cancels its own task and returns normally: the task ends cancelled anyway.
    trace = []

    async def body():
        trace.append(f"cancel={s(asyncio.current_task().cancel('self'))}")
        return "ignored"

    async def main():
        t = asyncio.create_task(body())
        try:
            await t
        except asyncio.CancelledError as e:
            trace.append(f"main-caught:{msg(e)}")
        trace.append(f"cancelled={s(t.cancelled())}")

    asyncio.run(main())
    return trace


def self_cancel_then_await():
    # The pending request cancels the next future the body awaits, with the request's message.
    trace = []

    async def body(f):
        asyncio.current_task().cancel("self")
        try:
            await f
        except asyncio.CancelledError as e:
            trace.append(f"caught:{msg(e)} f.cancelled={s(f.cancelled())}")
            raise

    async def main():
        f = asyncio.get_running_loop().create_future()
        t = asyncio.create_task(body(f))
        try:
            await t
        except asyncio.CancelledError as e:
            trace.append(f"main-caught:{msg(e)}")

    asyncio.run(main())
    return trace


def awaited_task_cancelled_by_someone_else():
    # The awaiter gets the inner task's CancelledError and, not catching it, ends cancelled too,
    # although nobody requested its own cancellation.
    trace = []

    async def main():
        inner = asyncio.create_task(asyncio.sleep(10))
        outer = asyncio.create_task(_await(inner))
        await asyncio.sleep(0)
        inner.cancel("inner only")
        try:
            await outer
        except asyncio.CancelledError as e:
            trace.append(f"main-caught:{msg(e)}")
        trace.append(f"outer cancelled={s(outer.cancelled())} cancelling={outer.cancelling()}")

    async def _await(t):
        return await t

    asyncio.run(main())
    return trace


show(request_delivered_at_await, nested_tasks, uncancel_drops_undelivered_request,
     uncancel_after_delivery_does_not_undo, two_requests_while_waiting_deliver_once,
     swallowed_cancel_then_await, race_result_then_cancel, race_cancel_then_result,
     race_inner_task_done_and_cancel, cancel_before_start, cancel_during_sleep0,
     return_normally_after_cancel, self_cancel_then_return, self_cancel_then_await,
     awaited_task_cancelled_by_someone_else)
