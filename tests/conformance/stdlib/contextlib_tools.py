# contextlib: @contextmanager and @asynccontextmanager (exceptions thrown in at the
# yield), ExitStack/AsyncExitStack unwinding and exception chaining, and the helpers.
# Async parts run on a hand-written driver (a bare yield is a suspension).
import contextlib
import sys
import types


@types.coroutine
def pause():
    yield "paused"


def run(coro):
    try:
        while True:
            coro.send(None)
    except StopIteration as stop:
        return stop.value


@contextlib.contextmanager
def tag(name, swallow=()):
    print(f"<{name}>")
    try:
        yield name.upper()
    except swallow as exc:
        print(f"  {name} swallowed {type(exc).__name__}: {exc}")
    finally:
        print(f"</{name}>")


with tag("a") as value:
    print("  body got", value)
with tag("b", swallow=(KeyError,)):
    raise KeyError("k")
try:
    with tag("c"):
        raise StopIteration("passes through")
except StopIteration as exc:
    print("StopIteration kept:", exc)
print(tag.__name__, tag.__wrapped__.__name__)


@contextlib.contextmanager
def never_yields():
    return
    yield


@contextlib.contextmanager
def yields_twice():
    yield 1
    yield 2


@contextlib.contextmanager
def keeps_yielding():
    while True:
        try:
            yield
        except Exception:
            pass


for factory in (never_yields, yields_twice):
    try:
        with factory():
            pass
    except RuntimeError as exc:
        print(f"{factory.__name__}: {exc}")
try:
    with keeps_yielding():
        raise ValueError
except RuntimeError as exc:
    print("keeps_yielding:", exc)

print("-- ExitStack")


def raiser(kind):
    def cb(*exc):
        raise kind(f"from {kind.__name__} callback")
    return cb


try:
    with contextlib.ExitStack() as stack:
        stack.push(raiser(KeyError))
        stack.push(raiser(IndexError))
        raise ValueError("body")
except KeyError as exc:
    ctx = exc.__context__
    print("raised:", repr(exc), "| context:", repr(ctx), "| its context:", repr(ctx.__context__))
try:
    contextlib.ExitStack().enter_context(42)
except TypeError as exc:
    print(type(exc).__name__, exc)
with contextlib.ExitStack() as stack:
    stack.callback(print, "callback", "args", sep="-")
    closed = stack.pop_all()
print("popped, not run yet")
closed.close()

print("-- helpers")
with contextlib.suppress(KeyError, FileNotFoundError):
    raise FileNotFoundError("gone")
try:
    with contextlib.suppress(KeyError):
        raise ValueError("not suppressed")
except ValueError as exc:
    print("escaped suppress:", exc)
with contextlib.nullcontext(5) as five:
    print("nullcontext:", five)


class Buffer:
    def __init__(self):
        self.parts = []

    def write(self, text):
        self.parts.append(text)


buf = Buffer()
with contextlib.redirect_stdout(buf):
    print("captured", 1)
with contextlib.redirect_stderr(buf):
    print("to stderr", file=sys.stderr)
print("captured:", "".join(buf.parts).splitlines())

print("-- async")


@contextlib.asynccontextmanager
async def session(name, swallow=()):
    print(f"  open {name}")
    await pause()
    try:
        yield name
    except swallow as exc:
        print(f"  {name} swallowed {exc!r}")
    finally:
        await pause()
        print(f"  close {name}")


class Conn:
    def __init__(self, name):
        self.name = name

    async def __aenter__(self):
        print("  enter", self.name)
        return self

    async def __aexit__(self, *exc):
        print("  exit", self.name, exc[0].__name__ if exc[0] else None)


class Gen:
    async def aclose(self):
        print("  aclose called")


async def main():
    async with session("s1") as s:
        print("  inside", s)
    async with session("s2", swallow=(KeyError,)):
        raise KeyError("k")
    try:
        async with session("s3"):
            raise ValueError("v")
    except ValueError as exc:
        print("  escaped:", exc)

    @session("decorated")
    async def job(x):
        print("  job", x)
        return x * 2
    print("  decorated result:", await job(21))

    async with contextlib.AsyncExitStack() as stack:
        conns = [await stack.enter_async_context(Conn(f"c{i}")) for i in range(2)]
        stack.push_async_callback(pause)
        stack.callback(print, "  sync callback")

        async def swallow(*exc):
            print("  async exit hook saw", exc[0].__name__ if exc[0] else None)
            return True
        stack.push_async_exit(swallow)
        print("  working with", [c.name for c in conns])
        raise OSError("swallowed by the hook")
    try:
        await contextlib.AsyncExitStack().enter_async_context(Conn)
    except TypeError as exc:
        print(" ", type(exc).__name__, exc)
    async with contextlib.aclosing(Gen()):
        pass
    async with contextlib.nullcontext("n") as n:
        print("  async nullcontext:", n)
    return "main done"


print(run(main()))
