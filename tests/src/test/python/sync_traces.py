"""CPython 3.13 reference traces for the tricky ordering tests of the synchronization primitives and queues.

Run:  python3.13 tests/src/test/python/sync_traces.py [scenario...]
Each scenario prints its trace; the Java tests (LockTest, EventTest, ConditionTest, SemaphoreTest, BarrierTest,
QueueTest) assert the same lists. Scenarios use sleep(0) steps only, so no clock is involved.
"""
import asyncio
import sys

SCENARIOS = {}


def scenario(fn):
    SCENARIOS[fn.__name__] = fn
    return fn


@scenario
async def lock_cancel_after_handoff(trace):
    lock = asyncio.Lock()
    await lock.acquire()

    async def w(name):
        try:
            await lock.acquire()
        except asyncio.CancelledError:
            trace.append(f"{name} cancelled locked={lock.locked()}")
            raise
        trace.append(f"{name} acquired")
        await asyncio.sleep(0)
        lock.release()

    t1 = asyncio.create_task(w("t1"))
    t2 = asyncio.create_task(w("t2"))
    await asyncio.sleep(0)
    lock.release()
    t1.cancel()
    t3 = asyncio.create_task(w("t3"))
    await asyncio.sleep(0)
    trace.append(f"main locked={lock.locked()}")
    await asyncio.gather(t1, t2, t3, return_exceptions=True)
    trace.append(f"end locked={lock.locked()}")


@scenario
async def lock_jumps_queue_of_cancelled(trace):
    lock = asyncio.Lock()
    await lock.acquire()

    async def w():
        await lock.acquire()

    t1 = asyncio.create_task(w())
    await asyncio.sleep(0)
    t1.cancel()
    lock.release()
    trace.append(f"released locked={lock.locked()}")
    await lock.acquire()
    trace.append(f"main acquired at once locked={lock.locked()}")
    await asyncio.gather(t1, return_exceptions=True)
    trace.append(f"t1 cancelled={t1.cancelled()} locked={lock.locked()}")
    lock.release()


@scenario
async def event_woken_even_if_cleared(trace):
    ev = asyncio.Event()

    async def w(name):
        trace.append(f"{name} waits")
        r = await ev.wait()
        trace.append(f"{name} woke {r} is_set={ev.is_set()}")

    ts = [asyncio.create_task(w(n)) for n in ("a", "b", "c")]
    await asyncio.sleep(0)
    ts[1].cancel()
    ev.set()
    ev.clear()
    trace.append("set and cleared")
    res = await asyncio.gather(*ts, return_exceptions=True)
    trace.append(f"b cancelled={ts[1].cancelled()}")


@scenario
async def condition_notified_then_cancelled(trace):
    cond = asyncio.Condition()

    async def w(name):
        async with cond:
            try:
                await cond.wait()
            except asyncio.CancelledError:
                trace.append(f"{name} cancelled locked={cond.locked()}")
                raise
            trace.append(f"{name} notified")

    t1 = asyncio.create_task(w("w1"))
    t2 = asyncio.create_task(w("w2"))
    t3 = asyncio.create_task(w("w3"))
    await asyncio.sleep(0)
    async with cond:
        cond.notify(1)
        t1.cancel()
        trace.append("notified 1 and cancelled w1")
    await asyncio.gather(t1, t2, return_exceptions=True)
    trace.append(f"w3 done={t3.done()}")
    async with cond:
        cond.notify_all()
    await t3
    trace.append(f"end locked={cond.locked()}")


@scenario
async def condition_cancel_during_reacquire(trace):
    cond = asyncio.Condition()

    async def w():
        async with cond:
            try:
                await cond.wait()
            except asyncio.CancelledError:
                trace.append(f"w cancelled locked={cond.locked()}")
                raise

    t = asyncio.create_task(w())
    await asyncio.sleep(0)
    await cond.acquire()
    t.cancel()
    await asyncio.sleep(0)
    trace.append("w is re-acquiring")
    t.cancel()
    await asyncio.sleep(0)
    trace.append(f"w done={t.done()}")
    cond.release()
    await asyncio.gather(t, return_exceptions=True)
    trace.append(f"end cancelled={t.cancelled()} locked={cond.locked()}")


@scenario
async def semaphore_cancel_after_wake(trace):
    sem = asyncio.Semaphore(0)

    async def w(name):
        try:
            await sem.acquire()
        except asyncio.CancelledError:
            trace.append(f"{name} cancelled")
            raise
        trace.append(f"{name} acquired")

    t1 = asyncio.create_task(w("t1"))
    t2 = asyncio.create_task(w("t2"))
    await asyncio.sleep(0)
    sem.release()
    t1.cancel()
    t3 = asyncio.create_task(w("t3"))
    trace.append(f"released locked={sem.locked()}")
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    trace.append(f"t3 done={t3.done()} locked={sem.locked()}")
    sem.release()
    await asyncio.gather(t1, t2, t3, return_exceptions=True)
    trace.append(f"end locked={sem.locked()}")


@scenario
async def semaphore_fifo_no_barging(trace):
    sem = asyncio.Semaphore(2)

    async def w(name):
        async with sem:
            trace.append(f"{name} in")
            await asyncio.sleep(0)
            await asyncio.sleep(0)
        trace.append(f"{name} out")

    ts = [asyncio.create_task(w(n)) for n in ("a", "b", "c", "d", "e")]
    await asyncio.gather(*ts)


