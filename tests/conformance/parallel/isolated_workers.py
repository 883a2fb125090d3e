# Isolated workers: a function of this module runs in another interpreter (terrarium's
# _interpreters.Worker; under CPython a spawned process), with arguments and results
# copied across and exceptions re-raised here as the same class.
try:
    import _interpreters

    def start_worker():
        return _interpreters.Worker()

    copy_across = _interpreters.copy
except ImportError:  # CPython: the same semantics from a one-process spawn pool and pickle
    import concurrent.futures
    import multiprocessing
    import pickle
    import sys

    class ProcessWorker:
        def __init__(self):
            self.pool = concurrent.futures.ProcessPoolExecutor(1, multiprocessing.get_context("spawn"))
            self.futures = []

        def submit(self, name, args=(), kwargs=None):
            pickle.dumps((args, kwargs))  # fails here, as the worker's submit does
            fn = getattr(sys.modules["__main__"], name)
            self.futures.append(self.pool.submit(fn, *args, **(kwargs or {})))

        def result(self):
            return self.futures.pop(0).result()

        def call(self, name, *args, **kwargs):
            self.submit(name, args, kwargs)
            return self.result()

        def close(self):
            self.pool.shutdown()

    def start_worker():
        return ProcessWorker()

    def copy_across(value):
        return pickle.loads(pickle.dumps(value))


def square(x):
    return x * x


def describe(name, *items, sep="-", **extra):
    return name + sep.join(str(i) for i in items), sorted(extra.items())


def count_primes(limit):
    count = 0
    for n in range(2, limit):
        d = 2
        while d * d <= n:
            if n % d == 0:
                break
            d += 1
        else:
            count += 1
    return count


def apply(function, *args):
    return function(*args), type(args[0])


class Refused(Exception):
    pass


class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y

    def __repr__(self):
        return f"Point({self.x}, {self.y})"


def moved(point, dx):
    return Point(point.x + dx, point.y), point


def pool_map(workers, name, values):
    """What a process pool's map does: spread the calls over the workers, collect in order."""
    for i, value in enumerate(values):
        workers[i % len(workers)].submit(name, (value,))
    return [workers[i % len(workers)].result() for i in range(len(values))]


def fail(kind):
    if kind == "key":
        return {"present": 1}["missing"]
    if kind == "zero":
        return 1 / 0
    if kind == "custom":
        raise Refused("no", 3)
    return (i for i in range(3))  # a result that cannot come back


if __name__ == "__main__":
    w = start_worker()
    print(w.call("square", 7))
    print(w.call("describe", "n", 1, 2.5, None, sep="+", b=(2, 3), a=[1, {"k": b"v"}]))
    big = 2**100 + 1
    print(w.call("square", big) == big * big, w.call("square", 1.5), w.call("square", 2j))
    w.submit("count_primes", (5000,))
    w.submit("count_primes", (3000,))
    w.submit("square", (-4,))
    print([w.result() for _ in range(3)])
    for kind in ["key", "zero", "custom", "generator"]:
        try:
            w.call("fail", kind)
        except Exception as e:
            print(type(e).__name__, e.args, isinstance(e, Refused))
    # Functions and classes cross by reference, as pickle sends them.
    print(w.call("apply", square, 12), w.call("apply", len, "abc"), w.call("apply", Refused, "x"))
    import sys
    for bad in [(x for x in ()), sys]:
        try:
            w.submit("square", (bad,))
        except TypeError as e:
            print(e)
    print(w.call("square", 12))
    # Instances of plain classes cross as pickle sends them: class by reference, then __dict__.
    p = Point(1, [2])
    new, old = w.call("moved", p, 10)
    print(new, old, old is p, type(new) is Point, old.y == p.y)
    w2 = start_worker()
    print(pool_map([w, w2], "count_primes", [1000, 2000, 3000, 4000, 5000]))
    w2.close()
    w.close()

    shared = [1, 2]
    nested = [shared, shared, {"s": shared, 3: (shared,)}]
    nested.append(nested)
    back = copy_across(nested)
    print(back[0] is back[1], back[2]["s"] is back[0], back[2][3][0] is back[0], back[3] is back)
    print(back[:3])
    print(copy_across((0, -1, 2**70, b"x", bytearray(b"y"), {1, 2}, frozenset({3}), 1j, ..., True, None, "é")))
    for bad in [sys, (x for x in ()), [1, sys]]:
        try:
            copy_across(bad)
        except TypeError as e:
            print(e)
