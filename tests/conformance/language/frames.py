# Frame objects: sys._getframe, f_back chains, f_locals snapshots, gi_frame/cr_frame
# lifetimes, frames that outlive their call, and inspect's generator/coroutine states.
import builtins
import inspect
import sys
import types


def where(depth=0):
    f = sys._getframe(depth + 1)
    return f.f_code.co_name, f.f_lineno


def outer():
    x = 1
    return inner(x)


def inner(y):
    f = sys._getframe()
    chain = []
    while f is not None:
        chain.append(f.f_code.co_name)
        f = f.f_back
    return chain


print(outer())
print(where(), where.__code__.co_name)
print(type(sys._getframe()) is types.FrameType, inspect.isframe(sys._getframe()))
print(sys._getframe().f_globals is globals(), sys._getframe().f_builtins is builtins.__dict__)
print(inspect.currentframe().f_code.co_name)
try:
    sys._getframe(1000)
except ValueError as exc:
    print(type(exc).__name__, exc)
try:
    sys._getframe("x")
except TypeError as exc:
    print(type(exc).__name__, exc)


def keeps_frame(a, b=2):
    c = a + b

    def uses_c():
        return c
    frame = sys._getframe()
    print("live locals:", sorted(frame.f_locals))
    return frame


fr = keeps_frame(5)
print("after return:", sorted(fr.f_locals.items(), key=lambda kv: kv[0])[:3], fr.f_code.co_name, fr.f_back.f_code.co_name)
print("line kept:", fr.f_lineno, fr.f_lasti > 0)
module_frame = sys._getframe()
print("module f_locals is globals:", module_frame.f_locals is globals())


print("-- generators")


def counter(n):
    i = 0
    while i < n:
        got = yield i
        i += 1
    return "done"


g = counter(2)
print(inspect.getgeneratorstate(g), g.gi_frame.f_lineno, g.gi_frame.f_lasti, g.gi_suspended, g.gi_yieldfrom)
next(g)
frame = g.gi_frame
print(inspect.getgeneratorstate(g), frame.f_lineno, frame.f_locals, frame.f_back, inspect.getgeneratorlocals(g))


def watcher():
    print("  inside:", inspect.getgeneratorstate(w), w.gi_running, w.gi_frame.f_back.f_code.co_name)
    yield


w = watcher()
next(w)
list(g)
print(inspect.getgeneratorstate(g), g.gi_frame, frame.f_locals, frame.f_lineno)


def delegator():
    yield from counter(3)


d = delegator()
next(d)
print("gi_yieldfrom:", type(d.gi_yieldfrom).__name__, d.gi_yieldfrom.gi_frame.f_locals)
d.close()
print(inspect.getgeneratorstate(d), d.gi_yieldfrom)

print("-- coroutines")


@types.coroutine
def pause():
    yield


async def job():
    await pause()
    return inspect.getcoroutinestate(c)


c = job()
print(inspect.getcoroutinestate(c), inspect.iscoroutine(c), inspect.isawaitable(c), inspect.isawaitable(pause()))
c.send(None)
print(inspect.getcoroutinestate(c), type(c.cr_await).__name__, inspect.getcoroutinelocals(c))
try:
    c.send(None)
except StopIteration as stop:
    print("state inside:", stop.value)
print(inspect.getcoroutinestate(c), c.cr_frame, inspect.getcoroutinelocals(c))


async def agen():
    yield sys._getframe().f_code.co_name


a = agen()
print(inspect.isasyncgen(a), a.ag_frame.f_code.co_name)
try:
    a.__anext__().send(None)
except StopIteration as stop:
    print("yielded", stop.value)
