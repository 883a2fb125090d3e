#!/usr/bin/env python3
"""Writes bigint_cases.inc: BigInt test cases whose expected results CPython 3.11 computes.

Run from anywhere: python3 tests/unit/objects/gen_bigint_cases.py
Every expectation comes from python3 itself; the .inc file is never edited by hand.
Operands and results are decimal text; bigint_test.cpp parses them with BigInt::parse.
"""
import os
import random
import sys

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "bigint_cases.inc")
sys.set_int_max_str_digits(0)  # the huge operands are longer than the 4300-digit default

rng = random.Random(20240611)


def rand_int(max_digits, min_digits=1):
    n = rng.randint(min_digits, max_digits)
    v = rng.randrange(10 ** (n - 1), 10 ** n)
    return -v if rng.random() < 0.5 else v


def from_words(words):
    """A value from 32-bit words, least significant first."""
    return sum(w << (32 * i) for i, w in enumerate(words))


# Values at the edges of 32- and 64-bit arithmetic.
EDGES = [0, 1, -1, 2, -2, 3, -3, 7, -7, 10, -10,
         2**31 - 1, 2**31, -2**31, 2**32 - 1, 2**32, -2**32, 2**32 + 1,
         2**61 - 1, -(2**61 - 1), 2**61, 2**63 - 1, 2**63, -2**63, -2**63 - 1,
         2**64 - 1, 2**64, -2**64, 2**64 + 1, -(2**64 + 1), -(2**64 - 1), 10**19, 2**96 - 1]
# A smaller set for the all-pairs tables.
CORE = [0, 1, -1, -7, -2**32 - 1, 2**63, -2**63, 2**64 + 1, -(2**64 - 1), 2**96 - 1]
RANDOM = [rand_int(300) for _ in range(40)]
# Digit patterns that make Knuth's algorithm D guess high and add back.
PATTERN_WORDS = [0, 1, 0x7FFFFFFF, 0x80000000, 0xFFFFFFFE, 0xFFFFFFFF]
PATTERNS = []
for _ in range(24):
    n = rng.randint(2, 8)
    words = [rng.choice(PATTERN_WORDS) for _ in range(n)]
    words[-1] = words[-1] or 0x80000000
    PATTERNS.append(from_words(words) * rng.choice([1, -1]))
HUGE = [2**10000, 10**1000, -(3**2000), 2**4096 - 1, 7**1500, -(10**600 + 12345)]

cases = {name: [] for name in
         ("binary", "shift", "unary", "pow", "pow_mod", "from_double", "parse")}


def c_str(s):
    """A C++ string literal; octal escapes, since \\x would swallow following hex digits."""
    out = []
    for ch in s.encode("utf-8"):
        if ch in (0x22, 0x5C):
            out.append("\\" + chr(ch))
        elif 0x20 <= ch < 0x7F:
            out.append(chr(ch))
        else:
            out.append("\\%03o" % ch)
    return '"' + "".join(out) + '"'


def binary(op, a, b):
    if op == "+": r = a + b
    elif op == "-": r = a - b
    elif op == "*": r = a * b
    elif op == "//": r = a // b
    elif op == "%": r = a % b
    elif op == "&": r = a & b
    elif op == "|": r = a | b
    elif op == "^": r = a ^ b
    elif op == "cmp": r = (a > b) - (a < b)
    elif op == "/":
        try:
            r = repr(a / b)
        except OverflowError:
            r = "overflow"
    cases["binary"].append((op, str(a), str(b), str(r)))


def all_binary(a, b, ops="+ - * // % & | ^ cmp /"):
    for op in ops.split():
        if op in ("//", "%", "/") and b == 0:
            continue
        binary(op, a, b)


