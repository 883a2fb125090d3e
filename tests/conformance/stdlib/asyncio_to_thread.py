# asyncio.to_thread and loop.run_in_executor: blocking calls run in worker threads
# while the event loop goes on; results and exceptions come back to the awaiting task.
import asyncio
import threading
import time
from concurrent.futures import ThreadPoolExecutor


def blocking(label, delay, log):
    log.append(f"{label} starts in a worker: {threading.current_thread() is not threading.main_thread()}")
    time.sleep(delay)
    return f"{label} done"


def fail():
    raise LookupError("nothing here")


async def ticker(log, stop):
    ticks = 0
    while not stop.is_set():
        ticks += 1
        await asyncio.sleep(0.005)
    log.append(f"ticker ran while the thread blocked: {ticks > 1}")


async def main():
    log = []
    stop = asyncio.Event()
    tick = asyncio.create_task(ticker(log, stop))
    result = await asyncio.to_thread(blocking, "sleep", 0.05, log)
    stop.set()
    await tick
    print(result)
    print("\n".join(log))
    print(await asyncio.to_thread(sorted, [3, 1, 2], reverse=True))
    # The loop waits for wait_for's timer while the thread works: it must not hold the
    # GIL meanwhile, and the thread's result must end that wait.
    print(await asyncio.wait_for(asyncio.to_thread(blocking, "timed", 0.02, []), timeout=20))
    try:
        await asyncio.to_thread(fail)
    except LookupError as exc:
        print(type(exc).__name__, exc)
    results = await asyncio.gather(*(asyncio.to_thread(pow, 2, n) for n in range(5)))
    print(results)
    loop = asyncio.get_running_loop()
    name = await loop.run_in_executor(None, lambda: threading.current_thread().name)
    print(name.startswith("asyncio_"))
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="mine") as pool:
        print(await loop.run_in_executor(pool, lambda: threading.current_thread().name))
        fut = loop.run_in_executor(pool, time.sleep, 0.01)
        print(isinstance(fut, asyncio.Future), await fut)


asyncio.run(main())
print("threads left:", threading.active_count())
