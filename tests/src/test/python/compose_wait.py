"""CPython 3.13 reference traces for WaitTest (run: python3.13 compose_wait.py)."""
import asyncio
async def main():
    loop = asyncio.get_running_loop(); t0 = loop.time(); tr = []
    async def c(n, d, fail=False):
        await asyncio.sleep(d)
        if fail: raise ValueError(n)
        return n
    ts = [asyncio.create_task(c(i, d, f), name=f"t{i}") for i, (d, f) in enumerate([(3, False), (1, False), (2, True), (4, False)])]
    done, pending = await asyncio.wait(ts, return_when=asyncio.FIRST_COMPLETED)
    tr.append(f"FIRST_COMPLETED at {loop.time()-t0:.0f}: done={sorted(t.get_name() for t in done)} pending={sorted(t.get_name() for t in pending)}")
    done, pending = await asyncio.wait(ts, return_when=asyncio.FIRST_EXCEPTION)
    tr.append(f"FIRST_EXCEPTION at {loop.time()-t0:.0f}: done={sorted(t.get_name() for t in done)}")
    done, pending = await asyncio.wait(ts, timeout=0.5)
    tr.append(f"timeout at {loop.time()-t0:.1f}: pending={sorted(t.get_name() for t in pending)} cancelled={[t.cancelled() for t in pending]}")
    done, pending = await asyncio.wait(ts)
    tr.append(f"ALL at {loop.time()-t0:.0f}: done={len(done)}")
    # already-done futures: wait still yields once
    other = asyncio.create_task(asyncio.sleep(0)); 
    async def marker(): tr.append("marker ran")
    asyncio.create_task(marker())
    done, pending = await asyncio.wait(ts)
    tr.append("wait on done futures returned")
    # FIRST_EXCEPTION without exceptions = ALL; cancelled does not count
    f1 = loop.create_future(); f2 = loop.create_future()
    loop.call_later(1, f1.cancel); loop.call_later(2, f2.set_result, 1)
    t1 = loop.time()
    done, pending = await asyncio.wait([f1, f2], return_when=asyncio.FIRST_EXCEPTION)
    tr.append(f"FIRST_EXCEPTION w/o exception after {loop.time()-t1:.0f}: done={len(done)}")
    try:
        await asyncio.wait([])
    except ValueError as e: tr.append(f"empty: {e}")
    print(tr)
asyncio.run(main())
