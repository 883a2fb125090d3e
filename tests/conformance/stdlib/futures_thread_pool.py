# concurrent.futures: Future states, reprs and callbacks, ThreadPoolExecutor (worker
# names, initializer, map, shutdown and cancellation), wait() and as_completed().
import threading
import concurrent.futures as cf
from concurrent.futures import (ALL_COMPLETED, FIRST_COMPLETED, FIRST_EXCEPTION, Future,
                                ThreadPoolExecutor, as_completed, wait)


def hide_address(text):
    start = text.find(" at 0x")
    if start < 0:
        return text
    end = text.index(" ", start + 4)
    return text[:start] + " at 0x..." + text[end:]


def shown(obj):
    return hide_address(repr(obj))


print("-- Future by hand")
f = Future()
print(shown(f), f.running(), f.done(), f.cancelled())
print(f.set_running_or_notify_cancel(), shown(f), f.cancel())
f.set_result({"a": 1})
print(shown(f), f.result(), f.exception(), f.done())
try:
    f.set_exception(ValueError())
except cf.InvalidStateError as exc:
    print(type(exc).__name__, hide_address(str(exc)))
g = Future()
g.set_exception(KeyError("k"))
print(shown(g), repr(g.exception()))
try:
    g.result()
except KeyError as exc:
    print("result() raises", repr(exc))
h = Future()
calls = []
h.add_done_callback(lambda fut: calls.append(("first", fut.cancelled())))
h.add_done_callback(lambda fut: calls.append(("second", fut.done())))
print(h.cancel(), h.cancel(), shown(h), h.set_running_or_notify_cancel(), shown(h))
print(calls)
for action in (h.result, h.exception, lambda: Future().result(timeout=0.01),
               lambda: Future().exception(timeout=0)):
    try:
        action()
    except (cf.CancelledError, TimeoutError) as exc:
        print(type(exc).__name__, repr(exc))
print(cf.TimeoutError is TimeoutError, cf.CancelledError.__mro__[1].__name__,
      issubclass(cf.BrokenExecutor, RuntimeError), Future[int])

print("-- executor basics")
with ThreadPoolExecutor(max_workers=2, thread_name_prefix="calc") as pool:
    print(list(pool.map(lambda x: x * 3, range(6))))
    print(list(pool.map(divmod, [7, 9, 11], [2, 4])))
    fut = pool.submit(lambda a, b=0: a + b, 2, b=5)
    print(fut.result(timeout=5), shown(fut))
    names = {pool.submit(lambda: threading.current_thread().name).result() for _ in range(3)}
    print(all(n in ("calc_0", "calc_1") for n in names))
print(pool.submit.__name__, len(pool._threads) <= 2)
try:
    pool.submit(print)
except RuntimeError as exc:
    print(type(exc).__name__, exc)
for kwargs in ({"max_workers": 0}, {"max_workers": -1}, {"initializer": 5}):
    try:
        ThreadPoolExecutor(**kwargs)
    except (ValueError, TypeError) as exc:
        print(type(exc).__name__, exc)

print("-- initializer")
state = threading.local()


def init(value):
    state.value = value


with ThreadPoolExecutor(max_workers=1, initializer=init, initargs=("ready",)) as pool:
    print(pool.submit(lambda: state.value).result())

print("-- map stops at the first failure and cancels the rest")
gate = threading.Event()


def slow_or_fail(n):
    if n == 2:
        raise ZeroDivisionError("n is 2")
    if n == 4:
        gate.wait()
    return n


with ThreadPoolExecutor(max_workers=1) as pool:
    results = pool.map(slow_or_fail, range(6))
    got = []
    try:
        for value in results:
            got.append(value)
    except ZeroDivisionError as exc:
        print(got, exc)
    gate.set()

print("-- cancel and shutdown(cancel_futures=True)")
gate = threading.Event()
started = threading.Event()


def blocker():
    started.set()
    gate.wait()
    return "unblocked"


pool = ThreadPoolExecutor(max_workers=1)
running = pool.submit(blocker)
queued = [pool.submit(pow, 2, n) for n in range(3)]
started.wait()
print(running.running(), [q.running() for q in queued], queued[0].cancel(), shown(queued[0]))
gate.set()
pool.shutdown(wait=True, cancel_futures=False)
print(running.result(), [q.cancelled() or q.result() for q in queued])
gate = threading.Event()
started = threading.Event()
pool = ThreadPoolExecutor(max_workers=1)
running = pool.submit(blocker)
queued = [pool.submit(pow, 3, n) for n in range(3)]
started.wait()
pool.shutdown(wait=False, cancel_futures=True)
gate.set()
pool.shutdown()
print(running.result(), [q.cancelled() for q in queued])

print("-- wait and as_completed")
gate = threading.Event()
with ThreadPoolExecutor(max_workers=3) as pool:
    quick = pool.submit(lambda: "quick")
    held = pool.submit(gate.wait)
    failing = pool.submit(int, "x")
    quick.result()
    failing.exception()
    done, not_done = wait([quick, held], return_when=FIRST_COMPLETED)
    print(type(wait([quick])).__name__, [f is quick for f in done], len(not_done))
    done, not_done = wait([quick, held, failing], return_when=FIRST_EXCEPTION)
    print(len(done), len(not_done), held in not_done)
    done, not_done = wait([held], timeout=0.01)
    print(len(done), len(not_done))
    completed = []
    try:
        for fut in as_completed([quick, held, failing], timeout=0.05):
            completed.append(fut.exception() is None)
    except TimeoutError as exc:
        print(sorted(completed), type(exc).__name__, exc)
    try:
        wait([quick], return_when="SOMETIMES")
    except ValueError as exc:
        print(exc)
    gate.set()
    done, not_done = wait([quick, held, failing], return_when=ALL_COMPLETED)
    print(len(done), len(not_done))
    print(sorted(str(f.result()) for f in as_completed([quick, held])))