def unary(x):
    u = cases["unary"]
    u.append(("neg", x, str(-x)))
    u.append(("~", x, str(~x)))
    u.append(("bit_length", x, str(x.bit_length())))
    u.append(("hash", x, str(hash(x))))
    u.append(("fits_int64", x, "1" if -2**63 <= x < 2**63 else "0"))
    for base, spec in ((2, "b"), (8, "o"), (10, "d"), (16, "x")):
        u.append(("str%d" % base, x, format(x, spec)))
    try:
        u.append(("to_double", x, repr(float(x))))
    except OverflowError:
        u.append(("to_double", x, "overflow"))
    mag = abs(x)
    words = [(mag >> (32 * i)) & 0xFFFFFFFF for i in range((mag.bit_length() + 31) // 32)]
    u.append(("words", x, ",".join(map(str, words))))


# ---- binary operations ---------------------------------------------------------------
for a in CORE:
    for b in CORE:
        all_binary(a, b)
for _ in range(15):
    all_binary(rand_int(100), rand_int(100))
for _ in range(6):
    all_binary(rng.choice(RANDOM), rng.choice(RANDOM), "* // %")
for a in RANDOM[:8]:
    all_binary(a, rng.choice(EDGES))
    all_binary(rng.choice(EDGES), a)
for _ in range(40):  # division stress: patterned dividends and divisors
    a = from_words([rng.choice(PATTERN_WORDS) for _ in range(rng.randint(4, 16))]) * rng.choice([1, -1])
    b = rng.choice(PATTERNS)
    all_binary(a, b, "// % /")
for a, b, ops in [(2**10000, 10**1000, "* // %"), (7**1500, -(3**2000), "- * // % &"),
                 (-(3**2000), 10**1000 + 7, "* // % |"), (2**4096 - 1, 2**4096 - 1, "* // % cmp"),
                 (10**1000, 7**1500, "/")]:
    all_binary(a, b, ops)
all_binary(10**1000 + 1, 10**1000, "cmp")
all_binary(-(10**1000 + 1), -(10**1000), "cmp")

# True division: rounding ties, overflow and underflow (expected values are repr()).
for a, b in [(1, 3), (2, 3), (-1, 3), (1, -3), (0, -5), (0, 5), (10**400, 10**399),
             (2**1024, 2), (2**1025, 2), (2**1024 - 2**970, 1), (2**1024 - 2**970 - 1, 1),
             (2**53 + 1, 1), (2**54 + 3, 1), (2**53 + 1, 2), (1, 2**1074), (1, 2**1075),
             (3, 2**1076), (-1, 2**1076), (3, 2**1075), (1, 2**1075 - 1), (10**30, 7),
             (7**1500, 3**2000), (3**2000, 7**1500), (1, 10**400), (10**300, 10**620),
             (2**10000, 3), (3, 2**10000), (2**10000 + 1, 2**10000), (-(2**64 + 1), 2**64 - 1),
             (2**2000, 2**976), (2**2000 - 1, 2**977), (123456789 * 2**1100, 987654321 * 2**1100),
             (2**1100 + 1, 2**1100 * 3), (2**60 + 1, 2**60), (1, 2**1022 * 3)]:
    binary("/", a, b)

# ---- shifts ----------------------------------------------------------------------------
for x in CORE + [rand_int(40) for _ in range(4)] + [-(2**100), -(2**100) + 1, 2**100 - 1]:
    for n in (0, 1, 5, 31, 32, 33, 63, 64, 65, 100, 333, 1000):
        cases["shift"].append(("<<", str(x), n, str(x << n)))
        cases["shift"].append((">>", str(x), n, str(x >> n)))
for x in (1, -1, 5, -5, 2**1000, -(2**1000)):
    for n in (10**6, 2**40, 2**63):
        cases["shift"].append((">>", str(x), n, str(x >> n)))
cases["shift"].append(("<<", "1", 10000, str(1 << 10000)))
cases["shift"].append(("<<", "0", 2**63, "0"))

# ---- unary, conversions, hashing ------------------------------------------------------
for x in EDGES + RANDOM[:8] + PATTERNS[:8] + [-(3**300)]:
    unary(x)
for x in (2**10000, 7**1500):  # huge: only the cheap-to-store results
    cases["unary"].append(("bit_length", x, str(x.bit_length())))
    cases["unary"].append(("hash", x, str(hash(x))))
    cases["unary"].append(("str16", x, format(x, "x")))
for x in [2**53 + 1, 2**53 + 2, 2**53 + 3, 2**54 + 3, 2**54 + 2, -(2**54 + 6), 2**1024,
          -2**1023, 2**1024 - 2**970, 2**1024 - 2**970 - 1, -(2**1024 - 2**970 - 1),
          2**63 + 2**10, 2**63 + 2**10 + 1, 2**63 + 3 * 2**10, 2**64 + 2**11, 2**64 + 2**11 + 1,
          2**100 + 2**47, 2**100 + 2**47 + 1, 10**308, 10**309, 2**1023 * 3 // 2, 2**1025]:
    try:
        cases["unary"].append(("to_double", x, repr(float(x))))
    except OverflowError:
        cases["unary"].append(("to_double", x, "overflow"))
for x in [2**61 - 2, 2**61 + 5, -(2**61), 2**122 - 1, -(2**200 + 1), 2**61 * (2**61 - 1)]:
    cases["unary"].append(("hash", x, str(hash(x))))

# ---- powers ----------------------------------------------------------------------------
for base, exp in [(3, 1000), (-7, 77), (2, 0), (0, 0), (0, 5), (-1, 2**63 + 1), (1, 2**64 - 1),
                  (-1, 2**64 - 2), (2, 100), (10, 1000), (-2, 63), (-2, 64), (2**32, 3),
                  (12345678901234567890, 20), (10**300 + 12345, 2), (-(3**500), 3), (7, 4321)]:
    cases["pow"].append((str(base), exp, str(base ** exp)))
for _ in range(10):
    cases["pow"].append((str(rand_int(30)), rng.randint(0, 40), None))
cases["pow"] = [(b, e, r if r is not None else str(int(b) ** e)) for b, e, r in cases["pow"]]

for base, exp, mod in [(3, 1000, 10**9 + 7), (2, 10**20, 10**18 + 9), (-7, 77, 1000), (5, 0, 1),
                       (5, 0, -1), (0, 0, 7), (0, 0, -7), (2, 100, -7), (-2, 101, -13),
                       (3, 2**200, 2**521 - 1), (10**50, 10**50, -(10**40 + 3)), (-1, 3, 2**64),
                       (12, 34, 1), (12, 34, -1), (2**64, 2**64 + 1, 2**64 - 59)]:
    cases["pow_mod"].append((str(base), str(exp), str(mod), str(pow(base, exp, mod))))
for _ in range(10):
    b, e, m = rand_int(80), abs(rand_int(40)), rand_int(60)
    cases["pow_mod"].append((str(b), str(e), str(m), str(pow(b, e, m))))

# ---- from_double -----------------------------------------------------------------------
floats = [0.0, -0.0, 0.5, -0.5, 1.9999, -1.9999, 2.0**53, 2.0**63, -2.0**63, 2.0**64, -2.0**64,
          1e300, -1e300, 1.7976931348623157e308, 5e-324, 123456789.987, -9.2233720368547748e18,
          9.2233720368547748e18, 2.0**63 - 1024, 1e19, 4503599627370497.5]
floats += [rng.uniform(-1, 1) * 2.0 ** rng.randint(0, 1000) for _ in range(15)]
for f in floats:
    cases["from_double"].append((repr(f), str(int(f))))

# ---- parse -----------------------------------------------------------------------------
parse_inputs = [
    ("  -1_000 ", 10), ("0x_ff", 0), ("1__0", 10), ("_1", 10), ("0b", 0), ("010", 0), ("010", 10),
    ("0_0", 0), ("00", 0), ("0x__ff", 0), ("0xff", 16), ("0XFF", 16), ("0o17", 8), ("0o17", 0),
    ("0O17", 0), ("0b101", 2), ("0B101", 0), ("0b1", 16), ("0x", 16), ("", 10), ("   ", 10),
    ("-", 10), ("+5", 10), ("- 5", 10), ("5 ", 10), ("\t\n\v\f\r 5 \r", 10), ("1_", 10),
    ("1_2_3", 10), ("zz", 36), ("ZZ", 36), ("z", 35), ("12", 2), ("0o8", 0), ("0x1g", 0),
    ("1e5", 10), ("1.0", 10), ("\x1c1", 10), ("0b_1", 0), ("0b_", 0), ("0_b1", 0), ("0x_ff", 16),
    ("0x_ff", 10), ("-0", 10), ("-0x10", 0), ("+0o_7", 0), ("1\x002", 10), ("1", 1), ("1", 37),
    ("7", 7), ("6", 7), ("0", 0), ("-00", 0), ("09", 0), ("0_9", 0), ("9", 0), ("1_000_000", 0),
    ("0x8000000000000000", 0), ("-9223372036854775808", 10), ("18446744073709551616", 10),
    ("_", 10), ("0_", 0), ("00_0", 0), ("0x0_", 0), ("1 2", 10),
    (str(2**10000), 10), ("1" * 500, 10), (format(2**10000 - 1, "x"), 16),
    ("-" + format(3**2000, "b"), 2), ("0o" + format(7**1500, "o"), 0), ("9" * 100, 7),
]
for base in (3, 5, 7, 12, 31, 36):
    digits = "0123456789abcdefghijklmnopqrstuvwxyz"[:base]
    parse_inputs.append(("".join(rng.choice(digits) for _ in range(rng.randint(1, 200))), base))
for text, base in parse_inputs:
    try:
        value = int(text, base)
        cases["parse"].append((text, base, True, str(value)))
    except ValueError:
        cases["parse"].append((text, base, False, ""))


# ---- output ----------------------------------------------------------------------------
def write(f):
    f.write("// GENERATED by tests/unit/objects/gen_bigint_cases.py with CPython %s; do not edit.\n"
            % sys.version.split()[0])
    f.write("// Included by bigint_test.cpp, which defines the case structs.\n\n")
    f.write("static const BinaryCase kBinaryCases[] = {\n")
    for op, a, b, r in cases["binary"]:
        f.write("    {%s, %s, %s, %s},\n" % (c_str(op), c_str(a), c_str(b), c_str(r)))
    f.write("};\n\nstatic const ShiftCase kShiftCases[] = {\n")
    for op, a, n, r in cases["shift"]:
        f.write("    {%s, %s, %duLL, %s},\n" % (c_str(op), c_str(a), n, c_str(r)))
    f.write("};\n\nstatic const UnaryCase kUnaryCases[] = {\n")
    for op, x, r in cases["unary"]:
        f.write("    {%s, %s, %s},\n" % (c_str(op), c_str(str(x)), c_str(r)))
    f.write("};\n\nstatic const PowCase kPowCases[] = {\n")
    for b, e, r in cases["pow"]:
        f.write("    {%s, %duLL, %s},\n" % (c_str(b), e, c_str(r)))
    f.write("};\n\nstatic const PowModCase kPowModCases[] = {\n")
    for b, e, m, r in cases["pow_mod"]:
        f.write("    {%s, %s, %s, %s},\n" % (c_str(b), c_str(e), c_str(m), c_str(r)))
    f.write("};\n\nstatic const FromDoubleCase kFromDoubleCases[] = {\n")
    for d, r in cases["from_double"]:
        f.write("    {%s, %s},\n" % (c_str(d), c_str(r)))
    f.write("};\n\nstatic const ParseCase kParseCases[] = {\n")
    for text, base, ok, r in cases["parse"]:
        # The byte length travels with the literal so embedded NULs survive.
        f.write("    {%s, %d, %d, %s, %s},\n" % (c_str(text), len(text.encode("utf-8")), base,
                                              "true" if ok else "false", c_str(r)))
    f.write("};\n")


with open(OUT, "w") as f:
    write(f)
total = sum(len(v) for v in cases.values())
print("wrote %s: %d cases, %d bytes" % (OUT, total, os.path.getsize(OUT)))
