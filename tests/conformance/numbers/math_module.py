# The math module: constants, the libm functions, rounding to ints through __ceil__ /
# __floor__ / __trunc__, logarithms of huge ints, exact integer functions on big ints,
# fsum's exact rounding, hypot/dist, prod, isclose and the float neighbours.
import math

print(math.pi, math.e, math.tau, math.inf, math.nan, type(math.nan).__name__, -math.inf < 0)
print(math.__name__, repr(math.sqrt), callable(math.fsum))

print("-- libm functions")
for name in ["sqrt", "exp", "exp2", "expm1", "log1p", "cbrt", "fabs", "sin", "cos", "tan", "asin", "acos", "atan",
             "sinh", "cosh", "tanh", "asinh", "atanh", "erf", "erfc"]:
    f = getattr(math, name)
    print(name, [f(x) for x in (0.5, 0.25, 0.0, -0.0, 1e-10, 0.999)])
print("acosh", math.acosh(1), math.acosh(2.5), math.acosh(1e300), math.asinh(-1e300))
print("big", math.exp(700), math.exp(-1000), math.expm1(1e-10), math.cbrt(-27), math.cbrt(1e300), math.sqrt(2 ** 1000))
print("inf/nan", math.sqrt(math.inf), math.exp(-math.inf), math.atan(math.inf), math.tanh(-math.inf), math.sin(math.nan))
print("ints", math.sqrt(16), math.exp(True), math.cos(0), math.sqrt(2 ** 60))
print("pow", math.pow(2, 10), math.pow(2, -1), math.pow(-8, 3), math.pow(0, 0), math.pow(math.nan, 0), math.pow(1, math.nan),
      math.pow(math.inf, -1), math.pow(-math.inf, 3), math.pow(0.5, math.inf), math.pow(-1, math.inf), math.pow(-0.0, 3))
print("fmod", math.fmod(7, 3), math.fmod(-7, 3), math.fmod(7, -3), math.fmod(5.5, math.inf), math.fmod(-0.0, 1))
print("atan2", math.atan2(1, 1), math.atan2(-0.0, -1), math.atan2(0.0, -1), math.atan2(math.inf, math.inf), math.atan2(1, 0))
print("copysign", math.copysign(3, -0.0), math.copysign(-2.5, 1), math.copysign(math.inf, -1), math.copysign(1, math.nan))
print("remainder", math.remainder(10, 3), math.remainder(11, 3), math.remainder(-7.5, 2), math.remainder(5, math.inf))
print("degrees", math.degrees(math.pi), math.degrees(1), math.radians(180), math.radians(-45), math.radians(1e308))
print("classify", math.isfinite(1e308), math.isfinite(math.inf), math.isinf(-math.inf), math.isinf(1), math.isnan(math.nan), math.isnan(0))

print("-- rounding and parts")

class Price:
    def __ceil__(self):
        return "ceil!"
    def __floor__(self):
        return "floor!"
    def __trunc__(self):
        return "trunc!"

class Meters:
    def __float__(self):
        return 2.5

print(math.ceil(2.1), math.ceil(-2.1), math.ceil(5), math.ceil(True), math.ceil(1e20), math.ceil(Meters()), math.ceil(Price()))
print(math.floor(2.9), math.floor(-2.1), math.floor(-0.0), math.floor(2 ** 70), math.floor(Meters()), math.floor(Price()))
print(math.trunc(2.9), math.trunc(-2.9), math.trunc(7), math.trunc(Price()), type(math.ceil(2.0)).__name__)
print(math.frexp(8), math.frexp(-0.1), math.frexp(0.0), math.frexp(math.inf), math.frexp(5e-324), math.frexp(1e308))
print(math.ldexp(0.5, 4), math.ldexp(1, -1074), math.ldexp(1, -1080), math.ldexp(3, 0), math.ldexp(1.0, -10 ** 30),
      math.ldexp(0.0, 10 ** 30), math.ldexp(math.inf, -5), math.ldexp(-1.5, True))
print(math.modf(3.25), math.modf(-3.25), math.modf(5), math.modf(math.inf), math.modf(-math.inf), math.modf(-0.0))

print("-- logarithms")
print(math.log(math.e), math.log(1), math.log(100, 10), math.log(8, 2), math.log(2, 0.5), math.log(math.inf))
print(math.log2(8), math.log2(3), math.log2(2 ** 1100), math.log10(1000), math.log10(0.001), math.log10(10 ** 400))
print(math.log(10 ** 400), math.log(2 ** 1024), math.log(2 ** 1024 - 1), math.log(3 ** 2000, 3), math.log1p(1e-20))
print(math.log(True), math.log(2 ** 62 + 1), math.log10(2.5), math.log(1e-300))

