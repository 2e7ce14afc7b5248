"""CPython 3.13 reference traces for DocExamplesTest (run: python3.13 compose_doc_examples.py)."""
import asyncio
# Python docs: gather factorial example
async def factorial(name, number, out):
    f = 1
    for i in range(2, number + 1):
        out.append(f"Task {name}: Compute factorial({number}), currently i={i}...")
        await asyncio.sleep(1)
        f *= i
    out.append(f"Task {name}: factorial({number}) = {f}")
    return f
async def gather_doc():
    out=[]
    L = await asyncio.gather(factorial("A", 2, out), factorial("B", 3, out), factorial("C", 4, out))
    out.append(str(L))
    print("\n".join(out))
# docs: wait_for eternity
async def eternity():
    await asyncio.sleep(3600); print('yay!')
async def wait_for_doc():
    try:
        await asyncio.wait_for(eternity(), timeout=1.0)
    except TimeoutError:
        print('timeout!')
# docs: timeout reschedule
async def timeout_doc():
    loop = asyncio.get_running_loop()
    try:
        async with asyncio.timeout(None) as cm:
            new_deadline = loop.time() + 10
            cm.reschedule(new_deadline)
            await asyncio.sleep(3600)
    except TimeoutError:
        pass
    if cm.expired():
        print("Looks like we haven't finished on time.")
    try:
        async with asyncio.timeout_at(loop.time() + 10):
            await asyncio.sleep(3600)
    except TimeoutError:
        print("The long operation timed out, but we've handled it.")
    print("This statement will run regardless.")
# docs: TaskGroup
async def some_coro(n): await asyncio.sleep(n); return n
async def tg_doc():
    async with asyncio.TaskGroup() as tg:
        task1 = tg.create_task(some_coro(1))
        task2 = tg.create_task(some_coro(2))
    print(f"Both tasks have completed now: {task1.result()}, {task2.result()}")
asyncio.run(gather_doc()); asyncio.run(wait_for_doc()); asyncio.run(timeout_doc()); asyncio.run(tg_doc())
