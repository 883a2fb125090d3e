# copy for Terrarium: shallow and deep copies, written from the Python 3.11 documentation.
# Provides copy, deepcopy (with memo), Error. Handles atomic values, list, dict, set,
# frozenset, tuple, bytes and bytearray, objects with __copy__/__deepcopy__, and
# plain class instances (their __dict__ is copied, __init__ is not called). Omits the
# copyreg/__reduce_ex__ protocol beyond __getstate__/__setstate__ on instances.


class Error(Exception):
    pass


error = Error

_ATOMIC = (type(None), int, float, bool, str, bytes, type, range, type(...),
           type(NotImplemented), type(len), type(lambda: None), property)


def _blank_init(self, *args, **kwargs):
    pass


def _new_instance(cls):
    """Create an instance of cls without running its __init__."""
    # Use the __new__ of the nearest built-in base, so the instance gets its layout.
    base = object
    for klass in cls.__mro__:
        if klass in (dict, list, set, object):
            base = klass
            break
    new = getattr(base, '__new__', None)
    if new is not None:
        try:
            return new(cls)
        except TypeError:
            pass
    # Terrarium has no object.__new__ yet: call the class with __init__ briefly disabled.
    had_own = '__init__' in cls.__dict__
    old = cls.__dict__.get('__init__')
    cls.__init__ = _blank_init
    try:
        return cls()
    except TypeError:
        raise Error('un(shallow)copyable object of type %s' % cls) from None
    finally:
        if had_own:
            cls.__init__ = old
        else:
            del cls.__init__


def _copy_state(obj, new, deep, memo):
    getstate = getattr(obj, '__getstate__', None)
    state = getstate() if getstate is not None else getattr(obj, '__dict__', None)
    if state is None:
        return
    if deep:
        state = deepcopy(state, memo)
    setstate = getattr(new, '__setstate__', None)
    if setstate is not None:
        setstate(state)
    elif isinstance(state, dict):
        new.__dict__.update(state)


def _rebuild_tuple(x, items):
    # Tuple subclasses (named tuples) are rebuilt from their items.
    make = getattr(type(x), '_make', None)
    if make is not None:
        return make(items)
    return type(x)(items)


def copy(x):
    """Shallow copy of x."""
    cls = type(x)
    if cls in _ATOMIC:
        return x
    if cls in (list, dict, set, bytearray):
        return x.copy()
    if cls in (tuple, frozenset):
        return x
    copier = getattr(cls, '__copy__', None)
    if copier is not None:
        return copier(x)
    if isinstance(x, tuple):
        return _rebuild_tuple(x, list(x))
    if isinstance(x, (list, dict, set)):
        new = _new_instance(cls)
        if isinstance(x, list):
            new.extend(x)
        elif isinstance(x, dict):
            dict.update(new, x)
        else:
            new.update(x)
        _copy_state(x, new, False, None)
        return new
    if isinstance(x, type):
        return x
    new = _new_instance(cls)
    _copy_state(x, new, False, None)
    return new


def deepcopy(x, memo=None, _nil=[]):
    """Deep copy of x; memo maps id(original) to its copy (shared and cyclic references)."""
    if memo is None:
        memo = {}
    d = id(x)
    y = memo.get(d, _nil)
    if y is not _nil:
        return y
    cls = type(x)
    if cls in _ATOMIC or isinstance(x, type):
        return x
    if cls is list:
        y = []
        memo[d] = y
        for item in x:
            y.append(deepcopy(item, memo))
    elif cls is dict:
        y = {}
        memo[d] = y
        for key, value in x.items():
            y[deepcopy(key, memo)] = deepcopy(value, memo)
    elif cls is tuple:
        items = [deepcopy(item, memo) for item in x]
        # A cycle through the tuple may already have produced its copy.
        if d in memo:
            return memo[d]
        if all(a is b for a, b in zip(items, x)):
            y = x
        else:
            y = tuple(items)
    elif cls is set:
        y = set()
        memo[d] = y
        for item in x:
            y.add(deepcopy(item, memo))
    elif cls is frozenset:
        y = frozenset(deepcopy(item, memo) for item in x)
    elif cls is bytearray:
        y = x.copy()
    else:
        copier = getattr(x, '__deepcopy__', None)
        if copier is not None:
            y = copier(memo)
        elif isinstance(x, tuple):
            y = _rebuild_tuple(x, [deepcopy(item, memo) for item in x])
        else:
            y = _new_instance(cls)
            memo[d] = y
            if isinstance(x, list):
                for item in x:
                    y.append(deepcopy(item, memo))
            elif isinstance(x, dict):
                for key, value in x.items():
                    dict.__setitem__(y, deepcopy(key, memo), deepcopy(value, memo))
            elif isinstance(x, set):
                for item in x:
                    y.add(deepcopy(item, memo))
            _copy_state(x, y, True, memo)
    # Keep x alive for as long as the memo, so its id is not reused (as CPython does).
    if y is not x:
        memo[d] = y
        try:
            memo[id(memo)].append(x)
        except KeyError:
            memo[id(memo)] = [x]
    return y
