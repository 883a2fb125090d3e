# The course lab "one million concurrent tasks": asyncio.run of a gather over 1,000,000
# coroutines that each await asyncio.sleep(0) twice and return a number. Measures task
# creation, the ready queue, done callbacks and gather's bookkeeping.
import asyncio

N = 1_000_000  # run_asyncio.py --scale rewrites this line


async def work(i):
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    return i % 7


async def main():
    results = await asyncio.gather(*(work(i) for i in range(N)))
    print(len(results), sum(results))


asyncio.run(main())
