"""CPython 3.13 reference traces for TimeoutTest (run: python3.13 compose_timeout.py)."""
import asyncio

async def nested_inner_fires():
    loop = asyncio.get_running_loop(); t0 = loop.time(); tr=[]
    try:
        async with asyncio.timeout(10) as outer:
            try:
                async with asyncio.timeout(1) as inner:
                    await asyncio.sleep(5)
            except TimeoutError:
                tr.append(f"inner TimeoutError at {loop.time()-t0:.1f} outer.expired={outer.expired()} inner.expired={inner.expired()}")
            await asyncio.sleep(2)
            tr.append(f"outer block done at {loop.time()-t0:.1f}")
    except TimeoutError:
        tr.append("outer TimeoutError")
    tr.append(f"cancelling={asyncio.current_task().cancelling()}")
    print("nested_inner_fires", tr)

async def nested_outer_fires():
    loop = asyncio.get_running_loop(); t0 = loop.time(); tr=[]
    try:
        async with asyncio.timeout(1) as outer:
            try:
                async with asyncio.timeout(10) as inner:
                    await asyncio.sleep(5)
            except TimeoutError:
                tr.append("inner TimeoutError")
            except asyncio.CancelledError:
                tr.append(f"inner block sees CancelledError at {loop.time()-t0:.1f}")
                raise
    except TimeoutError:
        tr.append(f"outer TimeoutError outer.expired={outer.expired()} inner.expired={inner.expired()}")
    tr.append(f"cancelling={asyncio.current_task().cancelling()}")
    print("nested_outer_fires", tr)

async def nested_both_fire():
    loop = asyncio.get_running_loop(); tr=[]
    d = loop.time() + 1
    try:
        async with asyncio.timeout_at(d) as cm1:
            try:
                async with asyncio.timeout_at(d) as cm2:
                    await asyncio.sleep(10)
            except asyncio.CancelledError:
                tr.append("inner let CancelledError through")
                raise
    except TimeoutError:
        tr.append(f"outer TimeoutError {cm1.expired()} {cm2.expired()}")
    tr.append(f"cancelling={asyncio.current_task().cancelling()}")
    print("nested_both", tr)

async def foreign_cancel_while_expired():
    loop = asyncio.get_running_loop(); tr=[]
    async def body():
        try:
            async with asyncio.timeout(1):
                await asyncio.sleep(10)
        except TimeoutError:
            tr.append("TimeoutError")
        except asyncio.CancelledError:
            tr.append("CancelledError")
            raise
    t = asyncio.create_task(body())
    await asyncio.sleep(0)
    loop.call_at(loop.time() + 1, lambda: (tr.append("foreign cancel"), t.cancel()))
    try:
        await t
    except asyncio.CancelledError:
        tr.append(f"task cancelled, cancelling={t.cancelling()}")
    print("foreign_cancel_while_expired", tr)

async def foreign_cancel_before_expiry():
    loop = asyncio.get_running_loop(); tr=[]
    async def body():
        try:
            async with asyncio.timeout(10) as cm:
                await asyncio.sleep(100)
        except asyncio.CancelledError:
            tr.append(f"CancelledError expired={cm.expired()}")
            raise
    t = asyncio.create_task(body())
    await asyncio.sleep(1)
    t.cancel()
    try: await t
    except asyncio.CancelledError: tr.append("task cancelled")
    print("foreign_cancel_before_expiry", tr)

async def swallow_in_block():
    loop = asyncio.get_running_loop(); tr=[]
    async with asyncio.timeout(1) as cm:
        try:
            await asyncio.sleep(10)
        except asyncio.CancelledError:
            tr.append("swallowed")
    tr.append(f"after block expired={cm.expired()} cancelling={asyncio.current_task().cancelling()} repr={cm!r}")
    print("swallow_in_block", tr)

async def reschedule_later():
    loop = asyncio.get_running_loop(); t0=loop.time(); tr=[]
    try:
        async with asyncio.timeout(1) as cm:
            await asyncio.sleep(0.5)
            cm.reschedule(loop.time() + 2)
            await asyncio.sleep(10)
    except TimeoutError:
        tr.append(f"TimeoutError at {loop.time()-t0:.1f}")
    print("reschedule", tr)

async def main():
    for s in [nested_inner_fires, nested_outer_fires, nested_both_fire, foreign_cancel_while_expired, foreign_cancel_before_expiry, swallow_in_block, reschedule_later]:
        await s()
asyncio.run(main())
