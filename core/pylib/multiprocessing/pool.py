# Pool: a fixed set of workers (isolated interpreters, started with the pool) fed from
# one task queue by lane threads (_lanes.py). Calls cross by copy; a function crosses
# by name, so it must be defined at module level, as with pickle. Maps are cut into
# chunks, each one call in a worker. CPython: Lib/multiprocessing/pool.py.
import itertools
import queue
import threading

from . import _lanes, process
from ._results import ApplyResult, AsyncResult, MapResult, IMapIterator, IMapUnorderedIterator

__all__ = ['Pool', 'ApplyResult', 'AsyncResult', 'MapResult', 'IMapIterator']

RUN = "RUN"
CLOSE = "CLOSE"
TERMINATE = "TERMINATE"

# Pools not yet joined: at exit they are terminated, as CPython's atexit does.
_live_pools = set()


def _terminate_at_exit():
    for pool in list(_live_pools):
        pool.terminate()


threading._register_atexit(_terminate_at_exit)


class RemoteTraceback(Exception):
    """The worker's traceback, shown as the cause of the exception re-raised here."""

    def __init__(self, tb):
        self.tb = tb

    def __str__(self):
        return self.tb


def mapstar(func, chunk):
    """Runs in a worker: one chunk of map()."""
    return list(map(func, chunk))


def starmapstar(func, chunk):
    """Runs in a worker: one chunk of starmap()."""
    return list(itertools.starmap(func, chunk))


class _Task:
    def __init__(self, fn, args, kwargs, result, index):
        self.fn, self.args, self.kwargs = fn, args, kwargs
        self._result, self._index = result, index

    def begin(self):
        return True

    def finish(self, ok, value):
        self._result._set(self._index, ok, value)


def _chunks(iterable, chunksize):
    it = iter(iterable)
    while True:
        chunk = tuple(itertools.islice(it, chunksize))
        if not chunk:
            return
        yield chunk


