# enum.IntEnum and StrEnum (3.11: str() and format() are the data type's, repr the enum's),
# plain data-type mixins, and the ReprEnum rules.
from enum import Enum, IntEnum, ReprEnum, StrEnum, auto


class Priority(IntEnum):
    LOW = auto()
    MEDIUM = auto()
    HIGH = auto()


print(list(Priority), Priority.HIGH + 1, Priority.HIGH > Priority.LOW, Priority.LOW == 1)
print(str(Priority.HIGH), f"{Priority.HIGH}", f"{Priority.HIGH:>4}|", f"{Priority.HIGH:03d}", repr(Priority.HIGH))
print(Priority(2), Priority["LOW"], Priority.MEDIUM * 10, type(Priority.MEDIUM * 10), int(Priority.HIGH))
print(sorted([Priority.HIGH, Priority.LOW, 2]), hash(Priority.LOW) == hash(1), {1: "one"}[Priority.LOW])
print(isinstance(Priority.LOW, int), [1, 2, 3][Priority.LOW], "%d %s %r" % (Priority.LOW, Priority.LOW, Priority.LOW))
print(Priority.LOW in Priority, Priority.HIGH.value, Priority.HIGH.name, Priority.__mro__)


class Method(StrEnum):
    GET = auto()
    POST = auto()
    CUSTOM = "Custom-Verb"


print(list(Method), Method.GET == "get", str(Method.POST), f"{Method.POST}!", repr(Method.CUSTOM))
print(Method("get"), Method.GET.upper(), Method.GET + "/x", isinstance(Method.GET, str), len(Method.CUSTOM))
print(" ".join(Method), Method.__mro__)
try:
    class Bad(StrEnum):
        ONE = 1
except TypeError as exc:
    print("TypeError:", exc)


class Weekday(int, Enum):
    MON = 1
    TUE = 2


print(Weekday.MON, str(Weekday.TUE), f"{Weekday.TUE}", repr(Weekday.MON), Weekday.MON + Weekday.TUE, Weekday(2))


class Half(float, Enum):
    HALF = 0.5
    QUARTER = 0.25


print(Half.HALF, repr(Half.QUARTER), Half.HALF * 2, Half(0.25))


try:
    class Code(ReprEnum, int):
        pass
except TypeError as exc:
    print("TypeError:", exc)


class Http(int, ReprEnum):
    OK = 200
    NOT_FOUND = 404


print(str(Http.OK), repr(Http.NOT_FOUND), f"{Http.OK}", Http(404))


class Grade(IntEnum):
    A = 90
    B = 80

    def __str__(self):
        return f"grade {self.name}"


print(str(Grade.A), f"{Grade.B}", repr(Grade.A), Grade.A - Grade.B)
