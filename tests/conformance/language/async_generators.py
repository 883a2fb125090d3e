# Async generators, async for/with and async comprehensions, driven without an event
# loop: a bare `yield` from a types.coroutine stands for a suspension.
import types


@types.coroutine
def pause(tag):
    yield tag


def run(coro):
    try:
        while True:
            print("  loop got", coro.send(None))
    except StopIteration as stop:
        return stop.value


async def ticker(n):
    try:
        for i in range(n):
            reply = yield i
            if reply is not None:
                print("  ticker got", repr(reply))
            await pause(f"tick{i}")
    except ValueError as exc:
        print("  ticker handling", exc)
        yield -1
    finally:
        print("  ticker finally")


async def main():
    g = ticker(4)
    print(type(g).__name__, repr(g).startswith("<async_generator object ticker at 0x"), g.__aiter__() is g)
    print(g.ag_running, g.ag_await, g.ag_frame.f_code.co_name, g.ag_code.co_name)
    print("anext:", await g.__anext__())
    print("asend:", await g.asend("hello"))
    print("athrow:", await g.athrow(ValueError("bad")))
    try:
        await g.__anext__()
    except StopAsyncIteration:
        print("StopAsyncIteration, frame:", g.ag_frame)
    try:
        await g.asend(None)
    except StopAsyncIteration:
        print("still StopAsyncIteration")

    print("-- async for")
    total = []
    async for v in ticker(3):
        total.append(v)
    else:
        print("else runs")
    print(total)
    g = ticker(10)
    async for v in g:
        if v == 1:
            break
    print("broke at", v, g.ag_frame is not None)
    print("aclose:", await g.aclose(), g.ag_frame)
    print("aclose again:", await g.aclose())

    print("-- comprehensions")
    print([v async for v in ticker(3)])
    print({v: v * v async for v in ticker(2)})
    print({v async for v in ticker(2) if v})
    print([(x, y) async for x in ticker(2) for y in "ab"])
    print([await twice(v) for v in range(3)])
    agen = (v * 10 async for v in ticker(2))
    print(type(agen).__name__, [v async for v in agen])

    print("-- anext / aiter")
    print(await anext(ticker(0), "default"), await anext(aiter(ticker(1))))
    try:
        await anext(ticker(0))
    except StopAsyncIteration:
        print("no default: StopAsyncIteration")

    print("-- async with")
    async with Session("a") as s:
        print("  inside", s.name)
    async with Session("b"):
        raise KeyError("swallowed")
    try:
        async with Session("c"), Session("d"):
            raise ValueError("escapes")
    except ValueError as exc:
        print("caught", exc)
    return "main done"


async def twice(v):
    await pause("twice")
    return v * 2


class Session:
    def __init__(self, name):
        self.name = name

    async def __aenter__(self):
        print("  open", self.name)
        await pause("enter " + self.name)
        return self

    async def __aexit__(self, exc_type, exc, tb):
        print("  close", self.name, exc_type.__name__ if exc_type else None)
        return exc_type is KeyError


print(run(main()))

print("-- errors")


async def misuse(what):
    if what == "for":
        async for _ in 5:
            pass
    elif what == "aiter":
        async for _ in BadAiter():
            pass
    elif what == "anext":
        async for _ in BadAnext():
            pass
    elif what == "with":
        async with 5:
            pass
    elif what == "aexit":
        async with OnlyEnter():
            pass
    elif what == "enter-result":
        async with BadEnter():
            pass


class BadAiter:
    def __aiter__(self):
        return 1


class BadAnext:
    def __aiter__(self):
        return self

    def __anext__(self):
        return 1


class OnlyEnter:
    async def __aenter__(self):
        return self


class BadEnter:
    def __aenter__(self):
        return 1

    def __aexit__(self, *a):
        return 1


for what in ("for", "aiter", "anext", "with", "aexit", "enter-result"):
    try:
        run(misuse(what))
    except TypeError as exc:
        print(type(exc).__name__, exc, "| cause:", type(exc.__cause__).__name__)


async def leaky():
    yield 1
    raise StopAsyncIteration


async def stop_iter():
    yield 1
    raise StopIteration


async def collect(agen):
    return [v async for v in agen]


for gen in (leaky(), stop_iter()):
    try:
        run(collect(gen))
    except RuntimeError as exc:
        print(type(exc).__name__, exc, "| cause:", type(exc.__cause__).__name__)


async def ignores_exit():
    try:
        yield 1
    except GeneratorExit:
        yield 2


async def close_it():
    g = ignores_exit()
    await g.__anext__()
    try:
        await g.aclose()
    except RuntimeError as exc:
        print(type(exc).__name__, exc)
    aw = g.asend(None)
    try:
        aw.send(None)
    except StopAsyncIteration:
        print("closed generator: StopAsyncIteration")
    try:
        aw.send(None)
    except RuntimeError as exc:
        print(type(exc).__name__, exc)


run(close_it())
