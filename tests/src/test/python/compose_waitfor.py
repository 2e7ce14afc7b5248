"""CPython 3.13 reference traces for WaitForTest (run: python3.13 compose_waitfor.py)."""
import asyncio

async def scenario_timeout_awaits_inner():
    loop = asyncio.get_running_loop(); t0=loop.time()
    tr=[]
    async def inner():
        tr.append("inner start")
        try:
            await asyncio.sleep(10)
        except asyncio.CancelledError:
            tr.append("inner cancelled")
            await asyncio.sleep(0.5)
            tr.append("inner cleanup done")
            raise
    t = asyncio.create_task(inner())
    try:
        await asyncio.wait_for(t, 1)
    except TimeoutError as e:
        tr.append(f"TimeoutError cause={type(e.__cause__).__name__} inner.cancelled={t.cancelled()}")
    tr.append(f"cancelling={asyncio.current_task().cancelling()}")
    print("timeout_awaits_inner", tr)

async def scenario_issue86296():
    tr=[]
    async def inner():
        tr.append("inner runs")
        return 'done'
    inner_task = asyncio.create_task(inner())
    async def wait_for_coro():
        try:
            r = await asyncio.wait_for(inner_task, timeout=100)
            tr.append(f"wait_for returned {r}")
            await asyncio.sleep(1)
            tr.append("reached end")
        except asyncio.CancelledError:
            tr.append("wait_for_coro cancelled")
            raise
    task = asyncio.create_task(wait_for_coro())
    await asyncio.sleep(0)
    tr.append("cancel")
    task.cancel()
    try:
        await task
    except asyncio.CancelledError:
        tr.append("task cancelled")
    tr.append(f"inner result={inner_task.result()}")
    print("issue86296", tr)

async def scenario_timeout_and_outer_cancel_same_iteration():
    loop = asyncio.get_running_loop()
    tr=[]
    async def waiter():
        try:
            await asyncio.wait_for(asyncio.sleep(10), 1)
            tr.append("returned")
        except TimeoutError:
            tr.append("TimeoutError")
        except asyncio.CancelledError:
            tr.append("CancelledError")
            raise
    w = asyncio.create_task(waiter())
    await asyncio.sleep(0)
    # cancel the waiter at exactly the deadline, scheduled after the timeout's timer
    loop.call_at(loop.time() + 1, lambda: (tr.append("outer cancel"), w.cancel()))
    try:
        await w
    except asyncio.CancelledError:
        tr.append(f"w cancelled={w.cancelled()}")
    print("timeout_and_outer_cancel", tr)

async def scenario_result_and_timeout_same_iteration():
    loop = asyncio.get_running_loop()
    tr=[]
    fut = loop.create_future()
    loop.call_at(loop.time()+1, fut.set_result, "value")
    try:
        r = await asyncio.wait_for(fut, 1)
        tr.append(f"result {r}")
    except TimeoutError:
        tr.append("TimeoutError")
    print("result_and_timeout_same_time", tr, fut.cancelled())

async def scenario_result_set_right_after_timeout():
    loop = asyncio.get_running_loop()
    tr=[]
    async def inner():
        try:
            await asyncio.sleep(10)
        except asyncio.CancelledError:
            tr.append("inner cancelled, returns 7")
            return 7
    t = asyncio.create_task(inner())
    r = await asyncio.wait_for(t, 1)
    tr.append(f"wait_for -> {r}; cancelling={asyncio.current_task().cancelling()}")
    print("swallowed", tr)

async def scenario_zero_timeout():
    tr=[]
    started = False
    async def foo():
        nonlocal started
        started = True
    try:
        await asyncio.wait_for(foo(), 0)
    except TimeoutError as e:
        tr.append(f"TimeoutError cause={type(e.__cause__).__name__} started={started}")
    print("zero", tr)

async def main():
    for s in [scenario_timeout_awaits_inner, scenario_issue86296, scenario_timeout_and_outer_cancel_same_iteration,
              scenario_result_and_timeout_same_iteration, scenario_result_set_right_after_timeout, scenario_zero_timeout]:
        await s()
asyncio.run(main())
