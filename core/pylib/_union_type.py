# types.UnionType: what `int | str` makes (PEP 604). The core's type.__or__ slot calls
# type_or() below. Written for Terrarium from the documented behaviour of CPython 3.11
# (Objects/unionobject.c): flattened, de-duplicated arguments, order-insensitive equality,
# isinstance()/issubclass() against any member.
from _type_repr import type_repr, collect_parameters

_NoneType = type(None)


def _unionable(obj):
    if obj is None or isinstance(obj, (type, UnionType)):
        return True
    return type(obj).__name__ == 'GenericAlias' and type(obj).__module__ == 'types'


def _flatten(items):
    args = []
    for item in items:
        if item is None:
            item = _NoneType
        members = item.__args__ if isinstance(item, UnionType) else (item,)
        for member in members:
            if member not in args:
                args.append(member)
    return tuple(args)


def make_union(items):
    args = _flatten(items)
    if len(args) == 1:
        return args[0]
    union = object.__new__(UnionType)
    union.__args__ = args
    union.__parameters__ = collect_parameters(args)
    return union


def type_or(a, b):
    if not (_unionable(a) and _unionable(b)):
        return NotImplemented
    return make_union((a, b))


class UnionType:
    __module__ = 'types'

    def __new__(cls, *args, **kwargs):
        raise TypeError("cannot create 'types.UnionType' instances")

    def __repr__(self):
        return ' | '.join('None' if arg is _NoneType else type_repr(arg) for arg in self.__args__)

    def __eq__(self, other):
        if not isinstance(other, UnionType):
            return NotImplemented
        return set(self.__args__) == set(other.__args__)

    def __hash__(self):
        return hash(frozenset(self.__args__))

    def __or__(self, other):
        return type_or(self, other)

    def __ror__(self, other):
        return type_or(other, self)

    def __getitem__(self, params):
        if not self.__parameters__:
            raise TypeError(f'{self!r} is not a generic class')
        import typing
        return typing.Union[self.__args__][params]

    def __instancecheck__(self, obj):
        for arg in self.__args__:
            if hasattr(arg, '__origin__'):
                raise TypeError('isinstance() argument 2 cannot be a parameterized generic')
        return isinstance(obj, self.__args__)

    def __subclasscheck__(self, cls):
        for arg in self.__args__:
            if hasattr(arg, '__origin__'):
                raise TypeError('issubclass() argument 2 cannot be a parameterized generic')
        return issubclass(cls, self.__args__)


UnionType.__qualname__ = 'UnionType'
