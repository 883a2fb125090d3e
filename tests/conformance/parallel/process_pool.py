# concurrent.futures.ProcessPoolExecutor: results in submission order, exceptions
# re-raised with the worker's traceback as the cause, arguments that cannot cross,
# shutdown semantics and CPython's errors. (Terrarium's workers are isolated
# interpreters; CPython's are forked processes.)
import concurrent.futures
import threading
import time
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool


def count_primes(limit):
    return sum(1 for n in range(2, limit) if all(n % d for d in range(2, int(n ** 0.5) + 1)))


def scaled(x, factor=1, *, offset=0):
    return x * factor + offset


def fail(x):
    if x == 3:
        raise ValueError(f"bad item {x}")
    return x


class Job:
    def __init__(self, n):
        self.n = n


def run_job(job):
    job.n += 1  # a copy: the caller's Job is unchanged
    return job


def nap(seconds):
    time.sleep(seconds)
    return seconds


def show(label, fn):
    try:
        print(label, fn())
    except Exception as e:
        print(label, type(e).__name__, e)


if __name__ == "__main__":
    print("ProcessPoolExecutor" in concurrent.futures.__all__, issubclass(BrokenProcessPool, concurrent.futures.BrokenExecutor))
    with ProcessPoolExecutor(max_workers=2) as ex:
        futures = [ex.submit(count_primes, n) for n in (5000, 100, 20000, 10)]
        print([f.result() for f in futures])
        print(ex.submit(scaled, 5, 3, offset=1).result(), ex.submit(divmod, 17, 5).result())
        print(list(ex.map(scaled, range(6), [10] * 6)))
        print(list(ex.map(count_primes, [100, 200, 300, 400, 500], chunksize=2)))
        job = Job(1)
        back = ex.submit(run_job, job).result()
        print(job.n, back.n, type(back) is Job, back is job)
        print(ex.submit(job.__init__, 5).result(), job.n)  # a bound method: its object is copied

        # The worker's exception comes back as the same class, its traceback as the cause.
        f = ex.submit(fail, 3)
        e = f.exception()
        print(type(e).__name__, e, type(e.__cause__).__name__, "ValueError: bad item 3" in str(e.__cause__))
        results = ex.map(fail, range(5))
        show("map:", lambda: [next(results) for _ in range(5)])

        # What cannot cross fails the future with pickle's error; the pool still works.
        for bad in (lambda: 1, threading.Lock(), (x for x in "ab")):
            e = ex.submit(scaled, bad).exception()
            print(type(e).__name__, str(e).split(" at 0x")[0])
        print(ex.submit(scaled, 2, 2).result())
        show("chunksize:", lambda: ex.map(scaled, [1], chunksize=0))
        show("map timeout:", lambda: list(ex.map(nap, [0.5], timeout=0.05)))
        done = concurrent.futures.as_completed([ex.submit(nap, 0.1), ex.submit(nap, 0.05)])
        print(sorted(f.result() for f in done))

    show("after shutdown:", lambda: ex.submit(scaled, 1))
    ex.shutdown()  # a second shutdown does nothing

    ex = ProcessPoolExecutor(1)
    futures = [ex.submit(count_primes, 3000 + i) for i in range(6)]
    ex.shutdown(wait=True, cancel_futures=True)
    # Queued futures are cancelled (which ones had started depends on timing).
    print(all(f.done() for f in futures), futures[-1].cancelled())
    print({f.result() for f in futures if not f.cancelled()} <= {430, 431})

    for args, kwargs in [((0,), {}), ((-1,), {}), ((), {"initializer": 5}),
                         ((), {"max_tasks_per_child": 0}), ((), {"max_tasks_per_child": "2"}),
                         ((2,), {"max_tasks_per_child": 1})]:
        show("init:", lambda: ProcessPoolExecutor(*args, **kwargs) and "ok")
