# complex: literals (folded as CPython folds 3 + 4j), the constructor and its string
# forms, arithmetic mixed with int and float, repr/str, hashing, equality, format specs,
# attributes and methods, and float ** fraction of a negative number giving a complex.
z = 3 + 4j
print(z, -1j, 1.5e3j, 0j, -0j, 1e20j, 1e16j, 2j * 2, 1_0j, 010j, 1J)
print(type(z).__name__, isinstance(z, complex), isinstance(1j, (int, float)), complex.__mro__)
print(z.real, z.imag, z.conjugate(), type(z.real).__name__, z.__getnewargs__())
print((1).real, (1).imag, (5).conjugate(), True.conjugate(), (2.5).real, (2.5).imag, (2.5).conjugate())

print("-- constructor")
print(complex(), complex(1), complex(1.5, -2), complex(real=1, imag=2), complex(imag=3), complex(True, False))
print(complex(1j, 1j), complex(1 + 2j, 3 + 4j), complex(2, 1j), complex(imag=1j))
for text in ["1+2j", "  ( 1+2j )  ", "j", "-j", "+J", "1+j", "1-j", "1e3-2.5e-1J", "nan+infj", "-inf-nanj",
             "1_0+2_0j", "1e500j", "-1e-500", "infinityj", "1.j", ".5j", "1e5", "+1.5-2.5j", "\u0661\u0662j",
             "\u2003 3j \u2003"]:
    print(repr(text), "->", complex(text))

class Celsius:
    def __init__(self, degrees):
        self.degrees = degrees
    def __complex__(self):
        return complex(self.degrees, 1)

class Knots:
    def __float__(self):
        return 2.5

class Position:
    def __index__(self):
        return 7

print(complex(Celsius(20)), complex(Knots()), complex(Position(), Knots()))

class MyComplex(complex):
    def __repr__(self):
        return "MyComplex" + super().__repr__()

m = MyComplex(1, 2)
print(repr(m), m + 1, type(m + 1).__name__, type(MyComplex("3j")).__name__, complex(m), type(complex(m)).__name__)

print("-- arithmetic")
a, b = 1 + 2j, 3 - 1j
print(a + b, a - b, a * b, a / b, a ** 2, a ** -2, a ** 0.5, a ** b, -a, +a, abs(b))
print(a + 1, 1 + a, a * 2.5, 2.5 * a, a / 2, 2 / a, 2 ** a, a ** 0, 0j ** 0, 0j ** 2)
print((1 + 2j) ** 101, (1j) ** 2, 1j ** 1j, (2 + 0j) ** 0.5, (1e200 + 1e200j) ** 2)
print(abs(3 + 4j), abs(-5j), abs(complex(float("inf"), float("nan"))), abs(complex(float("nan"), 1)))
print((-8) ** (1 / 3), (-8.0) ** 0.5, (-2) ** 1.5, (-1) ** 0.5, (-1.0) ** 2.0, 2 ** 0.5j)
x = 1 + 1j
x += 1
x *= 1j
x -= 2
x /= 1 - 1j
x **= 2
print(x)

print("-- repr and str")
inf, nan = float("inf"), float("nan")
for value in [complex(0.0, -0.0), complex(-0.0, 0.0), complex(-0.0, -1), complex(nan, inf), complex(1, -nan),
              complex(-inf, -inf), complex(1e16, 1), complex(0.1, 0.2), complex(1 / 3, 2 / 3), complex(123456789, 1e-7)]:
    print(repr(value), str(value))

print("-- equality and hashing")
print(1j == 1j, 1j != 1j, complex(1, 0) == 1, 1 == complex(1, 0), complex(1, 0) == 1.0, 1.5 == complex(1.5, 0))
print(2 ** 53 + 1 == complex(2 ** 53 + 1, 0), 1j == 1, 1j == "1j", 0j == False, complex(nan, 0) == complex(nan, 0))
print(hash(1j), hash(complex(1, 0)) == hash(1), hash(complex(1.5, 0)) == hash(1.5), hash(complex(2, 3)), hash(complex(-1, 0)))
print({1: "int", complex(1, 0): "complex"}, {1j, 1j, complex(0, 1.0)}, 0j in {0}, bool(0j), bool(1e-300j), not 0j)

print("-- format")
for spec in ["", ".2f", ">20", "<20", "^20", "*^24.1e", ".3g", "g", "+", " ", "-", ",", "_.2f", "#.0f", "n", "E",
             ".0f", "12.3", "z.1f", "10"]:
    print(repr(spec), repr(format(1234.5 - 0.25j, spec)), repr(format(-0.5j, spec)))
print(f"{z}|{z:.2f}|{z:>12}|{z.real:.1f}|{z!r:>10}|{complex(-0.0, -0.0):z.1f}")
print("{0.real} {0.imag} {1:.1f} {0!s:^12}".format(3 + 4j, 1j))
print("%s %r" % (1j, 2 + 3j))
