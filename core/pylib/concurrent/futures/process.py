# ProcessPoolExecutor on isolated interpreters: each "process" is an _interpreters.Worker
# (own heap, own GIL, own OS thread) fed by one lane thread of the parent (see
# multiprocessing/_lanes.py). Calls and results are copied, never shared; what cannot
# cross fails its future with pickle's error. The workers start on the first submit,
# all at once, as CPython's fork context does. CPython: Lib/concurrent/futures/process.py.
import itertools
import queue
import sys
import threading

from . import _base
import multiprocessing as mp
from multiprocessing import _lanes, process as mp_process

# Pools whose lanes still run, so that exit lets them finish their queues.
_live_executors = set()
_global_shutdown = False
_global_shutdown_lock = threading.Lock()


def _python_exit():
    global _global_shutdown
    with _global_shutdown_lock:
        _global_shutdown = True
    for executor in list(_live_executors):
        executor.shutdown(wait=True)


threading._register_atexit(_python_exit)


class _RemoteTraceback(Exception):
    """The worker's traceback, shown as the cause of the exception re-raised here."""

    def __init__(self, tb):
        self.tb = tb

    def __str__(self):
        return self.tb


class BrokenProcessPool(_base.BrokenExecutor):
    """
    Raised when a process in a ProcessPoolExecutor terminated abruptly
    while a future was in the running state.
    """


def _process_chunk(fn, chunk):
    """Runs in a worker: fn over one chunk of map()'s arguments."""
    return [fn(*args) for args in chunk]


def _get_chunks(*iterables, chunksize):
    it = zip(*iterables)
    while True:
        chunk = tuple(itertools.islice(it, chunksize))
        if not chunk:
            return
        yield chunk


def _chain_from_iterable_of_lists(iterable):
    # Yields items one by one, dropping each list as it is used up.
    for element in iterable:
        element.reverse()
        while element:
            yield element.pop()


class _WorkItem:
    def __init__(self, future, fn, args, kwargs):
        self.future = future
        self.fn = fn
        self.args = args
        self.kwargs = kwargs

    def begin(self):
        return self.future.set_running_or_notify_cancel()

    def finish(self, ok, value):
        if ok:
            self.future.set_result(value)
        else:
            self.future.set_exception(value)


class ProcessPoolExecutor(_base.Executor):
    traceback_class = _RemoteTraceback
    daemon = False

    def __init__(self, max_workers=None, mp_context=None, initializer=None, initargs=(), *,
                 max_tasks_per_child=None):
        """Initializes a new ProcessPoolExecutor instance.

        Args:
            max_workers: The maximum number of processes that can be used to
                execute the given calls. If None or not given then as many
                worker processes will be created as the machine has processors.
            mp_context: A multiprocessing context to launch the workers.
            initializer: A callable used to initialize worker processes.
            initargs: A tuple of arguments to pass to the initializer.
            max_tasks_per_child: The maximum number of tasks a worker process
                can complete before it will exit and be replaced with a fresh
                worker process.
        """
        _lanes.check_available()
        if max_workers is None:
            max_workers = mp.cpu_count() or 1
        elif max_workers <= 0:
            raise ValueError("max_workers must be greater than 0")
        self._max_workers = max_workers
        if mp_context is None:
            mp_context = mp.get_context("spawn" if max_tasks_per_child is not None else None)
        self._mp_context = mp_context
        if initializer is not None and not callable(initializer):
            raise TypeError("initializer must be a callable")
        self.initializer = initializer
        self.initargs = initargs
        if max_tasks_per_child is not None:
            if not isinstance(max_tasks_per_child, int):
                raise TypeError("max_tasks_per_child must be an integer")
            elif max_tasks_per_child <= 0:
                raise ValueError("max_tasks_per_child must be >= 1")
            if mp_context.get_start_method(allow_none=False) == "fork":
                raise ValueError("max_tasks_per_child is incompatible with"
                                 " the 'fork' multiprocessing start method;"
                                 " supply a different mp_context.")
        self.max_tasks = max_tasks_per_child
        self.name_prefix = mp_context._process_prefix + 'Process'
        self._tasks = queue.SimpleQueue()
        self._lanes = []
        self._shutdown_thread = False
        self._lanes_told_to_end = False
        self._shutdown_lock = threading.Lock()
        self._broken = False

    def start_failed(self, lane, exc, text):
        # A worker that cannot start is a process that died: the pool is broken, and
        # every task not yet done fails, as in CPython's _terminate_broken().
        with self._shutdown_lock:
            self._broken = ('A child process terminated abruptly, the process pool '
                            'is not usable anymore')
            self._shutdown_thread = True
        if text:  # what the worker raised, as CPython's worker logs it before it dies
            print('Exception in initializer:', file=sys.stderr)
            print(text, end='', file=sys.stderr)
        error = BrokenProcessPool("A process in the process pool was terminated abruptly "
                                  "while the future was running or pending.")
        if text:
            error.__cause__ = _RemoteTraceback(f"\n'''\n{text}'''")
        elif exc is not None:
            error.__cause__ = exc
        for item in _base.queued_items(self._tasks):
            if item is None:
                self._tasks.put(None)  # another lane's end: give it back
                break
            if item.begin():
                item.finish(False, error)
        return error

    def _start_lanes(self):
        mp_process.check_can_start(False)
        for _ in range(self._max_workers):
            lane = _lanes.Lane(self, self._tasks)
            lane.start()
            self._lanes.append(lane)
        _live_executors.add(self)

    def submit(self, fn, /, *args, **kwargs):
        with self._shutdown_lock:
            if self._broken:
                raise BrokenProcessPool(self._broken)
            if self._shutdown_thread:
                raise RuntimeError('cannot schedule new futures after shutdown')
            if _global_shutdown:
                raise RuntimeError('cannot schedule new futures after '
                                   'interpreter shutdown')
            if not self._lanes:
                self._start_lanes()
            f = _base.Future()
            self._tasks.put(_WorkItem(f, fn, args, kwargs))
            return f
    submit.__doc__ = _base.Executor.submit.__doc__

    def map(self, fn, *iterables, timeout=None, chunksize=1):
        """Returns an iterator equivalent to map(fn, iter), the calls spread over the
        workers in chunks of `chunksize` argument tuples; results come in input order."""
        if chunksize < 1:
            raise ValueError("chunksize must be >= 1.")
        results = super().map(_process_chunk, itertools.repeat(_lanes.portable(fn)),
                              _get_chunks(*iterables, chunksize=chunksize), timeout=timeout)
        return _chain_from_iterable_of_lists(results)

    def shutdown(self, wait=True, *, cancel_futures=False):
        with self._shutdown_lock:
            self._shutdown_thread = True
            if cancel_futures:
                # Futures still queued are cancelled; running ones finish.
                for item in _base.queued_items(self._tasks):
                    if item is not None:
                        item.future.cancel()
            if not self._lanes_told_to_end:
                self._lanes_told_to_end = True
                for _ in self._lanes:
                    self._tasks.put(None)  # each lane ends at its None, after the queued work
        if wait:
            for lane in self._lanes:
                lane.join()
            _live_executors.discard(self)
    shutdown.__doc__ = _base.Executor.shutdown.__doc__
