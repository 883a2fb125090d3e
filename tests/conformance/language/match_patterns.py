# Every pattern kind of the match statement, and soft-keyword uses of match/case.
from collections import namedtuple, OrderedDict, defaultdict, deque
from collections.abc import Sequence, Mapping


class Point:
    __match_args__ = ("x", "y")

    def __init__(self, x, y):
        self.x, self.y = x, y


Pair = namedtuple("Pair", "left right")


def classify(x):
    match x:
        case [*_] if not x:
            return "empty sequence"
        case [a, *_, b] if a == b:
            return f"same ends {a}"
        case {"k": v, **rest}:
            return f"k={v} rest={sorted(rest.items())}"
        case Point(1, y=2) | Point(x=3) as p if p:
            return f"point {p.x},{p.y}"
        case Point(x, y):
            return f"other point {x} {y}"
        case Pair(left, right=r):
            return f"pair {left} {r}"
        case -1 | 1.5 | "s" | None:
            return f"literal {x!r}"
        case True:
            return "true"
        case (1, 2, *others):
            return f"starts 1, 2 then {others}"
        case {}:
            return "some mapping"
        case int(n) if n > 100:
            return f"big int {n}"
        case str() | int():
            return f"str or int {x!r}"
        case [(a, b), {"x": [c, *d]}] | [(b, a), {"y": [c, *d]}]:
            return f"nested a={a} b={b} c={c} d={d}"
        case [[_, _], [_, _]]:
            return "two pairs"
        case float(f):
            return f"float {f}"
        case _:
            return "anything"


values = [[], [1, 2, 1], [1, 2, 3], {"k": 1, "z": 2}, Point(1, 2), Point(3, 9), Point(5, 5), Pair(1, 2),
          -1, 1.5, "s", None, True, (1, 2, 3, 4), {}, OrderedDict(a=1), defaultdict(int), 1000, "abc", 7,
          [(1, 2), {"x": [3, 4, 5]}], [(1, 2), {"y": [3]}], [[1, 2], [3, 4]], 2.5, deque([1, 9, 1]),
          range(3), object]
for v in values:
    print(classify(v) if not isinstance(v, type) else classify(v))


def command(text):
    match text.split():
        case ["go", ("north" | "south") as direction]:
            return f"going {direction}"
        case ["pick", *items] if items:
            return f"pick {items}"
        case ["drop", item, *_]:
            return f"drop {item}"
        case [x] | [x, _]:
            return f"one or two: {x}"
        case _:
            return "?"


for t in ["go north", "go west", "pick a b", "pick", "drop x y z", "solo", "a b", "a b c"]:
    print(t, "->", command(t))


class Seq(Sequence):
    def __init__(self, *items):
        self.items = items

    def __getitem__(self, i):
        return self.items[i]

    def __len__(self):
        return len(self.items)


class Map(Mapping):
    def __init__(self, **kw):
        self.d = kw

    def __getitem__(self, k):
        return self.d[k]

    def __iter__(self):
        return iter(self.d)

    def __len__(self):
        return len(self.d)


match Seq(1, 2, 3):
    case [first, *middle, last]:
        print("custom sequence", first, middle, last)
match Map(a=1, b=2):
    case {"a": 1, **others}:
        print("custom mapping", others)
match "abc":
    case [*chars]:
        print("str is a sequence?", chars)
    case _:
        print("str is not a sequence pattern")

# The subject may be a tuple written without parentheses.
match 1, 2:
    case (a, b):
        print("tuple subject", a, b)

# Names bound by a failed case stay bound, as in CPython.
match [1, 2]:
    case [a, 3]:
        pass
    case _:
        print("a after failed case:", a)

# Soft keywords used as names.
match = {"case": 1}
case = match["case"]
print(match, case)
match(1) if False else None


class Color:
    RED = "red"


def color_name(c):
    match c:
        case Color.RED:
            return "value pattern"
        case _:
            return "no"


print(color_name("red"), color_name("blue"))

# Errors raised while matching.
class NoArgs:
    pass


class BadArgs:
    __match_args__ = ["x"]


class Dup:
    __match_args__ = ("x", "x")
    x = 1


for subject, label in [(NoArgs(), "NoArgs(1)"), (BadArgs(), "BadArgs(1)"), (Dup(), "Dup(a, b)"), (5, "int(a, b)")]:
    try:
        match subject:
            case NoArgs(a):
                pass
            case BadArgs(a):
                pass
            case Dup(a, b):
                pass
            case int(a, b):
                pass
    except TypeError as e:
        print(label, "TypeError:", e)

try:
    match 1:
        case len():
            pass
except TypeError as e:
    print("TypeError:", e)
