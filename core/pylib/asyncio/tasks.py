# Task: a Future that drives a coroutine. Each step sends into (or throws into) the
# coroutine until it yields a Future to wait on; the Future's done callback (queued via
# call_soon) wakes the task for its next step. CPython: Lib/asyncio/tasks.py
# (Task.__step, __wakeup); create_task, current_task, all_tasks, sleep live here too.
import types

from . import coroutines
from . import events
from . import exceptions
from . import futures

__all__ = ('Task', 'create_task', 'ensure_future', 'current_task', 'all_tasks', 'sleep')

_task_numbers = 0  # names Task-1, Task-2, ... across every loop, as CPython does
_current_tasks = {}  # loop -> the task whose step is running
_all_tasks = {}  # unfinished tasks, in creation order (a dict used as an ordered set)


def _next_task_name():
    global _task_numbers
    _task_numbers += 1
    return f'Task-{_task_numbers}'


def _set_task_name(task, name):
    if name is not None:
        task.set_name(name)


def _coro_repr(coro, done):
    name = getattr(coro, '__qualname__', None) or getattr(coro, '__name__', None) or type(coro).__name__
    code = getattr(coro, 'cr_code', None) or getattr(coro, 'gi_code', None)
    if code is None:
        return f'{name}()'
    frame = getattr(coro, 'cr_frame', None) or getattr(coro, 'gi_frame', None)
    if frame is not None:
        return f'{name}() running at {code.co_filename}:{frame.f_lineno}'
    if done:
        return f'{name}() done, defined at {code.co_filename}:{code.co_firstlineno}'
    return f'{name}() running at {code.co_filename}:{code.co_firstlineno}'


