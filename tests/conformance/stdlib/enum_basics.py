# enum.Enum: members as singletons with name/value, aliases, lookup by value and name,
# iteration and len, repr/str/format, hashing, methods and properties on the class.
from enum import Enum, EnumMeta, EnumType, auto, unique


class Color(Enum):
    RED = 1
    GREEN = 2
    BLUE = 3
    CRIMSON = 1  # an alias of RED


print(list(Color), len(Color), list(reversed(Color)))
print(Color.__members__)
print([name for name, member in Color.__members__.items() if member.name != name])
print(Color(1), Color["GREEN"], Color.CRIMSON is Color.RED, Color(1) is Color.RED)
print(repr(Color.BLUE), str(Color.BLUE), f"{Color.BLUE}", f"[{Color.BLUE:>12}]", f"{Color.BLUE!r}")
print(Color.RED.name, Color.RED.value, Color.CRIMSON.name, Color.RED._name_, Color.RED._value_)
print(type(Color.RED), type(Color), EnumMeta is EnumType, isinstance(Color.RED, Color))
print(Color.RED in Color, Color.RED == Color.RED, Color.RED == 1, Color.RED != Color.GREEN)
print(hash(Color.RED) == hash("RED"), {Color.RED: "r", Color.GREEN: "g"}[Color.CRIMSON])
print(sorted(Color, key=lambda c: c.value), max(Color, key=lambda c: c.value))
print(Color, repr(Color), Color.__name__, bool(Color), bool(Color.RED))
print(dir(Color))
print(dir(Color.RED))


class Planet(Enum):
    MERCURY = (3.303e23, 2.4397e6)
    EARTH = (5.976e24, 6.37814e6)

    def __init__(self, mass, radius):
        self.mass = mass
        self.radius = radius

    @property
    def surface_gravity(self):
        return 6.673e-11 * self.mass / (self.radius * self.radius)

    def describe(self):
        return f"{self.name.title()} weighs {self.mass:.2e} kg"

    @classmethod
    def heaviest(cls):
        return max(cls, key=lambda p: p.mass)

    @staticmethod
    def unit():
        return "kg"


print(Planet.EARTH.value, Planet.EARTH.mass, round(Planet.EARTH.surface_gravity, 2))
print(Planet.MERCURY.describe(), Planet.heaviest(), Planet.unit(), Planet((3.303e23, 2.4397e6)))
print(list(Planet.__members__), dir(Planet.EARTH))


class Shape(Enum):
    SQUARE = "sq"
    CIRCLE = "ci"

    def __str__(self):
        return self.name.lower()

    def __repr__(self):
        return f"Shape({self.value!r})"


print(Shape.SQUARE, repr(Shape.CIRCLE), f"{Shape.SQUARE}", [Shape.SQUARE], Shape("ci"))


class Empty(Enum):
    def greet(self):
        return f"hello from {self.name}"


class Greeting(Empty):
    HI = 1
    HEY = 2


print(Greeting.HI.greet(), list(Empty), len(Empty), issubclass(Greeting, Empty))


class Registered(Enum):
    def __init_subclass__(cls, **kwds):
        super().__init_subclass__()
        # The members already exist when __init_subclass__ runs.
        print("registering", cls.__name__, list(cls), kwds)


class Sizes(Registered, unit="cm"):
    SMALL = 10
    LARGE = 20


class Status(Enum):
    PENDING = auto()
    DONE = auto()
    LATER = 10
    AFTER = auto()


print(list(Status), repr(auto()))


class NamedAuto(Enum):
    def _generate_next_value_(name, start, count, last_values):
        return name.lower() + str(count)

    ALPHA = auto()
    BETA = auto()


print(list(NamedAuto))


class Mixed(Enum):
    NUMBER = 1
    TEXT = "one"
    PAIR = [1, 2]  # unhashable values work too
    NOTHING = None


print(Mixed([1, 2]), Mixed(None), Mixed("one"), Mixed.PAIR.value)


class Attrs(Enum):
    name = 1
    value = 2


print(Attrs.name, Attrs.name.name, Attrs.name.value, Attrs.value.value, list(Attrs))


class Secret(Enum):
    _Secret__hidden = 5
    _ignore_ = "tmp"
    SHOWN = 1
    tmp = 2


print(list(Secret), Secret._Secret__hidden, hasattr(Secret, "tmp"))


@unique
class Fine(Enum):
    A = 1
    B = 2


print(list(Fine))

import copy
print(copy.copy(Color.RED) is Color.RED, copy.deepcopy([Color.GREEN])[0] is Color.GREEN)
