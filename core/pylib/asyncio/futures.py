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


# ---- futures that other threads complete (run_in_executor, to_thread) ----------------
# concurrent.futures is imported only here: a program that never hands work to a thread
# never loads threading.

def _convert_future_exc(exc):
    import concurrent.futures
    exc_class = type(exc)
    if exc_class is concurrent.futures.CancelledError:
        return exceptions.CancelledError(*exc.args)
    if exc_class is concurrent.futures.InvalidStateError:
        return exceptions.InvalidStateError(*exc.args)
    return exc


def _copy_future_state(source, dest):
    # Runs on dest's loop once the thread's future is done.
    if dest.cancelled():
        return
    if source.cancelled():
        dest.cancel()
        return
    exception = source.exception()
    if exception is not None:
        dest.set_exception(_convert_future_exc(exception))
    else:
        dest.set_result(source.result())


def _chain_future(source, destination, loop):
    """Complete `destination` (this loop's future) as the concurrent.futures `source`
    completes, and cancel `source` when `destination` is cancelled."""
    loop._owe_thread_call()

    def _set_state(destination, source):
        loop._thread_call_arrived()
        _copy_future_state(source, destination)

    def _call_check_cancel(destination):
        if destination.cancelled():
            source.cancel()

    def _call_set_state(source):
        # Runs in the worker thread: hand the result over to the loop's thread.
        if loop.is_closed():
            return
        loop.call_soon_threadsafe(_set_state, destination, source)

    destination.add_done_callback(_call_check_cancel)
    source.add_done_callback(_call_set_state)


def wrap_future(future, *, loop=None):
    """Wrap a concurrent.futures.Future in an asyncio Future of `loop`."""
    if isfuture(future):
        return future
    import concurrent.futures
    if not isinstance(future, concurrent.futures.Future):
        raise AssertionError(f'concurrent.futures.Future is expected, got {future!r}')
    if loop is None:
        loop = events.get_event_loop()
    new_future = loop.create_future()
    _chain_future(future, new_future, loop)
    return new_future
