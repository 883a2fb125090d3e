# list[int] is a types.GenericAlias, int | str a types.UnionType; __mro_entries__ in class
# statements; isinstance()/issubclass() with hooks on non-class objects and lazy tuples.
import types

print(list[int], dict[str, list[int]], tuple[int, ...], tuple[()], type[int], set[bytes], frozenset[str])
print(type(list[int]) is types.GenericAlias, list[int].__origin__, list[int].__args__)
print(list[int] == list[int], list[int] == list[str], hash(list[int]) == hash(list[int]))
print(list[int]([1, 2]), dict[str, int](a=1))
print(list[None], list[type(None)])
try:
    isinstance([], list[int])
except TypeError as exc:
    print(type(exc).__name__, exc)

print(int | str, int | None, None | int, int | int, (int | str) == (str | int))
print(type(int | str) is types.UnionType, (int | str).__args__, int | str | float)
print(list[int] | None, int | list[str])
print(isinstance(3, int | str), isinstance(None, int | None), isinstance(2.0, int | str))
print(issubclass(bool, int | str), issubclass(float, int | str))
try:
    1 | int
except TypeError as exc:
    print(type(exc).__name__, exc)


class Base:
    pass


class Stand:
    def __mro_entries__(self, bases):
        print("mro_entries got", len(bases), "bases")
        return (Base,)


class Derived(Stand(), list[int]):
    pass


print([c.__name__ for c in Derived.__mro__], type(Derived.__orig_bases__[1]).__name__)


class Plain(Base):
    pass


print('__orig_bases__' in Plain.__dict__)


class Checker:
    def __instancecheck__(self, obj):
        return obj == 42

    def __subclasscheck__(self, cls):
        return cls is bool


print(isinstance(42, Checker()), isinstance(1, Checker()), issubclass(bool, Checker()))
print(isinstance(1, (int, 5)), issubclass(int, (int, 5)))
for bad in (lambda: isinstance(1, (str, 5)), lambda: issubclass(int, 5), lambda: issubclass(5, int)):
    try:
        bad()
    except TypeError as exc:
        print(type(exc).__name__, exc)
