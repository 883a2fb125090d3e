# types.GenericAlias: what `list[int]` makes (PEP 585). The core hands subscription of
# the built-in classes (list, dict, tuple, set, frozenset, type) to GenericAlias(). Written
# for Terrarium from CPython 3.11's documented behaviour (Objects/genericaliasobject.c):
# the alias prints and compares by origin and arguments, calls its origin, stands for
# its origin as a base class, and substitutes type variables when subscripted.
from _type_repr import type_repr, collect_parameters

# Attributes an alias answers itself; every other lookup goes to the origin class.
_OWN_ATTRIBUTES = frozenset({
    '__origin__', '__args__', '__parameters__', '__unpacked__', '__class__', '__mro_entries__',
    '__reduce_ex__', '__reduce__', '__copy__', '__deepcopy__',
})


class GenericAlias:
    __module__ = 'types'

    def __init__(self, origin, args, /):
        if not isinstance(args, tuple):
            args = (args,)
        self.__origin__ = origin
        self.__args__ = args
        self.__parameters__ = collect_parameters(args)
        self.__unpacked__ = False

    def __getattr__(self, name):
        if name.startswith('__') and name.endswith('__') or name in _OWN_ATTRIBUTES:
            raise AttributeError(name)
        return getattr(self.__origin__, name)

    def __repr__(self):
        origin = type_repr(self.__origin__)
        if not self.__args__:
            return f'{origin}[()]'
        return f"{origin}[{', '.join(_arg_repr(arg) for arg in self.__args__)}]"

    def __eq__(self, other):
        if not isinstance(other, GenericAlias):
            return NotImplemented
        return self.__origin__ == other.__origin__ and self.__args__ == other.__args__

    def __hash__(self):
        return hash(self.__origin__) ^ hash(self.__args__)

    def __call__(self, *args, **kwargs):
        result = self.__origin__(*args, **kwargs)
        try:
            result.__orig_class__ = self
        except Exception:  # instances of built-in classes take no attributes
            pass
        return result

    def __mro_entries__(self, bases):
        return (self.__origin__,)

    def __instancecheck__(self, obj):
        raise TypeError('isinstance() argument 2 cannot be a parameterized generic')

    def __subclasscheck__(self, cls):
        raise TypeError('issubclass() argument 2 cannot be a parameterized generic')

    def __or__(self, other):
        from _union_type import type_or
        return type_or(self, other)

    def __ror__(self, other):
        from _union_type import type_or
        return type_or(other, self)

    def __getitem__(self, items):
        params = self.__parameters__
        if not params:
            raise TypeError(f'{self!r} is not a generic class')
        if not isinstance(items, tuple):
            items = (items,)
        if len(items) != len(params):
            raise TypeError(f"Too {'many' if len(items) > len(params) else 'few'} arguments for {self!r}")
        mapping = dict(zip(params, items))
        return GenericAlias(self.__origin__, tuple(_substitute(arg, mapping) for arg in self.__args__))

    def __dir__(self):
        return sorted(set(dir(self.__origin__)) | _OWN_ATTRIBUTES)


def _arg_repr(arg):
    if isinstance(arg, list):  # Callable's argument list
        return '[' + ', '.join(_arg_repr(a) for a in arg) + ']'
    return type_repr(arg)


def _substitute(arg, mapping):
    if _hashable(arg) and arg in mapping:
        return mapping[arg]
    if isinstance(arg, list):
        return [_substitute(a, mapping) for a in arg]
    params = getattr(arg, '__parameters__', None)
    if params and not isinstance(arg, type):
        return arg[tuple(mapping.get(p, p) for p in params)]
    return arg


def _hashable(obj):
    try:
        hash(obj)
    except TypeError:
        return False
    return True


GenericAlias.__qualname__ = 'GenericAlias'
