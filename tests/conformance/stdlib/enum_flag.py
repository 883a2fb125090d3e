# enum.Flag and IntFlag: auto() powers of two, | & ^ ~, pseudo-members for combinations,
# aliases for multi-bit values, membership, iteration, and the four boundaries.
from enum import CONFORM, EJECT, KEEP, STRICT, Flag, FlagBoundary, IntFlag, auto


class Perm(Flag):
    R = auto()
    W = auto()
    X = auto()
    RW = R | W


print(list(Perm), Perm.__members__, len(Perm))
print(Perm.R | Perm.X, repr(Perm.R | Perm.X), Perm.RW, Perm.R | Perm.W is Perm.RW, Perm(7), repr(Perm(0)), Perm(0))
print(Perm.R in Perm.RW, Perm.X in Perm.RW, bool(Perm.R & Perm.X), bool(Perm.RW & Perm.W), list(Perm.RW), list(Perm(0)))
print(~Perm.R, ~Perm.RW, ~Perm(0), Perm.RW ^ Perm.W, Perm.RW & Perm.W, len(Perm(7)), len(Perm(0)))
print((Perm.R | Perm.X).name, Perm(0).name, Perm(3).name, Perm(5).value, Perm(5) is Perm(5))
print(f"{Perm.RW}", f"{Perm.R | Perm.X!r}", Perm["RW"], Perm.R < Perm.W if False else "no order")
for bad in (lambda: Perm(8), lambda: Perm.R | 1, lambda: 1 in Perm.R, lambda: Perm("x")):
    try:
        bad()
    except (TypeError, ValueError) as exc:
        print(f"{type(exc).__name__}: {exc}")


class Zero(Flag):
    NONE = 0
    A = 1
    B = 2
    AB = 3


print(list(Zero), Zero(0), repr(~Zero.AB), repr(~Zero.A), repr(Zero.A & Zero.B), Zero._member_names_)


class Open(IntFlag):
    READ = 4
    WRITE = 2
    EXEC = 1


print(list(Open), Open.READ | Open.WRITE, repr(Open.READ | Open.WRITE), repr(Open(0)), Open(0))
print(repr(~Open.READ), Open.READ | 8, repr(Open.READ | 8), repr(8 | Open.READ), Open.READ + 1, Open.READ == 4)
print(repr(Open(9)), repr(Open(-1)), f"{Open.READ}", str(Open.READ | Open.EXEC), isinstance(Open.READ, int))
print(Open.READ in (Open.READ | Open.WRITE), list(Open(7)), Open(6) is (Open.READ | Open.WRITE), int(Open(6)))


class Wide(IntFlag):
    A = 1
    B = 16


print(repr(Wide(0x70)), repr(Wide(-1)), repr(~Wide.A), repr(Wide.A | 0x40))


class Conform(Flag, boundary=CONFORM):
    A = 1
    B = 2


class Eject(Flag, boundary=EJECT):
    A = 1
    B = 2


class Keep(Flag, boundary=KEEP):
    A = 1
    B = 2


print(repr(Conform(7)), repr(Conform(-1)), repr(Eject(7)), repr(Eject(-1)), repr(~Eject.A))
print(repr(Keep(7)), repr(Keep(-1)), repr(~Keep.A), repr(Keep(-9)))
print(STRICT, repr(FlagBoundary.KEEP), list(FlagBoundary), Perm._boundary_, Open._boundary_)


class Big(Flag):
    A = 1
    B = 4
    C = 32


print(list(Big), repr(Big(5)), Big.A | Big.C)
try:
    Big(2)
except ValueError as exc:
    print(exc)

try:
    class NotInt(Flag):
        A = "x"
        B = auto()
except TypeError as exc:
    print("TypeError:", exc)