class Task(futures.Future):
    __slots__ = ('_name', '_must_cancel', '_fut_waiter', '_coro', '_started', '_num_cancels_requested')

    def __init__(self, coro, *, loop=None, name=None, context=None):
        super().__init__(loop=loop)
        if not coroutines.iscoroutine(coro):
            raise TypeError(f'a coroutine was expected, got {coro!r}')
        self._name = _next_task_name() if name is None else str(name)
        self._must_cancel = False
        self._fut_waiter = None
        self._coro = coro
        self._started = False
        self._num_cancels_requested = 0
        self._loop.call_soon(self.__step)
        _all_tasks[self] = None
        if self._loop._observed:
            self._loop._emit('task_created', self._name, _coro_repr(coro, False))
            self._loop._emit('task_scheduled', self._name)

    def __repr__(self):
        info = self._repr_info()
        info.insert(1, f'name={self._name!r}')
        info.insert(2, f'coro=<{_coro_repr(self._coro, self.done())}>')
        if self._fut_waiter is not None:
            info.insert(3, f'wait_for={self._fut_waiter!r}')
        return f'<{type(self).__name__} {" ".join(info)}>'

    def get_coro(self):
        return self._coro

    def get_context(self):
        return None

    def get_name(self):
        return self._name

    def set_name(self, value):
        self._name = str(value)

    def set_result(self, result):
        raise RuntimeError('Task does not support set_result operation')

    def set_exception(self, exception):
        raise RuntimeError('Task does not support set_exception operation')

    def get_stack(self, *, limit=None):
        return []

    def cancel(self, msg=None):
        if self.done():
            return False
        self._num_cancels_requested += 1
        if self._fut_waiter is not None:
            if self._fut_waiter.cancel(msg=msg):
                # The waiter wakes us with CancelledError; it may be a task that ignores
                # the cancellation, so _fut_waiter stays for a later cancel().
                return True
        self._must_cancel = True
        self._cancel_message = msg
        return True

    def cancelling(self):
        return self._num_cancels_requested

    def uncancel(self):
        if self._num_cancels_requested > 0:
            self._num_cancels_requested -= 1
        return self._num_cancels_requested

    def _finish(self, kind, detail=''):
        _all_tasks.pop(self, None)
        if self._loop._observed:
            self._loop._emit(kind, self._name, detail)

    def __schedule_step(self, exc=None):
        if exc is None:
            self._loop.call_soon(self.__step)
        else:
            self._loop.call_soon(self.__step, exc)
        if self._loop._observed:
            self._loop._emit('task_scheduled', self._name)

    def __step(self, exc=None):
        if self.done():
            raise exceptions.InvalidStateError(f'_step(): already done: {self!r}, {exc!r}')
        if self._must_cancel:
            if not isinstance(exc, exceptions.CancelledError):
                exc = self._make_cancelled_error()
            self._must_cancel = False
        coro = self._coro
        self._fut_waiter = None
        loop = self._loop
        if loop._observed:
            loop._emit('task_resumed' if self._started else 'task_started', self._name)
        self._started = True
        previous = _current_tasks.get(loop)
        if previous is not None:
            raise RuntimeError(f'Cannot enter into task {self!r} while another task {previous!r} is being executed.')
        _current_tasks[loop] = self
        try:
            if exc is None:
                result = coro.send(None)
            else:
                result = coro.throw(exc)
        except StopIteration as stop:
            if self._must_cancel:
                # cancel() came in as the coroutine returned: the task ends cancelled.
                self._must_cancel = False
                super().cancel(msg=self._cancel_message)
                self._finish('task_cancelled')
            else:
                super().set_result(stop.value)
                self._finish('task_done')
        except exceptions.CancelledError as cancelled:
            self._cancelled_exc = cancelled  # result() re-raises this very exception
            super().cancel()
            self._finish('task_cancelled')
        except (KeyboardInterrupt, SystemExit) as error:
            super().set_exception(error)
            self._finish('task_failed', repr(error))
            raise
        except BaseException as error:
            super().set_exception(error)
            self._finish('task_failed', repr(error))
        else:
            self.__suspend_on(result)
        finally:
            _current_tasks.pop(loop, None)

    def __suspend_on(self, result):
        blocking = getattr(result, '_asyncio_future_blocking', None)
        if blocking is not None:
            if futures._get_loop(result) is not self._loop:
                self.__schedule_step(RuntimeError(
                    f'Task {self!r} got Future {result!r} attached to a different loop'))
            elif blocking:
                if result is self:
                    self.__schedule_step(RuntimeError(f'Task cannot await on itself: {self!r}'))
                    return
                result._asyncio_future_blocking = False
                result.add_done_callback(self.task_wakeup)
                self._fut_waiter = result
                if self._loop._observed:
                    self._loop._emit('task_suspended', self._name, repr(result))
                if self._must_cancel:
                    if self._fut_waiter.cancel(msg=self._cancel_message):
                        self._must_cancel = False
            else:
                self.__schedule_step(RuntimeError(
                    f'yield was used instead of yield from in task {self!r} with {result!r}'))
        elif result is None:
            self.__schedule_step()  # a bare `yield`: sleep(0) gives the others one pass
        elif isinstance(result, types.GeneratorType):
            self.__schedule_step(RuntimeError(
                f'yield was used instead of yield from for generator in task {self!r} with {result!r}'))
        else:
            self.__schedule_step(RuntimeError(f'Task got bad yield: {result!r}'))

    def task_wakeup(self, future):
        try:
            future.result()
        except BaseException as exc:
            self.__step(exc)
        else:
            self.__step()


def create_task(coro, *, name=None, context=None):
    return events.get_running_loop().create_task(coro, name=name, context=context)


def ensure_future(coro_or_future, *, loop=None):
    if futures.isfuture(coro_or_future):
        if loop is not None and loop is not futures._get_loop(coro_or_future):
            raise ValueError('The future belongs to a different loop than the one specified as the loop argument')
        return coro_or_future
    if coroutines.iscoroutine(coro_or_future):
        if loop is None:
            loop = events.get_event_loop()
        return loop.create_task(coro_or_future)
    if hasattr(type(coro_or_future), '__await__'):
        return ensure_future(_wrap_awaitable(coro_or_future), loop=loop)
    raise TypeError('An asyncio.Future, a coroutine or an awaitable is required')


@types.coroutine
def _wrap_awaitable(awaitable):
    return (yield from coroutines.steps(awaitable))


def current_task(loop=None):
    if loop is None:
        loop = events.get_running_loop()
    return _current_tasks.get(loop)


def all_tasks(loop=None):
    if loop is None:
        loop = events.get_running_loop()
    return {t for t in list(_all_tasks) if futures._get_loop(t) is loop and not t.done()}


@types.coroutine
def _yield_once():
    yield


@types.coroutine
def sleep(delay, result=None):
    """Wait `delay` seconds; sleep(0) just lets every other ready callback run once."""
    if delay <= 0:
        yield from _yield_once()
        return result
    loop = events.get_running_loop()
    future = loop.create_future()
    handle = loop.call_later(delay, futures._set_result_unless_cancelled, future, result)
    try:
        return (yield from future)
    finally:
        handle.cancel()
