# typing at run time: TypeVar/ParamSpec reprs, special forms and their aliases, Union
# and Optional, Literal, Annotated, Callable, get_origin/get_args, NewType, helpers.
import typing
from typing import (Annotated, Any, Callable, ClassVar, Dict, Final, List, Literal, Optional, ParamSpec,
                    Tuple, TypeVar, Union, get_args, get_origin)


def attempt(label, fn):
    try:
        print(f"{label}: {fn()!r}")
    except Exception as exc:
        print(f"{label}: {type(exc).__name__}: {exc}")


T = TypeVar("T")
B = TypeVar("B", bound=int)
C = TypeVar("C", str, bytes)
Co = TypeVar("Co", covariant=True)
Contra = TypeVar("Contra", contravariant=True)
P = ParamSpec("P")
print(T, B, C, Co, Contra, P, P.args, P.kwargs, T.__name__, B.__bound__, C.__constraints__)
print(T.__module__, Co.__covariant__, Contra.__contravariant__, T | None, int | T)
attempt("bivariant", lambda: TypeVar("X", covariant=True, contravariant=True))
attempt("single constraint", lambda: TypeVar("X", int))
attempt("constraints and bound", lambda: TypeVar("X", int, str, bound=int))

print(Any, ClassVar, Final, Union, Optional, Literal, typing.NoReturn, typing.Never, typing.Self)
print(List, Dict, Tuple, typing.Iterator, typing.Mapping, typing.Sequence, typing.Set, Callable)
print(List[int], Dict[str, List[int]], Tuple[int, ...], Tuple[()], typing.Type[int], typing.Iterable[str])
print(Optional[int], Union[int, str], Union[int], Union[int, None, str], Optional[Union[int, str]])
print(Union[int, Union[str, int]] == Union[str, int], Union[int, str] == (str | int), hash(Union[int, str]) == hash(Union[str, int]))
print(Literal["a", "b"], Literal[1, 2, 1] == Literal[2, 1], Literal[True] == Literal[1], get_args(Literal[Literal[1], 2]))
print(Callable[[int, str], bool], Callable[..., int], Callable[[], None], Callable[P, T])
print(Annotated[int, "x", 3], Annotated[Annotated[int, "a"], "b"], ClassVar[int], Final[str])
print(List[T], List[T][int], Dict[str, T][float], Union[T, int][str])
samples = [List[int], Optional[str], int | None, Callable[[int], str], Callable[..., T], Annotated[int, "m"],
           Literal["x"], list[T], Tuple[int, str], ClassVar[int], int, Any]
for tp in samples:
    print(f"{str(tp):35} {get_origin(tp)!r:40} {get_args(tp)}")
print(isinstance(3, Union[int, str]), isinstance([], List), issubclass(list, typing.Sequence))
attempt("isinstance(x, List[int])", lambda: isinstance([], List[int]))
attempt("isinstance(x, Any)", lambda: isinstance(1, Any))
attempt("isinstance(x, Literal)", lambda: isinstance(1, Literal))
attempt("Union[()]", lambda: Union[()])
attempt("Optional[int, str]", lambda: Optional[int, str])
attempt("Callable[int]", lambda: Callable[int])
attempt("Callable[int, str]", lambda: Callable[int, str])
attempt("List[int, str]", lambda: List[int, str])
attempt("Annotated[int]", lambda: Annotated[int])
attempt("List()", lambda: List())
attempt("Union()", lambda: Union())
attempt("Union[Optional]", lambda: Union[int, Optional])
print(typing.List[int]([1, 2]) if False else typing.Deque[int], typing.DefaultDict[str, int])

UserId = typing.NewType("UserId", int)
print(UserId, UserId(3), UserId.__supertype__, UserId.__name__, UserId | None)
attempt("subclass NewType", lambda: type("X", (UserId,), {}))
print(typing.cast(int, "text"), typing.cast("List[int]", 5), typing.TYPE_CHECKING)
attempt("assert_never", lambda: typing.assert_never(42))


@typing.final
class Leaf:
    @typing.final
    def method(self):
        pass


print(Leaf.__final__, Leaf.method.__final__)


@typing.overload
def parse(x: int) -> int: ...


@typing.overload
def parse(x: str) -> str: ...


def parse(x):
    return x


print(parse(3), len(typing.get_overloads(parse)))