print("-- integers")
print(math.gcd(), math.gcd(12), math.gcd(-12), math.gcd(12, 18), math.gcd(12, -18, 30), math.gcd(0, 0), math.gcd(2 ** 100, 6 ** 40))
print(math.gcd(2 ** 64 - 1, 2 ** 32 + 1), math.gcd(-2 ** 63, 2 ** 62), math.gcd(True, 4), math.gcd(3 ** 100 * 7, 3 ** 90 * 14))
print(math.lcm(), math.lcm(6), math.lcm(-6), math.lcm(4, 6), math.lcm(4, 6, 10), math.lcm(0, 5), math.lcm(-4, 6), math.lcm(2 ** 70, 3 ** 40))
print([math.isqrt(n) for n in (0, 1, 2, 3, 4, 15, 16, 17, 99, 100, 2 ** 62, 2 ** 63 - 1, 2 ** 64)])
print(math.isqrt(10 ** 100), math.isqrt(10 ** 101), math.isqrt(2 ** 200 - 1), math.isqrt(True))
print([math.factorial(n) for n in range(12)], math.factorial(30), len(str(math.factorial(1000))))
print(math.comb(52, 5), math.comb(10, 0), math.comb(10, 10), math.comb(10, 11), math.comb(0, 0), math.comb(100, 50))
print(math.comb(10 ** 20, 2), math.comb(10 ** 20, 10 ** 20 - 1), math.comb(2 ** 70, 3))
print(math.perm(10, 3), math.perm(5), math.perm(5, None), math.perm(5, 0), math.perm(5, 6), math.perm(2 ** 70, 2), math.perm(0))

print("-- sums and norms")
print(math.fsum([0.1] * 10), sum([0.1] * 10), math.fsum([1e100, 1, -1e100]), math.fsum([]), math.fsum([-0.0]))
print(math.fsum([1, 1e-16, 1e-16]), math.fsum(range(10)), math.fsum(iter([0.5, 0.25])))
print(math.fsum([1.0, 1e-16, -1e-16]), math.fsum([2.0 ** 53, 1.0, 2.0 ** -52]), math.fsum([2.0 ** 53, -0.5, -2.0 ** -54]))
print(math.fsum([math.inf, 1, 2]), math.fsum([math.inf, math.inf]), math.fsum([-math.inf, 1e308]), math.fsum([math.nan, 1]))
print(math.fsum([1e-300] * 1000), math.fsum([x / 7 for x in range(1000)]), math.fsum([(-1) ** k / (2 * k + 1) for k in range(1000)]))
print(math.hypot(), math.hypot(-3), math.hypot(3, 4), math.hypot(1, 1), math.hypot(1, 2, 3, 4), math.hypot(1e300, 1e300))
print(math.hypot(5e-324, 5e-324), math.hypot(1e-300, 1e-300), math.hypot(math.inf, math.nan), math.hypot(math.nan, 1), math.hypot(0, 0))
print(math.hypot(*[0.1] * 100), math.hypot(1.5, 2.5, 3.5), math.hypot(2 ** 60, 1), math.hypot(True, 2))
print(math.dist((0, 0), (3, 4)), math.dist([1, 2, 3], [4, 5, 6]), math.dist((1,), (5,)), math.dist((), ()), math.dist(range(3), (2, 2, 2)))
print(math.prod([]), math.prod([1, 2, 3, 4]), math.prod([1.5, 2]), math.prod(range(1, 21)), math.prod([2, 3], start=10),
      math.prod(["ab"], start=3), math.prod([2j, 3]), math.prod(iter([])), math.prod([], start="x"))

print("-- comparison and neighbours")
print(math.isclose(1, 1), math.isclose(0.1 + 0.2, 0.3), math.isclose(1e-10, 0), math.isclose(1e-10, 0, abs_tol=1e-9),
      math.isclose(100, 101, rel_tol=0.01), math.isclose(100, 102, rel_tol=0.01), math.isclose(math.inf, math.inf),
      math.isclose(math.inf, -math.inf), math.isclose(math.nan, math.nan), math.isclose(a=1, b=1.0000000001))
print(math.nextafter(1, 2), math.nextafter(1, 0), math.nextafter(0, 1), math.nextafter(0.0, -1), math.nextafter(1, 1),
      math.nextafter(math.inf, 0), math.nextafter(1.7976931348623157e308, math.inf))
print(math.ulp(1), math.ulp(-1), math.ulp(0), math.ulp(2 ** 52), math.ulp(1e308), math.ulp(1.7976931348623157e308),
      math.ulp(math.inf), math.ulp(math.nan), math.ulp(5e-324))

print("-- gamma")
print(math.gamma(1), math.gamma(5), math.gamma(11), math.gamma(20), math.gamma(23), math.gamma(math.inf), math.lgamma(1), math.lgamma(2), math.lgamma(math.inf),
      math.lgamma(-math.inf))
