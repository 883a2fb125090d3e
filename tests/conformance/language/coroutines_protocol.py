# Coroutine objects driven by hand: send/throw/close, the cr_* attributes, __await__,
# the await protocol and its errors, types.coroutine generator-based coroutines.
import types


def run(coro):
    """Drive a coroutine to completion, printing what it yields to the 'loop'."""
    try:
        while True:
            print("  loop got", coro.send(None))
    except StopIteration as stop:
        return stop.value


class Suspend:
    def __init__(self, tag):
        self.tag = tag

    def __await__(self):
        reply = yield self.tag
        return (self.tag, reply)


async def add(a, b):
    first = await Suspend("first")
    second = await Suspend("second")
    return a + b, first, second


c = add(1, 2)
print(type(c).__name__, type(c) is types.CoroutineType, repr(c).startswith("<coroutine object add at 0x"))
print(c.__name__, c.__qualname__, c.cr_code.co_name, c.cr_running, c.cr_await, c.cr_suspended, c.cr_origin)
print("frame line at start:", c.cr_frame.f_lineno, c.cr_frame.f_code is add.__code__)
print("yielded:", c.send(None), "| cr_await:", type(c.cr_await).__name__, c.cr_suspended)
print("yielded:", c.send("r1"))
try:
    c.send("r2")
except StopIteration as stop:
    print("returned:", stop.value)
print("after:", c.cr_frame, c.cr_await, c.cr_suspended)
for attempt in ("send", "throw"):
    try:
        c.send(None) if attempt == "send" else c.throw(ValueError("x"))
    except RuntimeError as exc:
        print(attempt, "->", type(exc).__name__, exc)
print("close after finish:", c.close())

print("-- errors")
c = add(1, 2)
try:
    c.send(5)
except TypeError as exc:
    print(type(exc).__name__, exc)
c.close()
try:
    next(add(1, 2))
except TypeError as exc:
    print(type(exc).__name__, exc)
try:
    iter(add)
except TypeError as exc:
    print(type(exc).__name__, exc)


async def awaits(obj):
    return await obj


class NoIter:
    def __await__(self):
        return 5


class ReturnsCoro:
    def __await__(self):
        return add(1, 2)


for bad in (5, "s", NoIter(), ReturnsCoro()):
    c = awaits(bad)
    try:
        c.send(None)
    except TypeError as exc:
        print(type(exc).__name__, exc)

print("-- throw and close")


async def guarded():
    try:
        await Suspend("waiting")
    except KeyError as exc:
        print("  caught", repr(exc))
        return "recovered"
    finally:
        print("  finally")


c = guarded()
c.send(None)
try:
    c.throw(KeyError("k"))
except StopIteration as stop:
    print("throw result:", stop.value)
c = guarded()
c.send(None)
print("close:", c.close(), c.cr_frame)


async def stubborn():
    try:
        await Suspend(1)
    except GeneratorExit:
        await Suspend(2)


c = stubborn()
c.send(None)
try:
    c.close()
except RuntimeError as exc:
    print(type(exc).__name__, exc)
c.close()


async def raises_stop():
    raise StopIteration("inside")


try:
    run(raises_stop())
except RuntimeError as exc:
    print(type(exc).__name__, exc, "| cause:", repr(exc.__cause__))

print("-- __await__ and the wrapper")
c = add(3, 4)
w = c.__await__()
print(type(w).__name__, iter(w) is w)
print(next(w), w.send("a"))
try:
    w.send("b")
except StopIteration as stop:
    print("wrapper returned", stop.value)

print("-- awaiting one coroutine twice at once")


async def inner():
    await Suspend("inner")


async def outer(shared):
    return await shared


shared = inner()
a = outer(shared)
print(a.send(None))
b = outer(shared)
try:
    b.send(None)
except RuntimeError as exc:
    print(type(exc).__name__, exc)
a.close()

print("-- types.coroutine")


@types.coroutine
def legacy(n):
    got = yield ("legacy", n)
    return got * 2


print(legacy.__code__.co_flags & 0x100 != 0, type(legacy(1)).__name__)


async def uses_legacy():
    return await legacy(5)


c = uses_legacy()
print(c.send(None))
try:
    c.send(21)
except StopIteration as stop:
    print("legacy result:", stop.value)


print(run(add(10, 20)))
