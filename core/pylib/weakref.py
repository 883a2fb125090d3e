"""Weak references: ref and the counts come from the interpreter (_weakref); proxies,
weak dictionaries and sets, WeakMethod and finalize are built on them here.
CPython: Lib/weakref.py, Lib/_weakrefset.py, Objects/weakrefobject.c (proxies)."""

from _weakref import ref, getweakrefcount, getweakrefs, ReferenceType, _remove_dead_weakref
import itertools as _itertools

__all__ = ["ref", "proxy", "getweakrefcount", "getweakrefs", "WeakKeyDictionary", "ReferenceType", "ProxyType",
           "CallableProxyType", "ProxyTypes", "WeakValueDictionary", "WeakSet", "WeakMethod", "finalize"]


# ---- proxies -------------------------------------------------------------------------

def _referent(proxy):
    obj = object.__getattribute__(proxy, "_proxy_ref")()
    if obj is None:
        raise ReferenceError("weakly-referenced object no longer exists")
    return obj


class ProxyType:
    """Stands for its referent while the referent lives; ReferenceError afterwards."""

    def __init__(self, obj, callback=None):
        if callback is not None:
            this = ref(self)
            def forward(_, callback=callback, this=this):
                proxy = this()
                if proxy is not None:
                    callback(proxy)
            object.__setattr__(self, "_proxy_ref", ref(obj, forward))
        else:
            object.__setattr__(self, "_proxy_ref", ref(obj))

    def __getattribute__(self, name):
        return getattr(_referent(self), name)

    def __setattr__(self, name, value):
        setattr(_referent(self), name, value)

    def __delattr__(self, name):
        delattr(_referent(self), name)

    def __repr__(self):
        obj = object.__getattribute__(self, "_proxy_ref")()
        return "<weakproxy at %#x; to '%s' at %#x>" % (id(self), type(obj).__name__, id(obj))

    def __str__(self):
        return str(_referent(self))

    def __bool__(self):
        return bool(_referent(self))

    def __hash__(self):
        raise TypeError("unhashable type: 'weakref.ProxyType'")


def _forward(name):
    def method(self, *args):
        return getattr(_referent(self), name)(*args)
    method.__name__ = name
    return method


for _name in ("__len__", "__iter__", "__next__", "__contains__", "__getitem__", "__setitem__", "__delitem__",
              "__eq__", "__ne__", "__lt__", "__le__", "__gt__", "__ge__", "__add__", "__sub__", "__mul__",
              "__truediv__", "__floordiv__", "__mod__", "__pow__", "__neg__", "__pos__", "__abs__", "__int__",
              "__float__", "__index__", "__radd__", "__rsub__", "__rmul__", "__iadd__", "__enter__", "__exit__"):
    setattr(ProxyType, _name, _forward(_name))
del _name


class CallableProxyType(ProxyType):
    def __call__(self, *args, **kwargs):
        return _referent(self)(*args, **kwargs)


ProxyTypes = (ProxyType, CallableProxyType)


def proxy(obj, callback=None):
    """A proxy for obj; callback(proxy) runs when obj dies."""
    ref(obj)  # the same TypeError as ref() for objects that cannot be weakly referenced
    return (CallableProxyType if callable(obj) else ProxyType)(obj, callback)


# ---- WeakMethod ----------------------------------------------------------------------

class WeakMethod(ref):
    """A weak reference to a bound method, alive while both its object and function are."""

    def __new__(cls, meth, callback=None):
        try:
            obj = meth.__self__
            func = meth.__func__
        except AttributeError:
            raise TypeError("argument should be a bound method, not {}".format(type(meth))) from None

        def _cb(arg):
            self = self_wr()
            if self._alive:
                self._alive = False
                if callback is not None:
                    callback(self)

        self = ref.__new__(cls, obj, _cb)
        self._func_ref = ref(func, _cb)
        self._meth_type = type(meth)
        self._alive = True
        self_wr = ref(self)
        return self

    def __call__(self):
        obj = ref.__call__(self)
        func = self._func_ref()
        if obj is None or func is None:
            return None
        return func.__get__(obj, type(obj))

    def __eq__(self, other):
        if isinstance(other, WeakMethod):
            if not self._alive or not other._alive:
                return self is other
            return ref.__eq__(self, other) and self._func_ref == other._func_ref
        return NotImplemented

    def __ne__(self, other):
        result = self.__eq__(other)
        return result if result is NotImplemented else not result

    __hash__ = ref.__hash__


