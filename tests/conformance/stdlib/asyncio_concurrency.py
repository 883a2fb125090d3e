# asyncio concurrency (course module 6) with generator-based coroutines: create_task,
# gather, wait_for and timeout(), cancellation with cleanup, shield, Semaphore fan-out,
# Lock, Event and TaskGroup with except*. `async with` is spelled out as __aenter__/
# __aexit__ so the script runs before native coroutines exist.
import asyncio
import types

log = []


@types.coroutine
def job(name, delay, fail=False):
    log.append(f"start {name}")
    yield from asyncio.sleep(delay)
    if fail:
        raise ValueError(f"{name} failed")
    log.append(f"end {name}")
    return name.upper()


@types.coroutine
def async_with(manager, body):
    """`async with manager as value: yield from body(value)`, written out."""
    value = yield from manager.__aenter__()
    try:
        result = yield from body(value)
    except BaseException as exc:
        if not (yield from manager.__aexit__(type(exc), exc, exc.__traceback__)):
            raise
        return None
    yield from manager.__aexit__(None, None, None)
    return result


def flush(title):
    print(title, log)
    log.clear()


@types.coroutine
def demo_gather():
    results = yield from asyncio.gather(job("a", 0.15), job("b", 0.05), job("c", 0.10))
    print("gather results follow argument order:", results)
    flush("  completion order:")
    mixed = yield from asyncio.gather(job("d", 0.05), job("e", 0, fail=True), return_exceptions=True)
    print("return_exceptions:", [r if isinstance(r, str) else f"{type(r).__name__}({r})" for r in mixed])
    flush("  log:")
    try:
        yield from asyncio.gather(job("f", 0.05), job("g", 0, fail=True))
    except ValueError as exc:
        print("first exception propagates:", exc)
    yield from asyncio.sleep(0.15)
    flush("  f keeps running after the failure:")


@types.coroutine
def demo_timeouts():
    try:
        yield from asyncio.wait_for(job("slow", 1.0), timeout=0.02)
    except TimeoutError as exc:
        print("wait_for:", type(exc).__name__, "| is asyncio.TimeoutError:", asyncio.TimeoutError is TimeoutError)
    print("wait_for in time:", (yield from asyncio.wait_for(job("quick", 0), timeout=1)))

    @types.coroutine
    def slow_body(cm):
        print("timeout() returns the context manager:", type(cm).__name__, cm.expired())
        yield from job("slow2", 1.0)
    manager = asyncio.timeout(0.02)
    try:
        yield from async_with(manager, slow_body)
    except TimeoutError:
        print("asyncio.timeout() raised TimeoutError | expired:", manager.expired())
    flush("  log:")


@types.coroutine
def demo_cancel():
    @types.coroutine
    def cleanup_worker():
        try:
            yield from asyncio.sleep(10)
        except asyncio.CancelledError:
            log.append("worker cleaning up")
            raise
        finally:
            log.append("worker finally")
    task = asyncio.create_task(cleanup_worker(), name="sleeper")
    yield from asyncio.sleep(0)
    print("task:", task.get_name(), "| done before cancel:", task.done())
    print("cancel() returns:", task.cancel(), "| again:", task.cancel())
    try:
        yield from task
    except asyncio.CancelledError:
        print("awaiting a cancelled task raises CancelledError | cancelled():", task.cancelled())
    print("cancel() after the end:", task.cancel())
    flush("  log:")
    shielded = asyncio.create_task(job("shielded", 0.2))
    try:
        yield from asyncio.wait_for(asyncio.shield(shielded), timeout=0.01)
    except TimeoutError:
        print("shield: outer timed out, inner still running:", not shielded.done())
    print("shielded result:", (yield from shielded))
    flush("  log:")


@types.coroutine
def demo_limits():
    sem = asyncio.Semaphore(2)
    state = {"active": 0, "peak": 0}

    @types.coroutine
    def fetch(i):
        @types.coroutine
        def body(_):
            state["active"] += 1
            state["peak"] = max(state["peak"], state["active"])
            log.append(f"fetch {i}")
            yield from asyncio.sleep(0.01)
            state["active"] -= 1
            return i * 10
        return (yield from async_with(sem, body))
    results = yield from asyncio.gather(*(fetch(i) for i in range(5)))
    print("semaphore results:", results, "| peak:", state["peak"])
    flush("  acquisition order:")
    lock, ready, shared = asyncio.Lock(), asyncio.Event(), []

    @types.coroutine
    def appender(tag):
        yield from ready.wait()

        @types.coroutine
        def body(_):
            shared.append(tag)
            yield from asyncio.sleep(0)
            shared.append(tag)
        yield from async_with(lock, body)
    tasks = [asyncio.create_task(appender(t)) for t in "xyz"]
    yield from asyncio.sleep(0)
    ready.set()
    yield from asyncio.gather(*tasks)
    print("lock keeps pairs together:", "".join(shared), "| locked now:", lock.locked())
    bounded = asyncio.BoundedSemaphore(1)
    try:
        bounded.release()
    except ValueError as exc:
        print("BoundedSemaphore:", exc)


@types.coroutine
def demo_taskgroup():
    started = {}

    @types.coroutine
    def failing_group(tg):
        started["t1"] = tg.create_task(job("tg1", 0.1))
        tg.create_task(job("tg2", 0, fail=True))
        tg.create_task(job("tg3", 1.0))
        yield from asyncio.sleep(0)
    try:
        yield from async_with(asyncio.TaskGroup(), failing_group)
    except* ValueError as group:
        print("except* caught:", type(group).__name__, group.message, [str(e) for e in group.exceptions])
    print("tg1 cancelled:", started["t1"].cancelled())
    flush("  log:")

    @types.coroutine
    def good_group(tg):
        started["all"] = [tg.create_task(job(f"ok{i}", 0.01 * i)) for i in range(3)]
        return None
        yield
    yield from async_with(asyncio.TaskGroup(), good_group)
    print("all results after the group:", [t.result() for t in started["all"]])
    log.clear()


@types.coroutine
def main():
    for demo in (demo_gather, demo_timeouts, demo_cancel, demo_limits, demo_taskgroup):
        yield from demo()


asyncio.run(main())
