# Cancellation as CPython 3.11 does it: messages, a task that swallows CancelledError,
# cancel() right before the coroutine returns, shield() against the outer cancel,
# timeout() rescheduling and nesting, timeout_at, wait_for cancelled from outside,
# gather() cancelled as a whole, and a TaskGroup whose parent is cancelled.
import asyncio
import types


@types.coroutine
def nap(delay, result=None):
    return (yield from asyncio.sleep(delay, result))


@types.coroutine
def async_with(manager, body):
    value = yield from manager.__aenter__()
    try:
        result = yield from body(value)
    except BaseException as exc:
        if not (yield from manager.__aexit__(type(exc), exc, exc.__traceback__)):
            raise
        return None
    yield from manager.__aexit__(None, None, None)
    return result


@types.coroutine
def stubborn():
    try:
        yield from nap(10)
    except asyncio.CancelledError:
        print("  stubborn: swallowed the cancellation")
    yield from nap(0)
    return "kept going"


@types.coroutine
def main():
    loop = asyncio.get_running_loop()
    t = asyncio.create_task(nap(10))
    yield from nap(0)
    t.cancel("because")
    try:
        yield from t
    except asyncio.CancelledError as exc:
        print("cancel message:", exc.args)

    s = asyncio.create_task(stubborn())
    yield from nap(0)
    print("cancel stubborn:", s.cancel())
    print("stubborn result:", (yield from s), "| cancelled():", s.cancelled(), "| cancelling():", s.cancelling())

    quick = asyncio.create_task(nap(0, "quick"))
    print("cancel before first step:", quick.cancel())
    try:
        yield from quick
    except asyncio.CancelledError:
        print("never started, cancelled:", quick.cancelled())

    inner = asyncio.create_task(nap(0.02, "inner result"))
    outer = asyncio.shield(inner)
    outer.cancel()
    try:
        yield from outer
    except asyncio.CancelledError:
        print("shield: outer cancelled:", outer.cancelled(), "| inner cancelled:", inner.cancelled())
    print("inner still finishes:", (yield from inner))

    @types.coroutine
    def rescheduled(cm):
        print("  timeout repr before:", repr(cm).startswith("<Timeout [active] when="))
        cm.reschedule(loop.time() + 0.01)
        yield from nap(1)
    try:
        yield from async_with(asyncio.timeout(10), rescheduled)
    except TimeoutError:
        print("rescheduled timeout fired")

    @types.coroutine
    def nested(cm):
        @types.coroutine
        def inner_body(inner_cm):
            yield from nap(1)
        try:
            yield from async_with(asyncio.timeout(0.01), inner_body)
        except TimeoutError:
            print("  inner timeout fired; outer expired:", cm.expired())
        return "nested done"
    print((yield from async_with(asyncio.timeout(5), nested)))

    @types.coroutine
    def no_deadline(cm):
        print("  timeout(None).when():", cm.when())
        yield from nap(0.01)
        return "no deadline"
    print((yield from async_with(asyncio.timeout(None), no_deadline)))
    cm = asyncio.timeout_at(loop.time() - 1)
    try:
        yield from async_with(cm, lambda _: nap(1))
    except TimeoutError:
        print("timeout_at in the past fires at once | repr:", repr(cm))
    try:
        cm.reschedule(None)
    except RuntimeError as exc:
        print("RuntimeError:", exc)

    waiter = asyncio.create_task(asyncio.wait_for(nap(10), timeout=5))
    yield from nap(0.01)
    waiter.cancel()
    try:
        yield from waiter
    except asyncio.CancelledError:
        print("wait_for cancelled from outside:", waiter.cancelled())

    group = asyncio.gather(nap(10), nap(10))
    yield from nap(0)
    print("gather.cancel():", group.cancel())
    try:
        yield from group
    except asyncio.CancelledError:
        print("gather cancelled:", group.cancelled())
    try:
        yield from asyncio.wait_for(nap(0, "never"), timeout=0)
    except TimeoutError:
        print("wait_for(timeout=0) on a fresh coroutine: TimeoutError")
    done_already = asyncio.create_task(nap(0, "done already"))
    yield from nap(0)
    yield from nap(0)
    print("wait_for(timeout=0) on a finished task:", (yield from asyncio.wait_for(done_already, timeout=0)))

    @types.coroutine
    def parent():
        @types.coroutine
        def body(tg):
            tg.create_task(nap(10))
            tg.create_task(nap(10))
            yield from nap(10)
        yield from async_with(asyncio.TaskGroup(), body)
    p = asyncio.create_task(parent())
    yield from nap(0.01)
    p.cancel()
    try:
        yield from p
    except asyncio.CancelledError:
        print("parent of a TaskGroup cancelled:", p.cancelled())
    print("tasks left:", len(asyncio.all_tasks()))


asyncio.run(main())
