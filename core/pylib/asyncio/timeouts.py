# asyncio.timeout()/timeout_at() (3.11): cancel the enclosing task at a deadline and turn
# that cancellation into TimeoutError on exit. Task.uncancel() tells our cancellation
# apart from one requested by someone else. CPython: Lib/asyncio/timeouts.py.
import types

from . import events
from . import exceptions
from . import tasks

__all__ = ('Timeout', 'timeout', 'timeout_at')

_CREATED = 'created'
_ENTERED = 'active'
_EXPIRING = 'expiring'
_EXPIRED = 'expired'
_EXITED = 'finished'


class Timeout:
    def __init__(self, when):
        self._state = _CREATED
        self._timeout_handler = None
        self._task = None
        self._when = when

    def when(self):
        return self._when

    def reschedule(self, when):
        if self._state is not _ENTERED:
            raise RuntimeError(f'Cannot change state of {self._state} Timeout')
        self._when = when
        if self._timeout_handler is not None:
            self._timeout_handler.cancel()
        if when is None:
            self._timeout_handler = None
        else:
            loop = events.get_running_loop()
            if when <= loop.time():
                self._timeout_handler = loop.call_soon(self._on_timeout)
            else:
                self._timeout_handler = loop.call_at(when, self._on_timeout)

    def expired(self):
        return self._state in (_EXPIRING, _EXPIRED)

    def __repr__(self):
        info = ['']
        if self._state is _ENTERED:
            when = round(self._when, 3) if self._when is not None else None
            info.append(f'when={when}')
        return f'<Timeout [{self._state}]{" ".join(info)}>'

    @types.coroutine
    def __aenter__(self):
        self._state = _ENTERED
        self._task = tasks.current_task()
        if self._task is None:
            raise RuntimeError('Timeout should be used inside a task')
        self.reschedule(self._when)
        return self
        yield

    @types.coroutine
    def __aexit__(self, exc_type, exc_val, exc_tb):
        if self._timeout_handler is not None:
            self._timeout_handler.cancel()
            self._timeout_handler = None
        if self._state is _EXPIRING:
            self._state = _EXPIRED
            if self._task.uncancel() == 0 and exc_type is exceptions.CancelledError:
                # The cancellation was ours: report it as the timeout it stands for.
                raise TimeoutError
        elif self._state is _ENTERED:
            self._state = _EXITED
        return None
        yield

    def _on_timeout(self):
        self._task.cancel()
        self._state = _EXPIRING
        self._timeout_handler = None


def timeout(delay):
    loop = events.get_running_loop()
    return Timeout(loop.time() + delay if delay is not None else None)


def timeout_at(when):
    return Timeout(when)