# ---- weak dictionaries ---------------------------------------------------------------

class WeakValueDictionary:
    """A mapping whose entries disappear when their values die."""

    def __init__(self, other=(), /, **kw):
        self_ref = ref(self)

        def remove(wr, self_ref=self_ref):
            self = self_ref()
            if self is not None:
                _remove_dead_weakref(self.data, wr.key)

        self._remove = remove
        self.data = {}
        self.update(other, **kw)

    def _keyed_ref(self, key, value):
        wr = _KeyedRef(value, self._remove, key)
        return wr

    def __getitem__(self, key):
        o = self.data[key]()
        if o is None:
            raise KeyError(key)
        return o

    def __setitem__(self, key, value):
        self.data[key] = self._keyed_ref(key, value)

    def __delitem__(self, key):
        del self.data[key]

    def __contains__(self, key):
        try:
            o = self.data[key]()
        except KeyError:
            return False
        return o is not None

    def __len__(self):
        return sum(1 for wr in list(self.data.values()) if wr() is not None)

    def __iter__(self):
        for key, wr in list(self.data.items()):
            if wr() is not None:
                yield key

    def __repr__(self):
        return "<%s at %#x>" % (self.__class__.__name__, id(self))

    def keys(self):
        return iter(self)

    def values(self):
        for wr in list(self.data.values()):
            obj = wr()
            if obj is not None:
                yield obj

    def items(self):
        for key, wr in list(self.data.items()):
            obj = wr()
            if obj is not None:
                yield key, obj

    def itervaluerefs(self):
        yield from list(self.data.values())

    def valuerefs(self):
        return list(self.data.values())

    def get(self, key, default=None):
        try:
            wr = self.data[key]
        except KeyError:
            return default
        o = wr()
        return default if o is None else o

    def pop(self, key, *default):
        try:
            o = self.data.pop(key)()
        except KeyError:
            o = None
        if o is None:
            if default:
                return default[0]
            raise KeyError(key)
        return o

    def popitem(self):
        while True:
            key, wr = self.data.popitem()
            o = wr()
            if o is not None:
                return key, o

    def setdefault(self, key, default=None):
        o = self.get(key)
        if o is None:
            self[key] = default
            return default
        return o

    def update(self, other=(), /, **kwargs):
        items = other.items() if hasattr(other, "items") else other
        for key, value in items:
            self[key] = value
        for key, value in kwargs.items():
            self[key] = value

    def copy(self):
        new = WeakValueDictionary()
        for key, value in self.items():
            new[key] = value
        return new

    def clear(self):
        self.data.clear()


class _KeyedRef(ref):
    """A weak reference that remembers the key it is stored under."""

    def __new__(cls, ob, callback, key):
        self = ref.__new__(cls, ob, callback)
        self.key = key
        return self

    def __init__(self, ob, callback, key):
        pass


