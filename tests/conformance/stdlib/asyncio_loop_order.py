# The event loop's ordering rules and asyncio's error texts: call_soon FIFO, timers by
# deadline then by arming order, done callbacks queued through call_soon, sleep(0) as
# one pass, wait()/as_completed(), Condition, task names and reprs, cancellation
# counting, and the messages CPython raises for misuse.
import asyncio
import types

order = []


def note(*args):
    order.append(" ".join(str(a) for a in args))


@types.coroutine
def callbacks_demo():
    loop = asyncio.get_running_loop()
    start = loop.time()
    loop.call_later(0.02, note, "later 0.02")
    loop.call_at(start + 0.01, note, "at +0.01 (first armed)")
    loop.call_at(start + 0.01, note, "at +0.01 (second armed)")
    loop.call_soon(note, "soon 1")
    cancelled = loop.call_soon(note, "never")
    loop.call_soon(note, "soon 2")
    cancelled.cancel()
    print("handle cancelled:", cancelled.cancelled())
    yield from asyncio.sleep(0.05)
    print("callbacks:", order)
    print("time moves forward:", loop.time() > start)
    order.clear()

    fut = loop.create_future()
    print("new future:", fut)
    fut.add_done_callback(lambda f: note("cb1", f.result()))
    fut.add_done_callback(lambda f: note("cb2"))
    removed_cb = lambda f: note("removed")
    fut.add_done_callback(removed_cb)
    print("removed:", fut.remove_done_callback(removed_cb))
    loop.call_soon(note, "queued before set_result")
    fut.set_result(5)
    note("set_result returned")
    print("finished future:", fut)
    yield from asyncio.sleep(0)
    fut.add_done_callback(lambda f: note("added after done"))
    yield from asyncio.sleep(0)
    print("future callbacks:", order)
    order.clear()
    for action in (lambda: fut.set_result(6), lambda: fut.set_exception(ValueError())):
        try:
            action()
        except asyncio.InvalidStateError as exc:
            print("InvalidStateError:", exc)
    pending = loop.create_future()
    for action in (pending.result, pending.exception):
        try:
            action()
        except asyncio.InvalidStateError as exc:
            print("InvalidStateError:", exc)
    print("cancel with a message:", pending.cancel("stop it"), pending)
    try:
        pending.result()
    except asyncio.CancelledError as exc:
        print("CancelledError args:", exc.args)
    failed = loop.create_future()
    try:
        failed.set_exception(StopIteration)
    except TypeError as exc:
        print("TypeError:", exc)
    failed.set_exception(KeyError)
    print("exception():", repr(failed.exception()))


@types.coroutine
def ticker(name, n):
    for i in range(n):
        note(name, i)
        yield from asyncio.sleep(0)
    return name


@types.coroutine
def napper(name, delay, fail=False):
    yield from asyncio.sleep(delay)
    if fail:
        raise RuntimeError(name)
    return name


@types.coroutine
def waiting_demo():
    results = yield from asyncio.gather(ticker("x", 3), ticker("y", 2), ticker("z", 1))
    print("gather:", results, "interleaving:", order)
    order.clear()
    loop = asyncio.get_running_loop()
    for when in (asyncio.FIRST_COMPLETED, asyncio.FIRST_EXCEPTION, asyncio.ALL_COMPLETED):
        tasks = [loop.create_task(napper("n1", 0.01)), loop.create_task(napper("n2", 0.02, fail=True)),
                 loop.create_task(napper("n3", 0.03))]
        done, pending = yield from asyncio.wait(tasks, return_when=when)
        print(when, "done:", sorted(t.get_coro().__name__ + ":" + str(tasks.index(t)) for t in done),
              "pending:", len(pending))
        for t in pending:
            t.cancel()
        yield from asyncio.wait(tasks)
        print("  failures:", [repr(t.exception()) for t in tasks if not t.cancelled()])
    done, pending = yield from asyncio.wait([loop.create_task(napper("slow", 1))], timeout=0.01)
    print("wait timeout: done", len(done), "pending", len(pending))
    for t in pending:
        t.cancel()
    finished = []
    for next_done in asyncio.as_completed([napper("c", 0.03), napper("a", 0.01), napper("b", 0.02)]):
        finished.append((yield from next_done))
    print("as_completed:", finished)
    try:
        for next_done in asyncio.as_completed([napper("late", 1)], timeout=0.01):
            yield from next_done
    except TimeoutError:
        print("as_completed timeout: TimeoutError")
    print("wait_for None timeout:", (yield from asyncio.wait_for(napper("w", 0), None)))


