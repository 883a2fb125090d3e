# The exceptions the math module raises, with CPython's messages: domain and range
# errors, argument counts and types, and the integer functions' checks.
import math

def attempt(label, f, *args, **kwargs):
    try:
        r = f(*args, **kwargs)
    except Exception as e:
        print(label, "->", type(e).__name__ + ":", e)
    else:
        print(label, "=", repr(r))

inf, nan = math.inf, math.nan
for name, arg in [("sqrt", -1), ("sqrt", -inf), ("log", 0), ("log", -1), ("log", 0.0), ("log", -inf), ("log", -(10 ** 400)),
                  ("log2", 0), ("log10", -2.5), ("log1p", -1), ("log1p", -2), ("exp", 1000), ("exp2", 2000), ("expm1", 1000),
                  ("cosh", 1000), ("sinh", -1000), ("acos", 2), ("asin", -1.5), ("acosh", 0.5), ("atanh", 1), ("atanh", -1),
                  ("sin", inf), ("cos", -inf), ("tan", inf), ("gamma", 0), ("gamma", -0.0), ("gamma", -1), ("gamma", -inf),
                  ("gamma", 200), ("lgamma", 0), ("lgamma", -2), ("lgamma", 1e308), ("floor", inf), ("ceil", nan),
                  ("trunc", inf), ("factorial", -1), ("factorial", 2.0), ("factorial", 10 ** 30), ("factorial", "5"),
                  ("isqrt", -1), ("isqrt", 2.0), ("ulp", "x"), ("sqrt", "x"), ("sqrt", None), ("sqrt", 1j), ("fabs", [])]:
    attempt(f"{name}({arg!r})", getattr(math, name), arg)
for name, args in [("pow", (0, -1)), ("pow", (-1, 0.5)), ("pow", (10, 400)), ("pow", (-0.0, -3)), ("fmod", (1, 0)),
                   ("fmod", (inf, 1)), ("remainder", (1, 0)), ("remainder", (inf, 2)), ("atan2", (1,)), ("copysign", (1, "x")),
                   ("ldexp", (1.0, 2.0)), ("ldexp", (1.0, 10000)), ("ldexp", (1.5, "x")), ("ldexp", (1e308, 10 ** 30)),
                   ("log", ()), ("log", (1, 2, 3)), ("log", (2, 1)), ("log", (1, "a")), ("log", ("a",)), ("log", (10, 0)),
                   ("nextafter", (1,)), ("sqrt", ()), ("sqrt", (1, 2)), ("comb", (5,)), ("comb", (-1, 2)), ("comb", (5, -2)),
                   ("comb", (1.0, 2)), ("comb", (10 ** 20, 10 ** 19)), ("perm", (-1,)), ("perm", (5, -1)), ("perm", (-3, 1)),
                   ("perm", (1, 2, 3)), ("perm", (10 ** 20, 10 ** 19 + 2 ** 63)), ("gcd", (2.0,)), ("gcd", (1, "x")),
                   ("lcm", (0, "x")), ("lcm", (1.5,)), ("dist", ((1, 2), (1, 2, 3))), ("dist", (1, 2)),
                   ("dist", ((1, "a"), (1,))), ("dist", ((1, "a"), (1, 2))), ("fsum", (1,)), ("fsum", ([1, "a"],)),
                   ("fsum", ([inf, -inf],)), ("fsum", ([1e308, 1e308],)), ("fsum", ([inf, nan, -inf],)),
                   ("hypot", ("a",)), ("hypot", (1, "a")), ("prod", ([1, 2], 3)), ("prod", ()), ("prod", ([1, "a"],)),
                   ("isclose", (1,)), ("isclose", ("a", 1)), ("isfinite", ()), ("degrees", ("x",))]:
    attempt(f"{name}{args!r}", getattr(math, name), *args)
attempt("sqrt(x=1)", math.sqrt, x=1)
attempt("log(x=1)", math.log, x=1)
attempt("gcd(a=1)", math.gcd, a=1)
attempt("hypot(x=1)", math.hypot, x=1)
attempt("isclose(1, 2, rel_tol=-1)", math.isclose, 1, 2, rel_tol=-1)
attempt("isclose(1, 2, abs_tol=-1e-9)", math.isclose, 1, 2, abs_tol=-1e-9)
attempt("isclose(1, 2, 3)", math.isclose, 1, 2, 3)
attempt("isclose(1, 2, tol=3)", math.isclose, 1, 2, tol=3)
attempt("prod([1], begin=2)", math.prod, [1], begin=2)
attempt("math.foo", getattr, math, "foo")