@scenario
async def barrier_rounds_and_draining(trace):
    b = asyncio.Barrier(3)

    async def w(name):
        i = await b.wait()
        trace.append(f"{name} passed {i} n_waiting={b.n_waiting}")

    ts = [asyncio.create_task(w(n)) for n in ("a", "b", "c", "d", "e", "f")]
    await asyncio.gather(*ts)
    trace.append(f"end n_waiting={b.n_waiting} broken={b.broken}")


@scenario
async def barrier_cancelled_waiter_leaves(trace):
    b = asyncio.Barrier(3)

    async def w(name):
        try:
            i = await b.wait()
        except asyncio.CancelledError:
            trace.append(f"{name} cancelled n_waiting={b.n_waiting}")
            raise
        trace.append(f"{name} passed {i}")

    a = asyncio.create_task(w("a"))
    bb = asyncio.create_task(w("b"))
    await asyncio.sleep(0)
    trace.append(f"n_waiting={b.n_waiting}")
    a.cancel()
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    c = asyncio.create_task(w("c"))
    d = asyncio.create_task(w("d"))
    await asyncio.gather(a, bb, c, d, return_exceptions=True)


@scenario
async def barrier_abort_and_reset(trace):
    b = asyncio.Barrier(3)

    async def w(name):
        try:
            i = await b.wait()
            trace.append(f"{name} passed {i}")
        except asyncio.BrokenBarrierError as e:
            trace.append(f"{name} broken: {e}")

    ts = [asyncio.create_task(w(n)) for n in ("a", "b")]
    await asyncio.sleep(0)
    await b.reset()
    trace.append(f"reset broken={b.broken} n_waiting={b.n_waiting}")
    await asyncio.gather(*ts)
    ts = [asyncio.create_task(w(n)) for n in ("c", "d")]
    await asyncio.sleep(0)
    await b.abort()
    trace.append(f"aborted broken={b.broken}")
    await asyncio.gather(*ts)
    await w("e")
    await b.reset()
    ts = [asyncio.create_task(w(n)) for n in ("f", "g", "h")]
    await asyncio.gather(*ts)
    trace.append(f"end broken={b.broken}")


@scenario
async def queue_getter_cancelled_after_put(trace):
    q = asyncio.Queue()

    async def g(name):
        try:
            v = await q.get()
        except asyncio.CancelledError:
            trace.append(f"{name} cancelled qsize={q.qsize()}")
            raise
        trace.append(f"{name} got {v}")

    t1 = asyncio.create_task(g("g1"))
    t2 = asyncio.create_task(g("g2"))
    await asyncio.sleep(0)
    q.put_nowait("x")
    t1.cancel()
    t3 = asyncio.create_task(g("g3"))
    await asyncio.gather(t1, t3, return_exceptions=True)
    trace.append(f"g2 done={t2.done()} qsize={q.qsize()}")
    q.put_nowait("y")
    await t2


@scenario
async def queue_putter_cancelled_after_get(trace):
    q = asyncio.Queue(maxsize=1)
    q.put_nowait(0)

    async def p(name, v):
        try:
            await q.put(v)
        except asyncio.CancelledError:
            trace.append(f"{name} cancelled qsize={q.qsize()}")
            raise
        trace.append(f"{name} put {v}")

    t1 = asyncio.create_task(p("p1", 1))
    t2 = asyncio.create_task(p("p2", 2))
    await asyncio.sleep(0)
    trace.append(f"got {q.get_nowait()}")
    t1.cancel()
    await asyncio.gather(t1, t2, return_exceptions=True)
    trace.append(f"got {q.get_nowait()} empty={q.empty()}")


@scenario
async def queue_shutdown(trace):
    q = asyncio.Queue(maxsize=2)

    async def g(name):
        try:
            while True:
                v = await q.get()
                trace.append(f"{name} got {v}")
                q.task_done()
                await asyncio.sleep(0)
        except asyncio.QueueShutDown:
            trace.append(f"{name} shut down")

    async def p(name, v):
        try:
            await q.put(v)
            trace.append(f"{name} put {v}")
        except asyncio.QueueShutDown:
            trace.append(f"{name} shut down")

    ps = [asyncio.create_task(p(f"p{i}", i)) for i in range(4)]
    await asyncio.sleep(0)
    q.shutdown()
    trace.append(f"shutdown qsize={q.qsize()}")
    gs = [asyncio.create_task(g("g"))]
    await asyncio.gather(*ps, *gs)
    await q.join()
    trace.append("joined")


@scenario
async def queue_shutdown_immediate(trace):
    q = asyncio.Queue()
    for i in range(3):
        q.put_nowait(i)
    trace.append(f"got {q.get_nowait()}")

    async def j():
        await q.join()
        trace.append("joined")

    async def g():
        try:
            await q.get()
        except asyncio.QueueShutDown:
            trace.append("getter shut down")

    jt = asyncio.create_task(j())
    await asyncio.sleep(0)
    q.shutdown(immediate=True)
    trace.append(f"shutdown qsize={q.qsize()}")
    await asyncio.sleep(0)
    trace.append(f"join done={jt.done()}")
    q.task_done()
    await jt
    await g()
    try:
        q.task_done()
    except ValueError as e:
        trace.append(f"task_done: {e}")


async def run(name):
    trace = []
    await SCENARIOS[name](trace)
    return trace


if __name__ == "__main__":
    for name in sys.argv[1:] or SCENARIOS:
        print(name)
        for line in asyncio.run(run(name)):
            print("   ", line)