class Pool:
    """A pool of worker processes (here: isolated interpreters) to which jobs can be submitted."""

    traceback_class = RemoteTraceback
    daemon = True

    def __init__(self, processes=None, initializer=None, initargs=(), maxtasksperchild=None, context=None):
        _lanes.check_available()
        if context is None:
            from .context import _default_context
            context = _default_context.get_context()
        self._ctx = context
        if processes is None:
            processes = context.cpu_count() or 1
        if processes < 1:
            raise ValueError("Number of processes must be at least 1")
        if maxtasksperchild is not None:
            if not isinstance(maxtasksperchild, int) or maxtasksperchild <= 0:
                raise ValueError("maxtasksperchild must be a positive int or None")
        if initializer is not None and not callable(initializer):
            raise TypeError('initializer must be a callable')
        process.check_can_start(True)
        self._processes = processes
        self.initializer = initializer
        self.initargs = initargs
        self.max_tasks = maxtasksperchild
        self.name_prefix = context._process_prefix + 'PoolWorker'
        self._state = RUN
        self._tasks = queue.SimpleQueue()
        self._lanes = [_lanes.Lane(self, self._tasks) for _ in range(processes)]
        for lane in self._lanes:
            lane.start()
        _live_pools.add(self)

    def start_failed(self, lane, exc, text):
        # CPython would start the worker again and again; here the worker's tasks fail
        # with what stopped it, and its traceback is printed once.
        import sys
        print(f'Process {lane.worker_name}:', file=sys.stderr)
        print(text, end='', file=sys.stderr)
        return exc

    def __repr__(self):
        cls = self.__class__
        return (f'<{cls.__module__}.{cls.__qualname__} '
                f'state={self._state} '
                f'pool_size={len(self._lanes)}>')

    def _check_running(self):
        if self._state != RUN:
            raise ValueError("Pool not running")

    def _put(self, fn, args, result, index=0):
        self._tasks.put(_Task(fn, args, {}, result, index))

    def apply(self, func, args=(), kwds={}):
        """Equivalent of `func(*args, **kwds)`."""
        return self.apply_async(func, args, kwds).get()

    def apply_async(self, func, args=(), kwds={}, callback=None, error_callback=None):
        """Asynchronous version of `apply()` method."""
        self._check_running()
        result = ApplyResult(callback, error_callback)
        self._tasks.put(_Task(func, tuple(args), dict(kwds), result, 0))
        return result

    def map(self, func, iterable, chunksize=None):
        """Apply `func` to each element in `iterable`, collecting the results in a list
        that is returned."""
        return self._map_async(func, iterable, mapstar, chunksize).get()

    def starmap(self, func, iterable, chunksize=None):
        """Like `map()` method but the elements of the `iterable` are expected to be
        iterables as well and will be unpacked as arguments."""
        return self._map_async(func, iterable, starmapstar, chunksize).get()

    def map_async(self, func, iterable, chunksize=None, callback=None, error_callback=None):
        """Asynchronous version of `map()` method."""
        return self._map_async(func, iterable, mapstar, chunksize, callback, error_callback)

    def starmap_async(self, func, iterable, chunksize=None, callback=None, error_callback=None):
        """Asynchronous version of `starmap()` method."""
        return self._map_async(func, iterable, starmapstar, chunksize, callback, error_callback)

    def _map_async(self, func, iterable, mapper, chunksize=None, callback=None, error_callback=None):
        self._check_running()
        if not hasattr(iterable, '__len__'):
            iterable = list(iterable)
        if chunksize is None:
            # About four chunks per worker: few round trips, yet balanced.
            chunksize, extra = divmod(len(iterable), len(self._lanes) * 4)
            if extra:
                chunksize += 1
        if len(iterable) == 0:
            chunksize = 0
        result = MapResult(chunksize, len(iterable), callback, error_callback)
        func = _lanes.portable(func)
        if chunksize:
            for i, chunk in enumerate(_chunks(iterable, chunksize)):
                self._put(mapper, (func, chunk), result, i)
        return result

    def imap(self, func, iterable, chunksize=1):
        """Equivalent of `map()` -- can be MUCH slower than `Pool.map()`."""
        return self._imap(IMapIterator, func, iterable, chunksize)

    def imap_unordered(self, func, iterable, chunksize=1):
        """Like `imap()` method but ordering of results is arbitrary."""
        return self._imap(IMapUnorderedIterator, func, iterable, chunksize)

    def _imap(self, iterator_class, func, iterable, chunksize):
        self._check_running()
        if chunksize < 1:
            raise ValueError("Chunksize must be 1+, not {0!r}".format(chunksize))
        if chunksize == 1:
            items = list(iterable)
            result = iterator_class(len(items))
            for i, item in enumerate(items):
                self._tasks.put(_Task(func, (item,), {}, result, i))
            return result
        chunks = list(_chunks(iterable, chunksize))
        func = _lanes.portable(func)
        result = iterator_class(len(chunks))
        for i, chunk in enumerate(chunks):
            self._put(mapstar, (func, chunk), result, i)
        return (item for chunk in result for item in chunk)

    def close(self):
        if self._state == RUN:
            self._state = CLOSE
            for _ in self._lanes:
                self._tasks.put(None)  # each lane ends at its None, after the queued work

    def terminate(self):
        # Workers cannot be killed mid-call: tasks not started are dropped, and the lanes
        # end after their current call.
        was_running = self._state == RUN
        self._state = TERMINATE
        while True:
            try:
                self._tasks.get_nowait()
            except queue.Empty:
                break
        for _ in self._lanes:
            self._tasks.put(None)
        if was_running or self._lanes:
            self.join()

    def join(self):
        if self._state == RUN:
            raise ValueError("Pool is still running")
        elif self._state not in (CLOSE, TERMINATE):
            raise ValueError("In unknown state")
        for lane in self._lanes:
            if lane is not threading.current_thread():
                lane.join()
        _live_pools.discard(self)

    def __enter__(self):
        self._check_running()
        return self

    def __exit__(self, exc_type, exc_val, exc_tb):
        self.terminate()