@types.coroutine
def condition_demo():
    cond = asyncio.Condition()
    items = []

    @types.coroutine
    def waiter(name):
        yield from cond.acquire()
        try:
            yield from cond.wait_for(lambda: items)
            note(name, "got", items.pop(0))
        finally:
            cond.release()

    tasks = [asyncio.create_task(waiter(f"w{i}")) for i in range(3)]
    yield from asyncio.sleep(0)
    for item in ("a", "b", "c"):
        yield from cond.acquire()
        items.append(item)
        cond.notify()
        cond.release()
        yield from asyncio.sleep(0)
    yield from asyncio.gather(*tasks)
    print("condition:", order)
    order.clear()


@types.coroutine
def task_demo():
    me = asyncio.current_task()
    print("current task:", me.get_name(), "| all tasks:", len(asyncio.all_tasks()))
    child = asyncio.create_task(ticker("child", 1))
    print("child name:", child.get_name(), "| all tasks now:", len(asyncio.all_tasks()))
    child.set_name("renamed")
    yield from child
    print("child finished:", child.get_name(), child.result(), child.done(), child.cancelled())
    sleeper = asyncio.create_task(napper("sleeper", 10))
    yield from asyncio.sleep(0)
    print("cancelling() before:", sleeper.cancelling())
    sleeper.cancel()
    sleeper.cancel()
    print("cancelling() after two:", sleeper.cancelling(), "| uncancel():", sleeper.uncancel())
    try:
        yield from sleeper
    except asyncio.CancelledError:
        print("sleeper cancelled:", sleeper.cancelled())
    for action in (lambda: child.set_result(1), lambda: child.set_exception(ValueError())):
        try:
            action()
        except RuntimeError as exc:
            print("RuntimeError:", exc)
    try:
        asyncio.create_task(42)
    except TypeError as exc:
        print("TypeError:", exc)
    for action in (lambda: asyncio.Semaphore(-1), lambda: asyncio.Lock().release()):
        try:
            action()
        except (ValueError, RuntimeError) as exc:
            print(type(exc).__name__ + ":", exc)
    try:
        yield from asyncio.Condition().wait()
    except RuntimeError as exc:
        print("RuntimeError:", exc)
    for bad in ([], ["x"]):
        try:
            yield from asyncio.wait(bad, return_when="SOMETIMES")
        except ValueError as exc:
            print("ValueError:", exc)
    stray = ticker("stray", 0)
    try:
        yield from asyncio.wait([stray])
    except TypeError as exc:
        print("TypeError:", exc)
    stray.close()
    # An exception inside a task is stored, and re-raised when the task is awaited.
    broken = asyncio.create_task(napper("broken", 0, fail=True))
    try:
        yield from broken
    except RuntimeError as exc:
        print("awaited failure:", repr(exc), "| exception():", repr(broken.exception()))


@types.coroutine
def main():
    yield from callbacks_demo()
    yield from waiting_demo()
    yield from condition_demo()
    yield from task_demo()
    return "main done"


try:
    asyncio.get_running_loop()
except RuntimeError as exc:
    print("outside a loop:", exc)
try:
    asyncio.run(42)
except ValueError as exc:
    print("ValueError:", exc)
print(asyncio.run(main()))
loop = asyncio.new_event_loop()
print("run_until_complete:", loop.run_until_complete(ticker("sync", 2)), loop.is_closed())
loop.close()
try:
    loop.call_soon(print)
except RuntimeError as exc:
    print("closed loop:", exc)
