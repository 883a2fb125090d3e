# types for Terrarium, written from the Python 3.11 documentation.
# Provides the type objects reachable from Python code (FunctionType, LambdaType,
# MethodType, GeneratorType, CodeType, ModuleType, BuiltinFunctionType, NoneType,
# EllipsisType, NotImplementedType, MappingProxyType where available), SimpleNamespace,
# new_class, resolve_bases, prepare_class.
# GenericAlias and UnionType come from _generic_alias.py and _union_type.py.
# coroutine() marks generator functions (CO_ITERABLE_COROUTINE).
# Omits: CoroutineType/AsyncGeneratorType (no async yet), FrameType/TracebackType,
# DynamicClassAttribute, CellType.
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

del _f, _g, _C


# The types of `async def` results and of frames (sys._getframe, gi_frame).
async def _c():
    pass


_c = _c()
CoroutineType = type(_c)
_c.close()  # a coroutine never awaited would warn


async def _ag():
    yield


AsyncGeneratorType = type(_ag())
FrameType = type(_sys._getframe())
del _c, _ag


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


# CPython's CO_ITERABLE_COROUTINE: a generator whose code carries it may be awaited.
_CO_GENERATOR = 0x20
_CO_ITERABLE_COROUTINE = 0x100


def coroutine(func):
    """Mark a generator function as a coroutine that `await` accepts."""
    if not callable(func):
        raise TypeError('types.coroutine() expects a callable')
    code = getattr(func, '__code__', None)
    if isinstance(func, FunctionType) and code.co_flags & _CO_GENERATOR:
        if not code.co_flags & _CO_ITERABLE_COROUTINE:
            func.__code__ = code.replace(co_flags=code.co_flags | _CO_ITERABLE_COROUTINE)
        return func

    # Any other callable: a generator it returns is wrapped so that it can be awaited.
    def wrapped(*args, **kwargs):
        result = func(*args, **kwargs)
        if isinstance(result, GeneratorType) and not result.gi_code.co_flags & _CO_ITERABLE_COROUTINE:
            return _GeneratorWrapper(result)
        return result
    for attr in ('__module__', '__name__', '__qualname__', '__doc__'):
        try:
            setattr(wrapped, attr, getattr(func, attr))
        except AttributeError:
            pass
    wrapped.__wrapped__ = func
    return wrapped


class _GeneratorWrapper:
    """A generator made awaitable: `await` and `yield from` both drive the generator."""

    def __init__(self, gen):
        self.__wrapped = gen
        self.__name__ = getattr(gen, '__name__', None)
        self.__qualname__ = getattr(gen, '__qualname__', None)

    def send(self, value):
        return self.__wrapped.send(value)

    def throw(self, *args):
        return self.__wrapped.throw(*args)

    def close(self):
        return self.__wrapped.close()

    @property
    def gi_code(self):
        return self.__wrapped.gi_code

    @property
    def gi_running(self):
        return self.__wrapped.gi_running

    cr_code = gi_code
    cr_running = gi_running

    def __next__(self):
        return next(self.__wrapped)

    def __iter__(self):
        return self.__wrapped

    __await__ = __iter__