class WeakKeyDictionary:
    """A mapping whose entries disappear when their keys die."""

    def __init__(self, dict=None):
        self.data = {}
        self_ref = ref(self)

        def remove(k, self_ref=self_ref):
            self = self_ref()
            if self is not None:
                try:
                    del self.data[k]
                except KeyError:
                    pass

        self._remove = remove
        if dict is not None:
            self.update(dict)

    def __getitem__(self, key):
        return self.data[ref(key)]

    def __setitem__(self, key, value):
        self.data[ref(key, self._remove)] = value

    def __delitem__(self, key):
        del self.data[ref(key)]

    def __contains__(self, key):
        try:
            wr = ref(key)
        except TypeError:
            return False
        return wr in self.data

    def __len__(self):
        return sum(1 for wr in list(self.data) if wr() is not None)

    def __iter__(self):
        for wr in list(self.data):
            obj = wr()
            if obj is not None:
                yield obj

    def __repr__(self):
        return "<%s at %#x>" % (self.__class__.__name__, id(self))

    def keys(self):
        return iter(self)

    def values(self):
        for wr, value in list(self.data.items()):
            if wr() is not None:
                yield value

    def items(self):
        for wr, value in list(self.data.items()):
            obj = wr()
            if obj is not None:
                yield obj, value

    def keyrefs(self):
        return list(self.data)

    def get(self, key, default=None):
        return self.data.get(ref(key), default)

    def pop(self, key, *args):
        return self.data.pop(ref(key), *args)

    def popitem(self):
        while True:
            wr, value = self.data.popitem()
            obj = wr()
            if obj is not None:
                return obj, value

    def setdefault(self, key, default=None):
        return self.data.setdefault(ref(key, self._remove), default)

    def update(self, dict=None, /, **kwargs):
        if dict is not None:
            items = dict.items() if hasattr(dict, "items") else dict
            for key, value in items:
                self[key] = value
        if kwargs:
            self.update(kwargs)

    def copy(self):
        return WeakKeyDictionary(dict(self.items()))

    def clear(self):
        self.data.clear()


class WeakSet:
    """A set whose members disappear when they die."""

    def __init__(self, data=None):
        self.data = set()
        self_ref = ref(self)

        def remove(item, self_ref=self_ref):
            self = self_ref()
            if self is not None:
                self.data.discard(item)

        self._remove = remove
        if data is not None:
            self.update(data)

    def __iter__(self):
        for wr in list(self.data):
            item = wr()
            if item is not None:
                yield item

    def __len__(self):
        return sum(1 for wr in list(self.data) if wr() is not None)

    def __contains__(self, item):
        try:
            wr = ref(item)
        except TypeError:
            return False
        return wr in self.data

    def __repr__(self):
        return repr(set(self)).join(("WeakSet(", ")")) if self else "WeakSet()"

    def add(self, item):
        self.data.add(ref(item, self._remove))

    def discard(self, item):
        self.data.discard(ref(item))

    def remove(self, item):
        self.data.remove(ref(item))

    def pop(self):
        while True:
            item = self.data.pop()()
            if item is not None:
                return item

    def clear(self):
        self.data.clear()

    def update(self, other):
        for item in other:
            self.add(item)

    def copy(self):
        return WeakSet(self)


# ---- finalize ------------------------------------------------------------------------

class finalize:
    """finalize(obj, func, *args, **kwargs): calls func(*args, **kwargs) once, when obj
    dies or when the finalizer is called, whichever comes first."""

    _registry = {}
    _index_iter = _itertools.count()

    class _Info:
        pass

    def __init__(self, obj, func, /, *args, **kwargs):
        info = self._Info()
        info.weakref = ref(obj, self)
        info.func = func
        info.args = args
        info.kwargs = kwargs or None
        info.atexit = True
        info.index = next(self._index_iter)
        self._registry[self] = info

    def __call__(self, _=None):
        info = self._registry.pop(self, None)
        if info:
            return info.func(*info.args, **(info.kwargs or {}))

    def detach(self):
        info = self._registry.get(self)
        obj = info and info.weakref()
        if obj is not None and self._registry.pop(self, None):
            return (obj, info.func, info.args, info.kwargs or {})

    def peek(self):
        info = self._registry.get(self)
        obj = info and info.weakref()
        if obj is not None:
            return (obj, info.func, info.args, info.kwargs or {})

    @property
    def alive(self):
        return self in self._registry

    @property
    def atexit(self):
        info = self._registry.get(self)
        return bool(info) and info.atexit

    @atexit.setter
    def atexit(self, value):
        info = self._registry.get(self)
        if info:
            info.atexit = bool(value)

    def __repr__(self):
        info = self._registry.get(self)
        obj = info and info.weakref()
        if obj is None:
            return "<%s object at %#x; dead>" % (type(self).__name__, id(self))
        return "<%s object at %#x; for %r at %#x>" % (type(self).__name__, id(self), type(obj).__name__, id(obj))
