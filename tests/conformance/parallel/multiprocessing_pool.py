# multiprocessing.Pool: apply/apply_async, map/map_async/starmap, imap/imap_unordered,
# AsyncResult, close/terminate/join, process names, initializers, contexts, and what
# cannot cross. (Terrarium's workers are isolated interpreters; CPython's are forked.)
import multiprocessing
import threading
import time
from multiprocessing import Pool

seen = []


def square(x):
    return x * x


def add(a, b=0):
    return a + b


def whoami(_):
    return multiprocessing.current_process().name


def setup(tag):
    global TAG
    TAG = tag


def tagged(x):
    return f"{TAG}:{x}"


def fail(x):
    if x % 4 == 3:
        raise KeyError(x)
    return x


class Scaler:
    def __init__(self, k):
        self.k = k

    def scale(self, x):
        return x * self.k


def nap(seconds):
    time.sleep(seconds)
    return seconds


def show(label, fn):
    try:
        print(label, fn())
    except Exception as e:
        print(label, type(e).__name__, str(e).split(" at 0x")[0])


if __name__ == "__main__":
    print(multiprocessing.current_process().name, multiprocessing.cpu_count() >= 1)
    with Pool(2) as pool:
        print(pool, pool.apply(add, (2,), {"b": 3}))
        print(pool.map(square, range(10)), pool.map(square, range(10), chunksize=3), pool.map(square, []))
        print(pool.starmap(add, [(1, 2), (3, 4), (5, 6)]))
        # A bound method crosses as its (copied) object and its name.
        print(pool.map(Scaler(3).scale, range(4)), pool.apply(Scaler(2).scale, (5,)))
        print(list(pool.imap(square, range(6))), list(pool.imap(square, range(7), chunksize=3)))
        print(sorted(pool.imap_unordered(square, range(6))))
        print(sorted(set(pool.map(whoami, range(8), chunksize=1)) | {"ForkPoolWorker-1", "ForkPoolWorker-2"}))

        r = pool.apply_async(square, (9,), callback=seen.append)
        print(r.get(timeout=10), r.ready(), r.successful())
        m = pool.map_async(square, range(4), callback=seen.append)
        m.wait()
        print(m.get(), seen)

        bad = pool.apply_async(fail, (3,), error_callback=lambda e: seen.append(type(e).__name__))
        show("apply_async:", bad.get)
        print(bad.successful(), seen[-1], type(bad.get.__self__._value.__cause__).__name__)
        show("map:", lambda: pool.map(fail, range(6)))
        it = pool.imap(fail, range(5))
        print([next(it) for _ in range(3)], end=" ")
        show("imap:", lambda: next(it))
        print(next(it))

        for value in (lambda: 0, threading.Lock()):
            show("apply:", lambda: pool.apply(square, (value,)))
        show("map lambda:", lambda: pool.map(lambda x: x, [1]))
        slow = pool.apply_async(nap, (0.4,))
        show("get timeout:", lambda: slow.get(timeout=0.05))
        print(slow.ready(), slow.get())
        it = pool.imap(nap, [0.3])
        show("next timeout:", lambda: it.next(timeout=0.05))
        print(it.next(), list(it))
        show("imap chunksize:", lambda: pool.imap(square, [1], chunksize=0))

    show("after exit:", lambda: pool.apply(square, (1,)))
    pool = Pool(processes=1, initializer=setup, initargs=("t",))
    print(pool.map(tagged, "ab"))
    show("join while running:", pool.join)
    pool.close()
    show("after close:", lambda: pool.map(square, [1]))
    pool.join()

    ctx = multiprocessing.get_context("spawn")
    with ctx.Pool(1) as pool:
        print(ctx.get_start_method(), pool.map(whoami, [0]))
    show("context:", lambda: multiprocessing.get_context("threads"))
    print(multiprocessing.get_start_method(), issubclass(multiprocessing.TimeoutError, multiprocessing.ProcessError))
    for kwargs in ({"processes": 0}, {"initializer": 1}, {"maxtasksperchild": 0}):
        show("Pool:", lambda: Pool(**kwargs))
