# What Pool's *_async methods return: ApplyResult (one call), MapResult (a map in
# chunks), IMapIterator and IMapUnorderedIterator (results as they are wanted). The
# pool's lane threads call _set(); the caller waits on get()/next(). Callbacks run in
# the lane thread that completed the result, as in CPython's result-handler thread.
# CPython: Lib/multiprocessing/pool.py (ApplyResult, MapResult, IMapIterator).
import collections
import threading

from .context import TimeoutError


class ApplyResult:

    def __init__(self, callback=None, error_callback=None):
        self._event = threading.Event()
        self._callback = callback
        self._error_callback = error_callback

    def ready(self):
        return self._event.is_set()

    def successful(self):
        if not self.ready():
            raise ValueError("{0!r} not ready".format(self))
        return self._success

    def wait(self, timeout=None):
        self._event.wait(timeout)

    def get(self, timeout=None):
        self.wait(timeout)
        if not self.ready():
            raise TimeoutError
        if self._success:
            return self._value
        raise self._value

    def _set(self, i, ok, value):
        self._success, self._value = ok, value
        if self._callback and ok:
            self._callback(value)
        if self._error_callback and not ok:
            self._error_callback(value)
        self._event.set()


AsyncResult = ApplyResult  # create alias -- see #17805


class MapResult(ApplyResult):
    """Chunk i holds items [i*chunksize, (i+1)*chunksize); the first failure ends it."""

    def __init__(self, chunksize, length, callback, error_callback):
        super().__init__(callback, error_callback)
        self._success = True
        self._value = [None] * length
        self._chunksize = chunksize
        self._lock = threading.Lock()
        if chunksize <= 0:
            self._number_left = 0
            self._event.set()
        else:
            self._number_left = length // chunksize + bool(length % chunksize)

    def _set(self, i, ok, value):
        with self._lock:
            self._number_left -= 1
            if not self._success:
                return  # already failed: later chunks do not matter
            if ok:
                self._value[i * self._chunksize:(i + 1) * self._chunksize] = value
                if self._number_left:
                    return
                if self._callback:
                    self._callback(self._value)
            else:
                self._success = False
                self._value = value
                if self._error_callback:
                    self._error_callback(value)
            self._event.set()


class IMapIterator:
    """Yields results in submission order, waiting for each."""

    def __init__(self, length):
        self._cond = threading.Condition(threading.Lock())
        self._items = collections.deque()
        self._index = 0
        self._length = length
        self._unsorted = {}

    def __iter__(self):
        return self

    def next(self, timeout=None):
        with self._cond:
            try:
                item = self._items.popleft()
            except IndexError:
                if self._index == self._length:
                    raise StopIteration from None
                self._cond.wait(timeout)
                try:
                    item = self._items.popleft()
                except IndexError:
                    if self._index == self._length:
                        raise StopIteration from None
                    raise TimeoutError from None
        ok, value = item
        if ok:
            return value
        raise value

    __next__ = next

    def _set(self, i, ok, value):
        with self._cond:
            if self._index == i:
                self._items.append((ok, value))
                self._index += 1
                while self._index in self._unsorted:
                    self._items.append(self._unsorted.pop(self._index))
                    self._index += 1
                self._cond.notify()
            else:
                self._unsorted[i] = (ok, value)


class IMapUnorderedIterator(IMapIterator):
    """Yields results as they complete."""

    def _set(self, i, ok, value):
        with self._cond:
            self._items.append((ok, value))
            self._index += 1
            self._cond.notify()
