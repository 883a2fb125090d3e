# concurrent.futures: run callables asynchronously and get their results as Futures.
# Future, wait and as_completed come from _base/_waiting; ThreadPoolExecutor is loaded
# and ProcessPoolExecutor are loaded on first use, as CPython does, so
# `import concurrent.futures` starts no threads.
# CPython: Lib/concurrent/futures/__init__.py.
from ._base import (FIRST_COMPLETED, FIRST_EXCEPTION, ALL_COMPLETED, CancelledError,
                    TimeoutError, InvalidStateError, BrokenExecutor, Future, Executor)
from ._waiting import wait, as_completed

__all__ = (
    'FIRST_COMPLETED',
    'FIRST_EXCEPTION',
    'ALL_COMPLETED',
    'CancelledError',
    'TimeoutError',
    'BrokenExecutor',
    'Future',
    'Executor',
    'wait',
    'as_completed',
    'ProcessPoolExecutor',
    'ThreadPoolExecutor',
)


def __dir__():
    return __all__ + ('__doc__',)


def __getattr__(name):
    global ProcessPoolExecutor, ThreadPoolExecutor
    if name == 'ProcessPoolExecutor':
        from .process import ProcessPoolExecutor as pool_class
        ProcessPoolExecutor = pool_class
        return pool_class
    if name == 'ThreadPoolExecutor':
        from .thread import ThreadPoolExecutor as pool_class
        ThreadPoolExecutor = pool_class
        return pool_class
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
