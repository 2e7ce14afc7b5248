"""CPython 3.13 reference traces for SleepTest (run: python3.13 sleep.py)."""
import asyncio

from common import show


def sleep0_interleaves_two_tasks():
    trace = []

    async def worker(name, n):
        for i in range(n):
            trace.append(f"{name}{i}")
            await asyncio.sleep(0)

    async def main():
        loop = asyncio.get_running_loop()
        a = asyncio.create_task(worker("a", 3))
        b = asyncio.create_task(worker("b", 2))
        loop.call_soon(lambda: trace.append("cb"))
        await a
        await b

    asyncio.run(main())
    return trace


def sleep0_goes_behind_ready_callbacks():
    trace = []

    async def main():
        loop = asyncio.get_running_loop()

        def cb1():
            trace.append("cb1")
            loop.call_soon(lambda: trace.append("cb2"))
        loop.call_soon(cb1)
        await asyncio.sleep(0)
        trace.append("main1")
        await asyncio.sleep(-5)
        trace.append("main2")

    asyncio.run(main())
    return trace


show(sleep0_interleaves_two_tasks, sleep0_goes_behind_ready_callbacks)
