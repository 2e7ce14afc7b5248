"""CPython 3.13 reference traces for TaskGroupTest (run: python3.13 compose_taskgroup.py)."""
import asyncio

async def child_failure_cancels_siblings_and_body():
    loop = asyncio.get_running_loop(); t0=loop.time(); tr=[]
    async def fail(d, n):
        await asyncio.sleep(d); tr.append(f"{n} raises at {loop.time()-t0:.1f}"); raise ValueError(n)
    async def sibling():
        try: await asyncio.sleep(10)
        except asyncio.CancelledError:
            tr.append(f"sibling cancelled at {loop.time()-t0:.1f}"); await asyncio.sleep(0.5); tr.append("sibling cleanup done"); raise
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(fail(1, "a")); tg.create_task(sibling()); tg.create_task(fail(1, "b"))
            try: await asyncio.sleep(10)
            except asyncio.CancelledError: tr.append(f"body cancelled at {loop.time()-t0:.1f}"); raise
    except* ValueError as eg:
        tr.append(f"ExceptionGroup {[str(e) for e in eg.exceptions]} at {loop.time()-t0:.1f} cancelling={asyncio.current_task().cancelling()}")
    print("child_failure", tr)

async def body_failure_cancels_children():
    loop = asyncio.get_running_loop(); tr=[]
    async def c(n):
        try: await asyncio.sleep(10)
        except asyncio.CancelledError: tr.append(f"{n} cancelled"); raise
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(c(1)); tg.create_task(c(2))
            await asyncio.sleep(0)
            raise KeyError("body")
    except* KeyError as eg:
        tr.append(f"EG {[repr(e) for e in eg.exceptions]}")
    print("body_failure", tr)

async def outer_cancel():
    loop = asyncio.get_running_loop(); tr=[]
    async def c(n):
        try: await asyncio.sleep(10)
        except asyncio.CancelledError: tr.append(f"{n} cancelled"); raise
    async def runner():
        async with asyncio.TaskGroup() as tg:
            tg.create_task(c(1)); tg.create_task(c(2))
            try: await asyncio.sleep(10)
            except asyncio.CancelledError: tr.append("body cancelled"); raise
    r = asyncio.create_task(runner())
    await asyncio.sleep(1)
    r.cancel()
    try: await r
    except asyncio.CancelledError: tr.append(f"runner cancelled={r.cancelled()}")
    print("outer_cancel", tr)

async def nested_groups_116720():
    tr=[]
    async def raise_after(t, e):
        await asyncio.sleep(t); raise e()
    try:
        async with asyncio.TaskGroup() as outer_tg:
            try:
                async with asyncio.TaskGroup() as inner_tg:
                    inner_tg.create_task(raise_after(0, RuntimeError))
                    outer_tg.create_task(raise_after(0, ValueError))
            except* RuntimeError:
                tr.append(f"inner RuntimeError cancelling={asyncio.current_task().cancelling()}")
            tr.append(f"after inner cancelling={asyncio.current_task().cancelling()}")
            try:
                await asyncio.sleep(1)
                tr.append("sleep not interrupted")
            except asyncio.CancelledError:
                tr.append("outer cancellation delivered"); raise
    except* ValueError:
        tr.append(f"outer ValueError cancelling={asyncio.current_task().cancelling()}")
    print("nested_116720", tr)

async def error_and_cancel():
    tr=[]
    event = asyncio.Event()
    async def raise_error():
        event.set(); await asyncio.sleep(0); raise RuntimeError()
    async def inner():
        try:
            async with asyncio.TaskGroup() as tg:
                tg.create_task(raise_error())
                await asyncio.sleep(1)
                tr.append("not cancelled?!")
        except* RuntimeError:
            tr.append(f"RuntimeError cancelling={asyncio.current_task().cancelling()}")
        try:
            await asyncio.sleep(1)
            tr.append("after group not cancelled?!")
        except asyncio.CancelledError:
            tr.append("cancelled after group"); raise
    t = asyncio.create_task(inner())
    await event.wait()
    t.cancel()
    try: await t
    except asyncio.CancelledError: tr.append(f"t cancelled={t.cancelled()}")
    print("error_and_cancel", tr)

async def tg_cancel_method_sim():
    # 3.15 semantics, emulated by hand are not available in 3.13; skip
    pass

async def timeout_around_taskgroup():
    loop = asyncio.get_running_loop(); t0=loop.time(); tr=[]
    async def c(n):
        try: await asyncio.sleep(10)
        except asyncio.CancelledError: tr.append(f"child {n} cancelled at {loop.time()-t0:.1f}"); raise
    try:
        async with asyncio.timeout(1):
            async with asyncio.TaskGroup() as tg:
                tg.create_task(c(1)); tg.create_task(c(2))
    except TimeoutError:
        tr.append(f"TimeoutError at {loop.time()-t0:.1f} cancelling={asyncio.current_task().cancelling()}")
    print("timeout_around_taskgroup", tr)

async def main():
    for s in [child_failure_cancels_siblings_and_body, body_failure_cancels_children, outer_cancel, nested_groups_116720, error_and_cancel, timeout_around_taskgroup]:
        await s()
asyncio.run(main())
