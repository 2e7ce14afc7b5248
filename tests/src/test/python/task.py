"""CPython 3.13 reference traces for TaskTest (run: python3.13 task.py)."""
import asyncio

from common import show


def body_starts_next_iteration():
    # create_task schedules the first step with call_soon: behind what is already ready.
    trace = []

    async def child():
        trace.append("child")

    async def main():
        loop = asyncio.get_running_loop()
        loop.call_soon(lambda: trace.append("cb-before"))
        t = asyncio.create_task(child())
        loop.call_soon(lambda: trace.append("cb-after"))
        trace.append("created")
        await asyncio.sleep(0)
        trace.append("main")
        await t

    asyncio.run(main())
    return trace


def await_done_future_does_not_yield():
    trace = []

    async def child():
        trace.append("child")

    async def main():
        f = asyncio.get_running_loop().create_future()
        f.set_result(1)
        asyncio.create_task(child())
        trace.append("before")
        await f
        trace.append("after")
        await asyncio.sleep(0)
        trace.append("end")

    asyncio.run(main())
    return trace


def await_task_wakes_after_its_callbacks():
    # A task awaiting another task resumes through the awaited task's done callbacks.
    trace = []

    async def child():
        trace.append("child")
        return 1

    async def main():
        t = asyncio.create_task(child())
        t.add_done_callback(lambda _: trace.append("cb1"))
        trace.append("await")
        await t
        trace.append("resumed")

    async def outer():
        t = asyncio.create_task(main())
        t.add_done_callback(lambda _: trace.append("main-done"))
        await t

    asyncio.run(outer())
    return trace


show(body_starts_next_iteration, await_done_future_does_not_yield, await_task_wakes_after_its_callbacks)
