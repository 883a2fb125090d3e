# Course lab (module 6): the same jobs run four ways — sequentially, on 2 threads, on a
# 2-worker process pool and as asyncio tasks. The CPU-bound job counts primes by trial
# division; the I/O-bound job is 20 sleeps of 50 ms. Prints one line per run:
# "<job> <way> <seconds>" (tests/bench/parallelism.py turns them into a table).
import asyncio
import time
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor

LIMIT = 430_000     # python3 takes about 1 s for the sequential count on the course VM
PARTS = 16          # CPU job cut into ranges; more parts than workers keeps them balanced
SLEEPS, NAP = 20, 0.05
WORKERS = 2


def count_primes(start, stop):
    count = 0
    for n in range(max(start, 2), stop):
        d = 2
        while d * d <= n:
            if n % d == 0:
                break
            d += 1
        else:
            count += 1
    return count


def ranges():
    # Costliest (highest) range first, so no worker is left with a big one at the end.
    step = -(-LIMIT // PARTS)
    return [(lo, min(lo + step, LIMIT)) for lo in reversed(range(0, LIMIT, step))]


def nap(_):
    time.sleep(NAP)
    return 1


def cpu_sequential():
    return sum(count_primes(lo, hi) for lo, hi in ranges())


def cpu_pool(pool_class):
    with pool_class(WORKERS) as pool:
        return sum(pool.map(count_primes, *zip(*ranges())))


async def cpu_asyncio_main():
    async def part(lo, hi):
        return count_primes(lo, hi)  # no await inside: tasks run one after another
    return sum(await asyncio.gather(*(part(lo, hi) for lo, hi in ranges())))


def io_sequential():
    return sum(nap(i) for i in range(SLEEPS))


def io_pool(pool_class, workers):
    with pool_class(workers) as pool:
        return sum(pool.map(nap, range(SLEEPS)))


async def io_asyncio_main():
    async def anap():
        await asyncio.sleep(NAP)
        return 1
    return sum(await asyncio.gather(*(anap() for _ in range(SLEEPS))))


RUNS = [
    ("cpu", "sequential", cpu_sequential),
    ("cpu", "threads", lambda: cpu_pool(ThreadPoolExecutor)),
    ("cpu", "processes", lambda: cpu_pool(ProcessPoolExecutor)),
    ("cpu", "asyncio", lambda: asyncio.run(cpu_asyncio_main())),
    ("io", "sequential", io_sequential),
    # Threads wait side by side: one per sleep, as an I/O-bound program would use them.
    ("io", "threads", lambda: io_pool(ThreadPoolExecutor, SLEEPS)),
    ("io", "processes", lambda: io_pool(ProcessPoolExecutor, WORKERS)),
    ("io", "asyncio", lambda: asyncio.run(io_asyncio_main())),
]

if __name__ == "__main__":
    answers = {}
    for job, way, run in RUNS:
        start = time.perf_counter()
        answers.setdefault(job, set()).add(run())
        print(job, way, f"{time.perf_counter() - start:.4f}", flush=True)
    # Every way must compute the same answer, or its time means nothing.
    assert all(len(a) == 1 for a in answers.values()), answers
