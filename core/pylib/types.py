# types for Terrarium, written from the Python 3.11 documentation.
# Provides the type objects reachable from Python code (FunctionType, LambdaType,
# MethodType, GeneratorType, CodeType, ModuleType, BuiltinFunctionType, NoneType,
# EllipsisType, NotImplementedType, MappingProxyType where available), SimpleNamespace,
# new_class, resolve_bases, prepare_class.
# GenericAlias and UnionType come from _generic_alias.py and _union_type.py.
# CoroutineType, AsyncGeneratorType, FrameType and coroutine() (generator-based
# coroutines, CO_ITERABLE_COROUTINE).
# Omits: TracebackType, DynamicClassAttribute, CellType.
import sys as _sys
from _generic_alias import GenericAlias
from _union_type import UnionType


def _f():
    pass


FunctionType = type(_f)
LambdaType = type(lambda: None)
CodeType = type(_f.__code__)


def _g():
    yield 1


GeneratorType = type(_g())


class _C:
    def _m(self):
        pass


MethodType = type(_C()._m)
BuiltinFunctionType = type(len)
BuiltinMethodType = type([].append)
ModuleType = type(_sys)
NoneType = type(None)
EllipsisType = type(...)
NotImplementedType = type(NotImplemented)
try:
    MappingProxyType = type(type.__dict__)
except AttributeError:
    pass


class _Slotted:
    __slots__ = ('slot',)


GetSetDescriptorType = type(FunctionType.__dict__['__dict__'])
try:
    MemberDescriptorType = type(_Slotted.__dict__['slot'])
except KeyError:  # a core without slot descriptors
    pass
del _Slotted



async def _c():
    pass


_c = _c()
CoroutineType = type(_c)
_c.close()  # a coroutine never awaited would warn


async def _ag():
    yield


AsyncGeneratorType = type(_ag())
FrameType = type(_sys._getframe())

del _f, _g, _C, _c, _ag


_CO_GENERATOR = 0x20
_CO_COROUTINE = 0x80
_CO_ITERABLE_COROUTINE = 0x100


class _GeneratorWrapper:
    """What types.coroutine wraps a non-generator result in: awaitable and iterable."""

    def __init__(self, gen):
        self.__wrapped = gen
        self.__isgen = gen.__class__ is GeneratorType
        self.__name__ = getattr(gen, '__name__', None)
        self.__qualname__ = getattr(gen, '__qualname__', None)

    def send(self, val):
        return self.__wrapped.send(val)

    def throw(self, tp, *rest):
        return self.__wrapped.throw(tp, *rest)

    def close(self):
        return self.__wrapped.close()

    @property
    def gi_code(self):
        return self.__wrapped.gi_code

    @property
    def gi_frame(self):
        return self.__wrapped.gi_frame

    @property
    def gi_running(self):
        return self.__wrapped.gi_running

    @property
    def gi_yieldfrom(self):
        return self.__wrapped.gi_yieldfrom

    cr_code = gi_code
    cr_frame = gi_frame
    cr_running = gi_running
    cr_await = gi_yieldfrom

    def __next__(self):
        return next(self.__wrapped)

    def __iter__(self):
        if self.__isgen:
            return self.__wrapped
        return self

    __await__ = __iter__


def coroutine(func):
    """Make a generator function usable with await (a generator-based coroutine)."""
    if not callable(func):
        raise TypeError('types.coroutine() expects a callable')
    if func.__class__ is FunctionType and getattr(func, '__code__', None).__class__ is CodeType:
        co_flags = func.__code__.co_flags
        if co_flags & (_CO_COROUTINE | _CO_ITERABLE_COROUTINE):
            return func
        if co_flags & _CO_GENERATOR:
            # Mark the code in place, as CPython does: the function object stays the same.
            func.__code__ = func.__code__.replace(co_flags=co_flags | _CO_ITERABLE_COROUTINE)
            return func

    import functools

    @functools.wraps(func)
    def wrapped(*args, **kwargs):
        coro = func(*args, **kwargs)
        if coro.__class__ is CoroutineType or (
                coro.__class__ is GeneratorType and coro.gi_code.co_flags & _CO_ITERABLE_COROUTINE):
            return coro
        if coro.__class__ is GeneratorType or (hasattr(coro, 'send') and hasattr(coro, '__next__')
                                               and not hasattr(coro, '__await__')):
            return _GeneratorWrapper(coro)
        return coro

    return wrapped


class SimpleNamespace:
    """An object whose attributes are given as keyword arguments."""

    def __init__(self, /, *args, **kwargs):
        if args:
            raise TypeError('no positional arguments expected')
        for key, value in kwargs.items():
            setattr(self, key, value)

    def __repr__(self):
        items = ('%s=%r' % (k, v) for k, v in self.__dict__.items())
        name = 'namespace' if type(self) is SimpleNamespace else type(self).__name__
        return '%s(%s)' % (name, ', '.join(items))

    def __eq__(self, other):
        if isinstance(self, SimpleNamespace) and isinstance(other, SimpleNamespace):
            return self.__dict__ == other.__dict__
        return NotImplemented

    __hash__ = None


def resolve_bases(bases):
    result = []
    changed = False
    for base in bases:
        if not isinstance(base, type) and hasattr(base, '__mro_entries__'):
            entries = base.__mro_entries__(tuple(bases))
            if not isinstance(entries, tuple):
                raise TypeError('__mro_entries__ must return a tuple')
            result.extend(entries)
            changed = True
        else:
            result.append(base)
    return tuple(result) if changed else tuple(bases)


def prepare_class(name, bases=(), kwds=None):
    kwds = {} if kwds is None else dict(kwds)
    if 'metaclass' in kwds:
        meta = kwds.pop('metaclass')
    else:
        meta = type(bases[0]) if bases else type
    if isinstance(meta, type):
        # The most derived metaclass among the bases' metaclasses wins.
        for base in bases:
            base_meta = type(base)
            if issubclass(meta, base_meta):
                continue
            if issubclass(base_meta, meta):
                meta = base_meta
                continue
            raise TypeError('metaclass conflict: the metaclass of a derived class must be a '
                            '(non-strict) subclass of the metaclasses of all its bases')
    prepare = getattr(meta, '__prepare__', None)
    ns = prepare(name, bases, **kwds) if prepare is not None else {}
    return meta, ns, kwds


def new_class(name, bases=(), kwds=None, exec_body=None):
    resolved = resolve_bases(bases)
    meta, ns, kwds = prepare_class(name, resolved, kwds)
    if exec_body is not None:
        exec_body(ns)
    if resolved is not bases:
        ns['__orig_bases__'] = bases
    return meta(name, resolved, ns, **kwds)
