# The functional API of enum: Enum('Name', names) with a string, a list of names, pairs or
# a mapping, start=, type= mixins, and IntEnum/Flag created the same way.
from enum import Enum, Flag, IntEnum, StrEnum

Animal = Enum("Animal", "ANT BEE CAT")
print(Animal, list(Animal), Animal.BEE.value, Animal(3))
print(list(Enum("Comma", "a, b,c")), list(Enum("FromList", ["x", "y"], start=0)))
print(list(Enum("Pairs", [("ONE", 1), ("TEN", 10)])), list(Enum("Mapping", {"A": "a", "B": "b"})))
Level = IntEnum("Level", "LOW HIGH")
print(list(Level), Level.HIGH + 1, str(Level.LOW))
Bits = Flag("Bits", "A B C")
print(list(Bits), Bits.A | Bits.C, Bits(6))
Tone = StrEnum("Tone", "SOFT LOUD")
print(list(Tone), Tone.SOFT == "soft")
Mixed = Enum("Mixed", "P Q", type=int)
print(list(Mixed), Mixed.Q + 1, Mixed.__mro__)
Qual = Enum("Qual", "Z", qualname="Outer.Qual")
print(Qual.__qualname__, Qual.Z)
try:
    Animal("New", "X Y")
except TypeError as exc:
    print("TypeError:", exc)
