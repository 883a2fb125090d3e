# enum errors with CPython's messages: bad lookups, reassigning or deleting members,
# setting name/value, duplicate names, @unique, reserved names, _order_, extending enums,
# a data type after the enum, and _missing_ (its result, its exceptions and their context).
from enum import Enum, IntEnum, unique


class Color(Enum):
    RED = 1
    GREEN = 2


def attempt(action):
    try:
        action()
    except Exception as exc:
        print(f"{type(exc).__name__}: {exc}")


attempt(lambda: Color(9))
attempt(lambda: Color("RED"))
attempt(lambda: Color["PINK"])
attempt(lambda: Color())
attempt(lambda: setattr(Color, "RED", 3))
attempt(lambda: delattr(Color, "GREEN"))
attempt(lambda: setattr(Color.RED, "value", 5))
attempt(lambda: setattr(Color.RED, "name", "x"))
attempt(lambda: delattr(Color.RED, "value"))
attempt(lambda: Color.RED < Color.GREEN)
attempt(lambda: Color.RED + 1)
Color.extra = "fine"
print(Color.extra, list(Color))


def define(body):
    try:
        body()
    except Exception as exc:
        print(f"{type(exc).__name__}: {exc}")


def reuse():
    class Twice(Enum):
        A = 1
        A = 2


def duplicate_values():
    @unique
    class Dup(Enum):
        A = 1
        B = 1
        C = 2
        D = 2


def sunder():
    class Reserved(Enum):
        _x_ = 1


def mro_name():
    class Named(Enum):
        mro = 1


def bad_order():
    class Ordered(Enum):
        _order_ = "B A"
        A = 1
        B = 2


def extend():
    class More(Color):
        BLUE = 3


def wrong_order():
    class Backwards(Enum, int):
        A = 1


for body in (reuse, duplicate_values, sunder, mro_name, bad_order, extend, wrong_order):
    define(body)


class Ordered(Enum):
    _order_ = "A B"
    A = 1
    B = 2


print(list(Ordered))


class Lenient(Enum):
    ONE = 1
    TWO = 2

    @classmethod
    def _missing_(cls, value):
        if isinstance(value, str):
            return cls[value.upper()]
        return None


print(Lenient("one"), Lenient(2))
for value in (3, "three"):
    try:
        Lenient(value)
    except Exception as exc:
        print(f"{type(exc).__name__}: {exc} | context: {exc.__context__!r}")


class Wrong(IntEnum):
    A = 1

    @classmethod
    def _missing_(cls, value):
        return 5


try:
    Wrong(7)
except TypeError as exc:
    print(f"TypeError: {exc} | context: {exc.__context__!r}")
