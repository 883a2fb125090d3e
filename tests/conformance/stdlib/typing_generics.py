# typing classes: Generic subclasses and their aliases, Protocol with runtime_checkable,
# TypedDict (total, Required/NotRequired), NamedTuple (class and functional) and
# get_type_hints on classes, functions and forward references.
import typing
from typing import (Generic, NamedTuple, NotRequired, Optional, Protocol, Required, TypedDict, TypeVar,
                    get_type_hints, runtime_checkable)


def attempt(label, fn):
    try:
        print(f"{label}: {fn()!r}")
    except Exception as exc:
        print(f"{label}: {type(exc).__name__}: {exc}")


K = TypeVar("K")
V = TypeVar("V")


class Box(Generic[V]):
    def __init__(self, item: V):
        self.item = item


class Table(Generic[K, V]):
    pass


class IntBox(Box[int]):
    pass


class Both(Box[V], Table[K, V]):
    pass


print(Box.__parameters__, Table.__parameters__, IntBox.__parameters__, Both.__parameters__)
print(Box[int], Table[str, Box[int]], Table[K, int][str], Box[int](3).__orig_class__, Box[int] == Box[int])
print(Box.__mro__, IntBox.__orig_bases__, Both.__orig_bases__)
print(typing.get_origin(Box[int]) is Box, typing.get_args(Table[str, int]))
attempt("Box[int, str]", lambda: Box[int, str])
attempt("Table[int]", lambda: Table[int])
attempt("IntBox[int]", lambda: IntBox[int])
attempt("Generic[int]", lambda: Generic[int])
attempt("Generic[K, K]", lambda: Generic[K, K])
attempt("plain Generic", lambda: type("G", (Generic,), {}))
attempt("Table.__class_getitem__", lambda: Table.__class_getitem__((int, str)))
attempt("isinstance(x, Box[int])", lambda: isinstance(Box(1), Box[int]))
print(isinstance(Box(1), Box))


@runtime_checkable
class Sized(Protocol):
    def __len__(self) -> int: ...


@runtime_checkable
class Named(Protocol):
    name: str


class HasName:
    name = "x"


class Plain(Protocol):
    def run(self) -> None: ...


print(isinstance([], Sized), isinstance(3, Sized), issubclass(dict, Sized), issubclass(int, Sized))
print(isinstance(HasName(), Named), isinstance(3, Named))
attempt("issubclass(HasName, Named)", lambda: issubclass(HasName, Named))
attempt("isinstance(1, Plain)", lambda: isinstance(1, Plain))
attempt("Plain()", lambda: Plain())
attempt("runtime_checkable(int)", lambda: runtime_checkable(int))


class Impl(Plain):
    def run(self):
        return "ran"


print(Impl().run(), Impl._is_protocol, Plain._is_protocol, isinstance(3, typing.SupportsInt))


class Movie(TypedDict):
    title: str
    year: NotRequired[int]


class Extra(Movie, total=False):
    rating: float
    id: Required[int]


print(sorted(Movie.__required_keys__), sorted(Movie.__optional_keys__), Movie.__total__)
print(sorted(Extra.__required_keys__), sorted(Extra.__optional_keys__), Extra.__total__, list(Extra.__annotations__))
m = Movie(title="x")
print(m, type(m) is dict, get_type_hints(Extra))
Point2 = TypedDict("Point2", {"x": int, "y": int}, total=False)
print(Point2.__optional_keys__ == {"x", "y"}, Point2.__module__, Point2(x=1))
attempt("isinstance(m, Movie)", lambda: isinstance(m, Movie))


class Emp(NamedTuple):
    name: str
    id: int = 3

    def label(self):
        return f"{self.name}#{self.id}"


e = Emp("ann")
print(e, e.label(), Emp._fields, Emp._field_defaults, Emp.__annotations__, isinstance(e, tuple))
Pt = NamedTuple("Pt", [("x", int), ("y", float)])
print(Pt(1, 2.0), Pt.__annotations__, Pt.__module__)
attempt("default order", lambda: exec("class Bad(NamedTuple):\n    a: int = 1\n    b: str\n",
                                     {"NamedTuple": NamedTuple}))


class Tree:
    left: "Optional[Tree]"
    value: int
    tags: "list[str]"
    limit: typing.ClassVar[int] = 3


def build(root: "Tree", depth: int = 0) -> "Optional[Tree]":
    return None


print(get_type_hints(Tree))
print(get_type_hints(build), build.__annotations__)
print(get_type_hints(Box.__init__))
