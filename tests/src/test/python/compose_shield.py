"""CPython 3.13 reference traces for ShieldTest (run: python3.13 compose_shield.py)."""
import asyncio, gc
async def main():
    loop = asyncio.get_running_loop()
    reports = []
    loop.set_exception_handler(lambda l, ctx: reports.append(ctx["message"]))
    async def inner():
        await asyncio.sleep(0.2); raise RuntimeError("late")
    t = asyncio.create_task(inner())
    s = asyncio.shield(t)
    s.cancel()
    await asyncio.sleep(0.5)
    del t, s
    gc.collect()
    print(reports)
asyncio.run(main())
