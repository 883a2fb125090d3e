# contextlib.ExitStack and AsyncExitStack for Terrarium, written from the Python 3.11
# documentation: a stack of exit callbacks unwound last-in first-out, where a callback
# that returns true suppresses the exception and one that raises replaces it (its
# __context__ then points at the exception it replaced).
import sys


def _cm_exit_callback(cm, cm_exit):
    # The bound __exit__ (or __aexit__) of a context manager, looked up on its type.
    def exit_callback(exc_type, exc, tb):
        return cm_exit(cm, exc_type, exc, tb)
    exit_callback.__self__ = cm
    return exit_callback


def _fix_exception_context(new_exc, old_exc, frame_exc):
    # Chain the replacement to the exception it replaced, past the context the
    # replacement got from the `with` statement itself.
    while True:
        context = new_exc.__context__
        if context is None or context is old_exc:
            return
        if context is frame_exc:
            break
        new_exc = context
    new_exc.__context__ = old_exc


class _BaseExitStack:
    def __init__(self):
        self._exit_callbacks = []  # (is_sync, callback), unwound from the end

    def pop_all(self):
        """Moves every callback to a new stack, which is returned."""
        new_stack = type(self)()
        new_stack._exit_callbacks = self._exit_callbacks
        self._exit_callbacks = []
        return new_stack

    def push(self, exit):
        """Registers an __exit__-like callable, or a context manager's __exit__."""
        exit_method = getattr(type(exit), '__exit__', None)
        if exit_method is None:
            self._exit_callbacks.append((True, exit))
        else:
            self._exit_callbacks.append((True, _cm_exit_callback(exit, exit_method)))
        return exit

    def enter_context(self, cm):
        """Enters cm and pushes its __exit__; returns what __enter__ returned."""
        cls = type(cm)
        enter = getattr(cls, '__enter__', None)
        exit = getattr(cls, '__exit__', None)
        if enter is None or exit is None:
            raise TypeError(f"'{cls.__module__}.{cls.__qualname__}' object does "
                            f"not support the context manager protocol") from None
        result = enter(cm)
        self._exit_callbacks.append((True, _cm_exit_callback(cm, exit)))
        return result

    def callback(self, callback, /, *args, **kwds):
        """Registers callback(*args, **kwds) to run on exit (it cannot suppress)."""
        def exit_wrapper(exc_type, exc, tb):
            callback(*args, **kwds)
        exit_wrapper.__wrapped__ = callback
        self._exit_callbacks.append((True, exit_wrapper))
        return callback


class ExitStack(_BaseExitStack):
    """Unwinds a dynamic number of context managers and callbacks on exit."""

    def __enter__(self):
        return self

    def __exit__(self, *exc_details):
        received_exc = exc_details[0] is not None
        frame_exc = sys.exc_info()[1]
        suppressed_exc = False
        pending_raise = False
        while self._exit_callbacks:
            is_sync, cb = self._exit_callbacks.pop()
            try:
                if cb(*exc_details):
                    suppressed_exc = True
                    pending_raise = False
                    exc_details = (None, None, None)
            except BaseException as new_exc:
                _fix_exception_context(new_exc, exc_details[1], frame_exc)
                pending_raise = True
                exc_details = (type(new_exc), new_exc, new_exc.__traceback__)
        if pending_raise:
            fixed_ctx = exc_details[1].__context__
            try:
                raise exc_details[1]
            except BaseException:
                exc_details[1].__context__ = fixed_ctx
                raise
        return received_exc and suppressed_exc

    def close(self):
        """Unwinds the stack now."""
        self.__exit__(None, None, None)


class AsyncExitStack(_BaseExitStack):
    """ExitStack for `async with`: callbacks may also be coroutine functions."""

    async def enter_async_context(self, cm):
        """Awaits cm.__aenter__() and pushes its __aexit__."""
        cls = type(cm)
        enter = getattr(cls, '__aenter__', None)
        exit = getattr(cls, '__aexit__', None)
        if enter is None or exit is None:
            raise TypeError(f"'{cls.__module__}.{cls.__qualname__}' object does "
                            f"not support the asynchronous context manager protocol") from None
        result = await enter(cm)
        self._exit_callbacks.append((False, _cm_exit_callback(cm, exit)))
        return result

    def push_async_exit(self, exit):
        """Registers an __aexit__-like coroutine function, or a manager's __aexit__."""
        exit_method = getattr(type(exit), '__aexit__', None)
        if exit_method is None:
            self._exit_callbacks.append((False, exit))
        else:
            self._exit_callbacks.append((False, _cm_exit_callback(exit, exit_method)))
        return exit

    def push_async_callback(self, callback, /, *args, **kwds):
        """Registers `await callback(*args, **kwds)` to run on exit."""
        async def exit_wrapper(exc_type, exc, tb):
            await callback(*args, **kwds)
        exit_wrapper.__wrapped__ = callback
        self._exit_callbacks.append((False, exit_wrapper))
        return callback

    async def aclose(self):
        """Unwinds the stack now."""
        await self.__aexit__(None, None, None)

    async def __aenter__(self):
        return self

    async def __aexit__(self, *exc_details):
        received_exc = exc_details[0] is not None
        frame_exc = sys.exc_info()[1]
        suppressed_exc = False
        pending_raise = False
        while self._exit_callbacks:
            is_sync, cb = self._exit_callbacks.pop()
            try:
                cb_suppress = cb(*exc_details) if is_sync else await cb(*exc_details)
                if cb_suppress:
                    suppressed_exc = True
                    pending_raise = False
                    exc_details = (None, None, None)
            except BaseException as new_exc:
                _fix_exception_context(new_exc, exc_details[1], frame_exc)
                pending_raise = True
                exc_details = (type(new_exc), new_exc, new_exc.__traceback__)
        if pending_raise:
            fixed_ctx = exc_details[1].__context__
            try:
                raise exc_details[1]
            except BaseException:
                exc_details[1].__context__ = fixed_ctx
                raise
        return received_exc and suppressed_exc
