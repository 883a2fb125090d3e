# Callback handles and the "current loop" bookkeeping: get_running_loop, get_event_loop,
# set_event_loop, new_event_loop. Handles are what the C++ loop core queues: it reads
# `_cancelled` and calls `_run()`. CPython: Lib/asyncio/events.py.
import sys

__all__ = ('Handle', 'TimerHandle', 'get_running_loop', 'get_event_loop', 'set_event_loop',
           'new_event_loop', '_get_running_loop', '_set_running_loop')


def _callback_name(callback):
    name = getattr(callback, '__qualname__', None) or getattr(callback, '__name__', None)
    return f'{name}()' if name else repr(callback)


class Handle:
    """A callback queued by call_soon(); cancel() keeps it from running."""

    __slots__ = ('_callback', '_args', '_cancelled', '_loop', '__weakref__')

    def __init__(self, callback, args, loop):
        self._callback = callback
        self._args = args
        self._cancelled = False
        self._loop = loop

    def __repr__(self):
        state = ' cancelled' if self._cancelled else ''
        return f'<{type(self).__name__}{state} {_callback_name(self._callback)}>'

    def cancel(self):
        if not self._cancelled:
            self._cancelled = True
            self._callback = None
            self._args = None

    def cancelled(self):
        return self._cancelled

    def _run(self):
        try:
            self._callback(*self._args)
        except (SystemExit, KeyboardInterrupt):
            raise
        except BaseException as exc:
            self._loop.call_exception_handler({
                'message': f'Exception in callback {_callback_name(self._callback)}',
                'exception': exc,
                'handle': self,
            })


class TimerHandle(Handle):
    """A callback armed by call_later()/call_at() for the loop time `when`."""

    __slots__ = ('_when',)

    def __init__(self, when, callback, args, loop):
        super().__init__(callback, args, loop)
        self._when = when

    def when(self):
        return self._when

    def __repr__(self):
        state = ' cancelled' if self._cancelled else ''
        return f'<TimerHandle{state} when={self._when} {_callback_name(self._callback)}>'


# The loop running on this thread (Terrarium runs one thread) and the one set as current.
_running_loop = None
_current_loop = None


def _get_running_loop():
    return _running_loop


def _set_running_loop(loop):
    global _running_loop
    _running_loop = loop


def get_running_loop():
    loop = _running_loop
    if loop is None:
        raise RuntimeError('no running event loop')
    return loop


def get_event_loop():
    if _running_loop is not None:
        return _running_loop
    global _current_loop
    if _current_loop is None:
        _current_loop = new_event_loop()
    return _current_loop


def set_event_loop(loop):
    global _current_loop
    _current_loop = loop


def new_event_loop():
    from .base_events import EventLoop
    return EventLoop()


def _default_exception_handler(context):
    # CPython logs this through the `logging` module: the message, then the traceback.
    message = context.get('message') or 'Unhandled exception in event loop'
    exc = context.get('exception')
    lines = [message]
    for key in sorted(context):
        if key not in ('message', 'exception'):
            lines.append(f'{key}: {context[key]!r}')
    print('\n'.join(lines), file=sys.stderr)
    if exc is not None:
        print(f'{type(exc).__name__}: {exc}', file=sys.stderr)
