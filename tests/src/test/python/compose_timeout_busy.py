"""CPython 3.13 reference traces for TimeoutTest.whenTheLoopWasBusyTheOuterTimeoutStillRaises (run: python3.13 compose_timeout_busy.py)."""
import asyncio, time
async def main():
    loop = asyncio.get_running_loop(); tr=[]
    loop.slow_callback_duration = 10
    t0 = loop.time()
    try:
        async with asyncio.timeout(0.1) as outer:
            try:
                async with asyncio.timeout(0.01) as inner:
                    time.sleep(0.1)
                    await asyncio.sleep(1)
            except TimeoutError:
                tr.append("inner TimeoutError")
            except asyncio.CancelledError:
                tr.append("inner CancelledError"); raise
            await asyncio.sleep(10)
    except TimeoutError:
        tr.append(f"outer TimeoutError {outer.expired()} {inner.expired()} cancelling={asyncio.current_task().cancelling()}")
    print(tr, loop.time()-t0 < 1)
asyncio.run(main())
