# float(): from text (signs, exponents, whitespace, underscores, inf/nan in any case,
# Unicode digits), from ints exactly rounded, from floats and bools.
print(float(), float(0), float(7), float(-7), float(True), float(False), float(2.5))
print(float("1.5"), float("  -2.25  "), float("+.5"), float("5."), float("1e3"), float("1E-3"), float("-1.5e+10"))
print(float("1_000.5"), float("1.5e1_0"), float("1_2.3_4"), float("0001.5"), float(".0"), float("0."))
print(float("inf"), float("-inf"), float("+inf"), float("Infinity"), float("-INFINITY"), float("iNf"))
print(float("nan"), float("-nan"), float("NaN"), float("+nAn"))
print(float("1e500"), float("-1e500"), float("1e-500"), float("-1e-500"), float("4.9e-324"), float("2e-324"))
print(float("0.1"), float("0.30000000000000004"), float("123456789012345678901234567890"))
print(float("1.7976931348623157e308"), float("1.7976931348623158e308"), float("2.2250738585072014e-308"))
print(float("\t 3.5 \n"), float("\u0661\u0662.\u0665"), float("\u2003 7 \u3000"))
print(float(2 ** 53), float(2 ** 53 + 1), float(2 ** 53 + 3), float(10 ** 22), float(10 ** 23), float(-(2 ** 64)))
print(float(12345678901234567890123), float(2 ** 1023 * 3 // 2))
print(type(float("1")), type(float(1)), float("-0.0"), float("0e0"), float("-0"))
