"""CPython 3.13 reference traces for TaskGroupTest (TaskGroup.cancel, CPython main semantics emulated on 3.13) (run: python3.13 compose_taskgroup_cancel.py)."""
# CPython 3.13 has no TaskGroup.cancel(): this subclass adds it with the semantics of CPython's main branch
# (3.15: cancel(), cancel-on-enter, and gh-155433 in __aexit__), to produce the expected traces.
import asyncio
from asyncio import events, exceptions, taskgroups

class TaskGroup(taskgroups.TaskGroup):
    def __init__(self):
        super().__init__()
        self._cancel_on_enter = False
    async def __aenter__(self):
        r = await super().__aenter__()
        if self._cancel_on_enter:
            self.cancel()
        return r
    async def __aexit__(self, et, exc, tb):
        self._exiting = True
        if et is not None and issubclass(et, exceptions.CancelledError):
            propagate = exc
        else:
            propagate = None
        if et is not None and not self._aborting:
            self._abort()
        pending = None
        while self._tasks:
            if self._on_completed_fut is None:
                self._on_completed_fut = self._loop.create_future()
            try:
                await self._on_completed_fut
            except exceptions.CancelledError as ex:
                pending = ex
                if not self._aborting:
                    propagate = ex
                    self._abort()
            self._on_completed_fut = None
        if self._parent_cancel_requested:
            if self._parent_task.uncancel() == 0:
                propagate = None
            elif propagate is None:
                propagate = pending
        if propagate is not None and not self._errors:
            raise propagate
        if et is not None and not issubclass(et, exceptions.CancelledError):
            self._errors.append(exc)
        if self._errors:
            if self._parent_task.cancelling():
                self._parent_task.uncancel()
                self._parent_task.cancel()
            raise BaseExceptionGroup('unhandled errors in a TaskGroup', self._errors) from None
        return True
    def cancel(self):
        if not self._entered:
            self._cancel_on_enter = True
            return
        if self._exiting and not self._tasks:
            return
        if not self._aborting:
            self._abort()
            if self._parent_task and not self._parent_cancel_requested:
                self._parent_cancel_requested = True
                self._parent_task.cancel()

async def cancel_from_body():
    loop = asyncio.get_running_loop(); t0 = loop.time(); tr = []
    async def c(n):
        try: await asyncio.sleep(10)
        except asyncio.CancelledError: tr.append(f"child {n} cancelled"); raise
    async with TaskGroup() as tg:
        t1 = tg.create_task(c(1))
        await asyncio.sleep(1)
        tg.cancel()
        tr.append("cancel() called")
        try:
            await asyncio.sleep(5)
            tr.append("body not interrupted")
        except asyncio.CancelledError:
            tr.append("body cancelled"); raise
    tr.append(f"after group at {loop.time()-t0:.1f} cancelling={asyncio.current_task().cancelling()} t1.cancelled={t1.cancelled()}")
    print("cancel_from_body", tr)

async def cancel_from_child():
    loop = asyncio.get_running_loop(); t0 = loop.time(); tr = []
    async with TaskGroup() as tg:
        async def stopper():
            await asyncio.sleep(1); tr.append("stopper cancels the group"); tg.cancel(); return "stopper"
        async def worker():
            try: await asyncio.sleep(10)
            except asyncio.CancelledError: tr.append("worker cancelled"); raise
        s = tg.create_task(stopper()); tg.create_task(worker())
        try:
            await asyncio.sleep(5)
        except asyncio.CancelledError:
            tr.append("body cancelled"); raise
    tr.append(f"after group at {loop.time()-t0:.1f} cancelling={asyncio.current_task().cancelling()} stopper.cancelled={s.cancelled()}")
    print("cancel_from_child", tr)

async def cancel_with_external_cancel():
    loop = asyncio.get_running_loop(); tr = []
    async def inner():
        async with TaskGroup() as tg:
            async def c():
                try: await asyncio.sleep(10)
                except asyncio.CancelledError:
                    tr.append("child cancelled"); await asyncio.sleep(0.5); tr.append("child cleanup done"); raise
            tg.create_task(c())
            await asyncio.sleep(0)
            tg.cancel()
            try: await asyncio.sleep(5)
            except asyncio.CancelledError: tr.append("body cancelled"); raise
        tr.append("after group (external cancel swallowed?)")
    t = asyncio.create_task(inner())
    await asyncio.sleep(0.1)
    tr.append("external cancel")
    t.cancel()
    try: await t
    except asyncio.CancelledError: tr.append(f"task cancelled={t.cancelled()}")
    print("cancel_with_external_cancel", tr)

async def cancel_then_child_error():
    tr = []
    try:
        async with TaskGroup() as tg:
            async def bad():
                try: await asyncio.sleep(10)
                finally: raise ValueError("cleanup")
            tg.create_task(bad())
            await asyncio.sleep(0)
            tg.cancel()
            await asyncio.sleep(5)
    except* ValueError as eg:
        tr.append(f"EG {[str(e) for e in eg.exceptions]} cancelling={asyncio.current_task().cancelling()}")
    print("cancel_then_child_error", tr)

async def cancel_before_and_after():
    tr = []
    tg = TaskGroup()
    tg.cancel()
    async with tg:
        try:
            await asyncio.sleep(1); tr.append("not cancelled")
        except asyncio.CancelledError: tr.append("cancelled on entry"); raise
    tr.append("after group")
    tg.cancel()
    tr.append(f"cancel after exit ok, cancelling={asyncio.current_task().cancelling()}")
    print("cancel_before_and_after", tr)

async def main():
    for s in [cancel_from_body, cancel_from_child, cancel_with_external_cancel, cancel_then_child_error, cancel_before_and_after]:
        await s()
asyncio.run(main())

async def cancel_then_external_while_exiting():
    tr = []
    async def inner():
        async with TaskGroup() as tg:
            async def c():
                try: await asyncio.sleep(10)
                except asyncio.CancelledError:
                    tr.append("child cancelled"); await asyncio.sleep(0.5); tr.append("child cleanup done"); raise
            tg.create_task(c())
            await asyncio.sleep(0)
            tg.cancel()
            tr.append("body ends normally")
        tr.append("after group: external cancel swallowed")
        await asyncio.sleep(0)
    t = asyncio.create_task(inner())
    await asyncio.sleep(0.1)
    tr.append("external cancel")
    t.cancel()
    try: await t
    except asyncio.CancelledError: tr.append(f"task cancelled={t.cancelled()}")
    print("cancel_then_external_while_exiting", tr)
asyncio.run(cancel_then_external_while_exiting())
