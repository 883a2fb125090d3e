# asyncio.to_thread: await a blocking function run in the loop's default executor (a
# thread pool), so the loop goes on with other tasks meanwhile.
# CPython: Lib/asyncio/threads.py. Terrarium has no contextvars yet, so the function
# runs without a copy of the caller's context.
import functools
import types

from . import events

__all__ = ('to_thread',)


@types.coroutine
def to_thread(func, /, *args, **kwargs):
    """Run func(*args, **kwargs) in a separate thread and return its result."""
    loop = events.get_running_loop()
    func_call = functools.partial(func, *args, **kwargs)
    return (yield from loop.run_in_executor(None, func_call))
