# What counts as a coroutine, and how to step through any awaitable from a generator-
# based coroutine. Terrarium's pylib drives awaitables with `yield from steps(aw)` so it
# works both with `async def` coroutines and with @types.coroutine generators.
import types as _types

__all__ = ('iscoroutine', 'iscoroutinefunction')

_CO_COROUTINE = 0x80
_CO_ITERABLE_COROUTINE = 0x100


def iscoroutine(obj):
    """True for coroutine objects (and generator-based coroutines)."""
    if isinstance(obj, _types.GeneratorType):
        return True
    kind = type(obj)
    return all(hasattr(kind, name) for name in ('send', 'throw', 'close', '__await__'))


def iscoroutinefunction(func):
    if getattr(func, '_is_coroutine', False):
        return True
    code = getattr(func, '__code__', None)
    return code is not None and bool(code.co_flags & _CO_COROUTINE)


def steps(awaitable):
    """The iterator that `await awaitable` would delegate to."""
    if isinstance(awaitable, _types.GeneratorType):
        return awaitable
    method = getattr(type(awaitable), '__await__', None)
    if method is None:
        raise TypeError(f"object {type(awaitable).__name__} can't be used in 'await' expression")
    return method(awaitable)
