# Queues between tasks: Queue (FIFO), PriorityQueue (heapq), LifoQueue, with maxsize,
# task_done()/join() and the *_nowait forms. Blocked putters and getters wait on futures
# woken one at a time, as CPython does. CPython: Lib/asyncio/queues.py.
# Storage and waiter lists are plain lists (a FIFO keeps a head index) rather than
# deques: Terrarium's deque is written in Python, its list is native.
import heapq
import types

from . import locks
from .locks import _LoopBound

__all__ = ('Queue', 'PriorityQueue', 'LifoQueue', 'QueueFull', 'QueueEmpty')


class QueueEmpty(Exception):
    """Raised by get_nowait() on an empty queue."""


class QueueFull(Exception):
    """Raised by put_nowait() on a full queue."""


class Queue(_LoopBound):
    def __init__(self, maxsize=0):
        self._maxsize = maxsize
        self._getters = []
        self._putters = []
        self._unfinished_tasks = 0
        self._finished = locks.Event()
        self._finished.set()
        self._init(maxsize)

    # The storage, overridden by the subclasses: items before _head are already taken.
    def _init(self, maxsize):
        self._queue = []
        self._head = 0

    def _get(self):
        queue = self._queue
        head = self._head
        item = queue[head]
        queue[head] = None
        head += 1
        if head * 2 >= len(queue):  # drop the taken half so memory follows the size
            del queue[:head]
            head = 0
        self._head = head
        return item

    def _put(self, item):
        self._queue.append(item)

    def _items(self):
        return self._queue[self._head:]

    def _wakeup_next(self, waiters):
        while waiters:
            waiter = waiters.pop(0)
            if not waiter.done():
                waiter.set_result(None)
                break

    def __repr__(self):
        return f'<{type(self).__name__} at {id(self):#x} {self._format()}>'

    def __str__(self):
        return f'<{type(self).__name__} {self._format()}>'

    def _format(self):
        result = f'maxsize={self._maxsize!r}'
        if self.qsize():
            result += f' _queue={self._items()!r}'
        if self._getters:
            result += f' _getters[{len(self._getters)}]'
        if self._putters:
            result += f' _putters[{len(self._putters)}]'
        if self._unfinished_tasks:
            result += f' tasks={self._unfinished_tasks}'
        return result

    def qsize(self):
        return len(self._queue) - self._head

    @property
    def maxsize(self):
        return self._maxsize

    def empty(self):
        return not self.qsize()

    def full(self):
        if self._maxsize <= 0:
            return False
        return self.qsize() >= self._maxsize

    @types.coroutine
    def put(self, item):
        while self.full():
            putter = self._get_loop().create_future()
            self._putters.append(putter)
            try:
                yield from putter
            except:
                putter.cancel()  # in case it was woken and we were cancelled meanwhile
                try:
                    self._putters.remove(putter)
                except ValueError:
                    pass  # already woken and dropped by _wakeup_next
                if not self.full() and not putter.cancelled():
                    self._wakeup_next(self._putters)
                raise
        return self.put_nowait(item)

    def put_nowait(self, item):
        if self.full():
            raise QueueFull
        self._put(item)
        self._unfinished_tasks += 1
        self._finished.clear()
        self._wakeup_next(self._getters)

    @types.coroutine
    def get(self):
        while self.empty():
            getter = self._get_loop().create_future()
            self._getters.append(getter)
            try:
                yield from getter
            except:
                getter.cancel()
                try:
                    self._getters.remove(getter)
                except ValueError:
                    pass
                if not self.empty() and not getter.cancelled():
                    self._wakeup_next(self._getters)
                raise
        return self.get_nowait()

    def get_nowait(self):
        if self.empty():
            raise QueueEmpty
        item = self._get()
        self._wakeup_next(self._putters)
        return item

    def task_done(self):
        if self._unfinished_tasks <= 0:
            raise ValueError('task_done() called too many times')
        self._unfinished_tasks -= 1
        if self._unfinished_tasks == 0:
            self._finished.set()

    @types.coroutine
    def join(self):
        if self._unfinished_tasks > 0:
            yield from self._finished.wait()


class PriorityQueue(Queue):
    """Gets the smallest item first (heapq order)."""

    def _init(self, maxsize):
        self._queue = []
        self._head = 0

    def _put(self, item):
        heapq.heappush(self._queue, item)

    def _get(self):
        return heapq.heappop(self._queue)


class LifoQueue(Queue):
    """Gets the most recently put item first."""

    def _init(self, maxsize):
        self._queue = []
        self._head = 0

    def _put(self, item):
        self._queue.append(item)

    def _get(self):
        return self._queue.pop()
