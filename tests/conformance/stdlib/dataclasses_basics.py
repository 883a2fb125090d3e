# dataclasses: generated __init__/__repr__/__eq__, ordering, frozen, hashing rules,
# defaults and factories, InitVar/__post_init__, KW_ONLY, inheritance and the helpers.
import dataclasses
from dataclasses import InitVar, KW_ONLY, dataclass, field


def attempt(label, fn):
    try:
        print(f"{label}: {fn()!r}")
    except Exception as exc:
        print(f"{label}: {type(exc).__name__}: {exc}")


@dataclass
class Point:
    x: int
    y: int = 0


p = Point(1, 2)
print(p, Point(3), p == Point(1, 2), p != Point(2, 1), Point.__hash__)
print(Point.__init__.__qualname__, Point.__repr__.__qualname__, Point.__match_args__)
print(Point.__init__.__annotations__)
attempt("Point()", lambda: Point())
attempt("Point(1, 2, 3)", lambda: Point(1, 2, 3))
attempt("Point(1, z=3)", lambda: Point(1, z=3))
attempt("Point(1, x=3)", lambda: Point(1, x=3))
print(p == (1, 2), Point.__eq__(p, (1, 2)))


@dataclass(order=True, frozen=True)
class Card:
    rank: int
    suit: str = field(compare=False)


cards = [Card(10, "h"), Card(2, "s"), Card(7, "d")]
print(sorted(cards), Card(2, "x") == Card(2, "y"), hash(Card(2, "x")) == hash(Card(2, "y")))
attempt("Card(1, 'a') < 3", lambda: Card(1, "a") < 3)
attempt("setattr", lambda: setattr(cards[0], "rank", 1))
attempt("delattr", lambda: delattr(cards[0], "suit"))
attempt("new attribute", lambda: setattr(cards[0], "extra", 1))


@dataclass(unsafe_hash=True)
class Tag:
    name: str
    weight: float = field(default=1.0, hash=False)


print(hash(Tag("a")) == hash(Tag("a", 5.0)), Tag("a") == Tag("a", 5.0))


@dataclass(eq=False)
class Ident:
    v: int


print(Ident(1) == Ident(1), Ident.__hash__ is object.__hash__)


@dataclass
class Node:
    value: int
    children: list = field(default_factory=list)
    meta: dict = field(default_factory=dict, repr=False, metadata={"doc": "extra"})


n = Node(1)
n.children.append(n)
print(n, Node(2).children is not Node(2).children)
print([(f.name, f.type.__name__, f.repr) for f in dataclasses.fields(Node)])
print(dataclasses.fields(Node)[2].metadata["doc"], dataclasses.fields(n)[0].default is dataclasses.MISSING)


@dataclass
class Account:
    owner: str
    rate: InitVar[float] = 0.5
    balance: float = field(init=False, default=0.0)
    _: KW_ONLY
    currency: str = "EUR"

    def __post_init__(self, rate):
        self.balance = 100 * rate


a = Account("ann", 0.25, currency="USD")
print(a, Account.__match_args__, [f.name for f in dataclasses.fields(a)])
attempt("Account('x', 1, 'GBP')", lambda: Account("x", 1, "GBP"))
print(dataclasses.replace(a, owner="bob", rate=1))
attempt("replace balance", lambda: dataclasses.replace(a, balance=3))
print(repr(InitVar[int]), repr(dataclasses.fields(Account)[0].type))


@dataclass
class Base:
    a: int
    b: int = 2


@dataclass
class Derived(Base):
    c: int = 3
    a: int = 10


print(Derived(), Derived(1, 2, 3), [f.name for f in dataclasses.fields(Derived)])

attempt("mutable default", lambda: dataclass(type("M", (), {"__annotations__": {"xs": dict}, "xs": {}})))
attempt("order without eq", lambda: dataclass(order=True, eq=False)(type("O", (), {})))
attempt("field without annotation",
        lambda: dataclass(type("F", (), {"__annotations__": {}, "x": field(default=1)})))
attempt("both defaults", lambda: field(default=1, default_factory=list))


@dataclass
class Frozenless:
    x: int


attempt("frozen from non-frozen", lambda: dataclass(frozen=True)(type("Z", (Frozenless,), {"__annotations__": {}})))
attempt("fields(1)", lambda: dataclasses.fields(1))
attempt("asdict(Point)", lambda: dataclasses.asdict(Point))
print(dataclasses.asdict(Node(1, [Point(1, 2)], {"k": Point(0)})))
print(dataclasses.astuple(Node(1, [Point(1, 2)], {"k": Point(0)})))
print(dataclasses.is_dataclass(Point), dataclasses.is_dataclass(p), dataclasses.is_dataclass(int))

Pair = dataclasses.make_dataclass("Pair", [("left", int), ("right", int, field(default=0))], order=True)
print(Pair(1), Pair(1) < Pair(2), Pair.__module__, Pair.__qualname__)
attempt("make_dataclass bad name", lambda: dataclasses.make_dataclass("Bad", ["1x"]))
attempt("make_dataclass keyword", lambda: dataclasses.make_dataclass("Bad", ["class"]))
attempt("make_dataclass duplicate", lambda: dataclasses.make_dataclass("Bad", ["a", "a"]))
print(issubclass(dataclasses.FrozenInstanceError, AttributeError))
