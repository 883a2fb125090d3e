# The protocols int(), float(), round(), divmod(), pow() and bin() dispatch to, and
# subclasses of int and float.
class Idx:
    def __init__(self, v):
        self.v = v
    def __index__(self):
        return self.v

class IntOnly:
    def __int__(self):
        return 42

class FloatOnly:
    def __float__(self):
        return 2.5

class Rounder:
    def __round__(self, ndigits=None):
        return ("rounded", ndigits)

class Pair:
    def __init__(self, v):
        self.v = v
    def __divmod__(self, other):
        return ("divmod", self.v, other)
    def __rdivmod__(self, other):
        return ("rdivmod", other, self.v)
    def __pow__(self, exp, mod=None):
        return ("pow", self.v, exp, mod)

print(int(Idx(7)), int(IntOnly()), float(FloatOnly()), float(Idx(2 ** 60)))
print(bin(Idx(5)), oct(Idx(-9)), hex(Idx(2 ** 70)), round(2.5, Idx(0)), round(1234, Idx(-2)))
print(round(Rounder()), round(Rounder(), 3), round(Rounder(), None))
print(divmod(Pair(1), 5), divmod(5, Pair(2)), pow(Pair(3), 2), pow(Pair(3), 2, 7))
print([10, 20, 30][Idx(1)], (1, 2, 3)[Idx(-1)], list(range(Idx(3))), "abcdef"[Idx(1):Idx(4)])
print([1, 2, 3][10 ** 20:], [1, 2, 3][:-10 ** 20], [1, 2, 3][::10 ** 20], "abc"[-10 ** 30:])

class MyInt(int):
    def __repr__(self):
        return "MyInt(" + int.__repr__(self) + ")"

class MyFloat(float):
    pass

m = MyInt(5)
big = MyInt(2 ** 70)
print(m, big, repr(m), str(m), m + 1, type(m + 1), -m, type(-m), type(+m), abs(MyInt(-3)), type(abs(MyInt(-3))))
print(MyInt(), MyInt("ff", 16), MyInt(3.9), MyInt(True), isinstance(m, int), m == 5, hash(m) == hash(5))
print(int(m), type(int(m)), int(big) == 2 ** 70, type(int(big)), float(m), round(m), type(round(m)), bin(m))
print(m.bit_length(), big.bit_length(), m.real, type(m.real), m.numerator, m.denominator, m.conjugate())
print(type(MyInt.from_bytes([1, 0])), MyInt.from_bytes([1, 0]), divmod(MyInt(7), 2), MyInt(7) // 2, 7 ** MyInt(2))
f = MyFloat("2.5")
print(f, repr(f), type(f), f + 1, type(f + 1), float(f), type(float(f)), MyFloat(), MyFloat(7), round(f))
print(type(MyFloat.fromhex("0x1p1")), MyFloat.fromhex("0x1p1"), f.is_integer(), f.as_integer_ratio(), f.hex())
print(isinstance(True, int), int.__add__(2, 3), int.__add__(2, 3.0), float.__add__(2.0, 3), float.__radd__(2.0, 3))
print((5).__index__(), (2 ** 70).__index__(), int.__index__(True), type(int.__index__(True)))
print((5).to_bytes is not None, int.from_bytes([0, 0, 1], "big"), int.from_bytes(range(3), "little"))
print(True + True, True * 2.5, -True, ~True, True << 3, True / 2, True // 2, True % 2, True ** 10)
print(True & True, True | False, False ^ True, True & 2, 3 | False, type(True & 1), type(False ^ False))
print(format(True), format(True, "d"), format(m), format(m, "d"), format(big, ","), format(f), format(f, ".3f"))
print(format(2 ** 100, "x"), format(-(2 ** 70), "_"), f"{2 ** 64:>25,}", f"{0.5:.0f}", (5).__format__(""), (2.5).__format__(""))
