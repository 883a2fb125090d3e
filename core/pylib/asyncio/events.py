# Callback handles and the "current loop" bookkeeping: get_running_loop, get_event_loop,
# set_event_loop, new_event_loop. Handles are what the C++ loop core queues: it reads
# `_cancelled` and calls `_run()`. CPython: Lib/asyncio/events.py.
import sys

__all__ = ('Handle', 'TimerHandle', 'get_running_loop', 'get_event_loop', 'set_event_loop',
           'new_event_loop', '_get_running_loop', '_set_running_loop')


def _callback_name(callback, args=()):
    """`name(args) at file:line` as CPython's asyncio.format_helpers writes a callback."""
    name = getattr(callback, '__qualname__', None) or getattr(callback, '__name__', None) or repr(callback)
    text = f'{name}({", ".join(repr(a) for a in args)})'
    code = getattr(callback, '__code__', None)
    if code is not None and not hasattr(callback, '__self__'):  # plain functions only
        text += f' at {code.co_filename}:{code.co_firstlineno}'
    return text


class Handle:
    """A callback queued by call_soon(); cancel() keeps it from running."""

    __slots__ = ('_callback', '_args', '_cancelled', '_loop', '__weakref__')

    def __init__(self, callback, args, loop):
        self._callback = callback
        self._args = args
        self._cancelled = False
        self._loop = loop

    def _repr_info(self):
        info = [type(self).__name__]
        if self._cancelled:
            info.append('cancelled')
        if self._callback is not None:
            info.append(_callback_name(self._callback, self._args))
        return info

    def __repr__(self):
        return f'<{" ".join(self._repr_info())}>'

    def cancel(self):
        if not self._cancelled:
            self._cancelled = True
            self._callback = None
            self._args = None

    def cancelled(self):
        return self._cancelled

    # The loop core (modules/asyncio_loop_module.cpp) does what _run does without calling
    # it, and calls _report for the exception.
    def _run(self):
        try:
            self._callback(*self._args)
        except (SystemExit, KeyboardInterrupt):
            raise
        except BaseException as exc:
            self._report(exc)

    def _report(self, exc):
        self._loop.call_exception_handler({
            'message': f'Exception in callback {_callback_name(self._callback, self._args)}',
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

    def _repr_info(self):
        info = super()._repr_info()
        info.insert(2 if self._cancelled else 1, f'when={self._when}')
        return info


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
