# async functions, await, async for/with compile and are recognisable as coroutines.
# (Running them is the asyncio work; this checks the compile-time side and code flags.)
import sys

async def fetch(x):
    await x
    return 1

async def stream(items):
    async for item in items:
        yield item

async def guarded(lock):
    async with lock as held:
        return held

print(fetch.__code__.co_flags & 0x80 != 0, stream.__code__.co_flags & 0x200 != 0)
print(fetch.__name__, stream.__qualname__, guarded.__code__.co_argcount)
