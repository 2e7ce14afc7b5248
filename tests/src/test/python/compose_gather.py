"""CPython 3.13 reference traces for GatherTest (run: python3.13 compose_gather.py)."""
import asyncio

async def first_exception():
    loop = asyncio.get_running_loop(); t0 = loop.time(); tr = []
    async def ok(n, d):
        await asyncio.sleep(d); tr.append(f"{n} done at {loop.time()-t0:.1f}"); return n
    async def bad():
        await asyncio.sleep(1); tr.append("bad raises"); raise ValueError("bad")
    a = asyncio.create_task(ok("a", 2))
    g = asyncio.gather(a, bad(), ok("c", 3))
    try:
        await g
    except ValueError as e:
        tr.append(f"gather raised {e} at {loop.time()-t0:.1f}; a.done={a.done()}")
    tr.append(f"cancel after done -> {g.cancel()}")
    await asyncio.sleep(5)
    tr.append(f"a={a.result()}")
    print("first_exception", tr)

async def cancel_gather():
    loop = asyncio.get_running_loop(); t0 = loop.time(); tr = []
    async def c(n, cleanup):
        try:
            await asyncio.sleep(10); return n
        except asyncio.CancelledError:
            tr.append(f"{n} cancelled"); await asyncio.sleep(cleanup); tr.append(f"{n} cleanup done"); raise
    g = asyncio.gather(c(1, 0.5), c(2, 1))
    async def waiter():
        try:
            await g
        except asyncio.CancelledError:
            tr.append(f"waiter got CancelledError at {loop.time()-t0:.1f}"); raise
    w = asyncio.create_task(waiter())
    await asyncio.sleep(1)
    tr.append(f"cancel -> {g.cancel()}")
    try: await w
    except asyncio.CancelledError: tr.append(f"w.cancelled={w.cancelled()} g.cancelled={g.cancelled()}")
    print("cancel_gather", tr)

async def cancel_waiting_task():
    loop = asyncio.get_running_loop(); tr = []
    async def c(n):
        try: await asyncio.sleep(10)
        except asyncio.CancelledError: tr.append(f"{n} cancelled"); raise
    async def waiter():
        await asyncio.gather(c(1), c(2))
    w = asyncio.create_task(waiter())
    await asyncio.sleep(1)
    w.cancel()
    try: await w
    except asyncio.CancelledError: tr.append(f"w.cancelled={w.cancelled()}")
    print("cancel_waiting_task", tr)

async def child_cancelled():
    loop = asyncio.get_running_loop(); tr = []
    async def c(n, d):
        await asyncio.sleep(d); tr.append(f"{n} done"); return n
    t1 = asyncio.create_task(c(1, 1)); t2 = asyncio.create_task(c(2, 2))
    g = asyncio.gather(t1, t2)
    loop.call_later(0.5, t1.cancel, "stop")
    try: await g
    except asyncio.CancelledError as e: tr.append(f"gather CancelledError msg={e.args} g.cancelled={g.cancelled()} t2.done={t2.done()}")
    await asyncio.sleep(2)
    t3 = asyncio.create_task(c(3, 1)); t4 = asyncio.create_task(c(4, 2))
    loop.call_later(0.5, t3.cancel, "stop3")
    r = await asyncio.gather(t3, t4, return_exceptions=True)
    tr.append(f"return_exceptions {[repr(x) for x in r]}")
    print("child_cancelled", tr)

async def cancel_with_return_exceptions():
    tr = []
    async def c(n):
        try: await asyncio.sleep(10)
        except asyncio.CancelledError: tr.append(f"{n} cancelled"); raise
    g = asyncio.gather(c(1), c(2), return_exceptions=True)
    await asyncio.sleep(0)
    g.cancel()
    try: r = await g; tr.append(f"result {r}")
    except asyncio.CancelledError: tr.append("CancelledError")
    print("cancel_with_return_exceptions", tr)

async def swallowing_child_and_cancel():
    tr = []
    async def stubborn():
        try: await asyncio.sleep(10)
        except asyncio.CancelledError: tr.append("stubborn swallows"); return "kept"
    g = asyncio.gather(stubborn(), asyncio.sleep(0.1, "quick"))
    await asyncio.sleep(0)
    tr.append(f"cancel -> {g.cancel()}")
    try: r = await g; tr.append(f"result {r}")
    except asyncio.CancelledError: tr.append("CancelledError")
    print("swallowing_child_and_cancel", tr)

async def duplicates():
    tr = []
    n = 0
    async def c():
        nonlocal n; n += 1; await asyncio.sleep(0); return n
    co = c()
    t = asyncio.create_task(c())
    r = await asyncio.gather(co, t, co, t)
    tr.append(f"{r} runs={n}")
    r2 = await asyncio.gather()
    tr.append(f"empty {r2}")
    print("duplicates", tr)

async def main():
    for s in [first_exception, cancel_gather, cancel_waiting_task, child_cancelled, cancel_with_return_exceptions, swallowing_child_and_cancel, duplicates]:
        await s()
asyncio.run(main())
