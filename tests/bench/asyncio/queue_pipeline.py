# A 1,000,000-item asyncio.Queue producer/consumer pipeline: a producer and two consumers
# on a bounded queue, with task_done()/join(). Measures put/get wake-ups between tasks.
import asyncio

N = 1_000_000  # run_asyncio.py --scale rewrites this line


async def producer(q):
    for i in range(N):
        await q.put(i)


async def consumer(q, totals, slot):
    while True:
        item = await q.get()
        totals[slot] += item % 10
        q.task_done()


async def main():
    q = asyncio.Queue(maxsize=100)
    totals = [0, 0]
    consumers = [asyncio.create_task(consumer(q, totals, k)) for k in range(2)]
    await producer(q)
    await q.join()
    for c in consumers:
        c.cancel()
    await asyncio.gather(*consumers, return_exceptions=True)
    print(N, sum(totals))


asyncio.run(main())
