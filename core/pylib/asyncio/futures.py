# Future: a result that arrives later. Done callbacks are never called directly: each is
# queued with loop.call_soon() when the future completes, in the order they were added,
# which is what fixes the interleaving programs observe. CPython: Lib/asyncio/futures.py.
from . import events
from . import exceptions
from .events import _callback_name

__all__ = ('Future', 'isfuture', 'wrap_future')

_PENDING = 'PENDING'
_CANCELLED = 'CANCELLED'
_FINISHED = 'FINISHED'


def isfuture(obj):
    return hasattr(type(obj), '_asyncio_future_blocking') and obj._asyncio_future_blocking is not None


def _get_loop(fut):
    get_loop = getattr(fut, 'get_loop', None)
    if get_loop is not None:
        return get_loop()
    return fut._loop


def _set_result_unless_cancelled(fut, result):
    if not fut.cancelled():
        fut.set_result(result)


class Future:
    # Slots keep a million pending futures small and their attributes quick to reach.
    __slots__ = ('_state', '_result', '_exception', '_loop', '_callbacks', '_cancel_message',
                 '_cancelled_exc', '_asyncio_future_blocking', '__weakref__')

    def __init__(self, *, loop=None):
        self._state = _PENDING
        self._result = None
        self._exception = None
        self._cancel_message = None
        self._cancelled_exc = None
        # True while a task waits on it: the Task reads and clears it after `yield self`.
        self._asyncio_future_blocking = False
        self._loop = events.get_event_loop() if loop is None else loop
        self._callbacks = []

    def __repr__(self):
        return f'<{type(self).__name__} {" ".join(self._repr_info())}>'

    def _repr_info(self):
        info = [self._state.lower()]
        if self._state == _FINISHED:
            if self._exception is not None:
                info.append(f'exception={self._exception!r}')
            else:
                info.append(f'result={self._result!r}')
        if self._callbacks:
            names = [_callback_name(cb) for cb in self._callbacks]
            if len(names) > 2:
                names = [names[0], f'<{len(names) - 2} more>', names[-1]]
            info.append(f'cb=[{", ".join(names)}]')
        return info

    def get_loop(self):
        loop = self._loop
        if loop is None:
            raise RuntimeError('Future object is not initialized.')
        return loop

    def _make_cancelled_error(self):
        if self._cancelled_exc is not None:
            exc = self._cancelled_exc
            self._cancelled_exc = None
            return exc
        if self._cancel_message is None:
            return exceptions.CancelledError()
        return exceptions.CancelledError(self._cancel_message)

    def cancel(self, msg=None):
        if self._state != _PENDING:
            return False
        self._state = _CANCELLED
        self._cancel_message = msg
        self.__schedule_callbacks()
        return True

    def __schedule_callbacks(self):
        callbacks = self._callbacks
        if not callbacks:
            return
        self._callbacks = []
        loop = self._loop
        for callback in callbacks:
            loop.call_soon(callback, self)
            if loop._observed and getattr(callback, '__name__', None) == 'task_wakeup':
                loop._emit('task_scheduled', callback.__self__._name, f'woken by {self!r}')

    def cancelled(self):
        return self._state == _CANCELLED

    def done(self):
        return self._state != _PENDING

    def result(self):
        if self._state == _CANCELLED:
            raise self._make_cancelled_error()
        if self._state != _FINISHED:
            raise exceptions.InvalidStateError('Result is not set.')
        if self._exception is not None:
            raise self._exception
        return self._result

    def exception(self):
        if self._state == _CANCELLED:
            raise self._make_cancelled_error()
        if self._state != _FINISHED:
            raise exceptions.InvalidStateError('Exception is not set.')
        return self._exception

    def add_done_callback(self, fn, *, context=None):
        if self._state != _PENDING:
            self._loop.call_soon(fn, self)
        else:
            self._callbacks.append(fn)

    def remove_done_callback(self, fn):
        kept = [cb for cb in self._callbacks if cb != fn]
        removed = len(self._callbacks) - len(kept)
        if removed:
            self._callbacks[:] = kept
        return removed

    def set_result(self, result):
        if self._state != _PENDING:
            raise exceptions.InvalidStateError('invalid state')
        self._result = result
        self._state = _FINISHED
        self.__schedule_callbacks()

    def set_exception(self, exception):
        if self._state != _PENDING:
            raise exceptions.InvalidStateError('invalid state')
        if isinstance(exception, type):
            exception = exception()
        if type(exception) is StopIteration:
            raise TypeError('StopIteration interacts badly with generators '
                            'and cannot be raised into a Future')
        self._exception = exception
        self._state = _FINISHED
        self.__schedule_callbacks()

    def __await__(self):
        if not self.done():
            self._asyncio_future_blocking = True
            yield self  # the Task wakes us when this future is done
        if not self.done():
            raise RuntimeError("await wasn't used with future")
        return self.result()

    __iter__ = __await__


def wrap_future(future, *, loop=None):
    if isfuture(future):
        return future
    raise TypeError(f'concurrent.futures.Future is expected, got {future!r}')
