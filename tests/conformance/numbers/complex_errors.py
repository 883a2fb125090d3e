# The exceptions complex numbers raise, with CPython's messages: malformed strings, bad
# constructor arguments, division by zero, ordering, operations complex lacks, overflow.
def attempt(label, f, *args):
    try:
        r = f(*args)
    except Exception as e:
        print(label, "->", type(e).__name__ + ":", e)
    else:
        print(label, "=", repr(r))

for text in ["", " ", "x", "1+2", "(1+2j", "1+2j)", "1+-2j", "1++2j", "1 + 2j", "0x10j", "1__0j", "_1j", "1j_",
             "1\x00j", "jj", "1e", "()", "(j", "nan+nanjj", "--1j"]:
    attempt(f"complex({text!r})", complex, text)
attempt("complex(1, '2')", complex, 1, "2")
attempt("complex('1', 2)", complex, "1", 2)
attempt("complex([])", complex, [])
attempt("complex(None)", complex, None)
attempt("complex(1, [])", complex, 1, [])
attempt("complex(imag='x')", lambda: complex(imag="x"))
attempt("complex(1, 2, 3)", complex, 1, 2, 3)
attempt("complex(foo=2)", lambda: complex(foo=2))
attempt("complex(1, real=2)", lambda: complex(1, real=2))
attempt("complex(2**1030)", complex, 2 ** 1030)

class Bad:
    def __complex__(self):
        return 1.5

attempt("complex(Bad())", complex, Bad())
attempt("1 / 0j", lambda: 1 / 0j)
attempt("1j / 0", lambda: 1j / 0)
attempt("1j / 0.0", lambda: 1j / 0.0)
attempt("0j ** -1", lambda: 0j ** -1)
attempt("0j ** 1j", lambda: 0j ** 1j)
attempt("0j ** -0.5", lambda: 0j ** -0.5)
attempt("(1e300+1e300j) ** 1.5", lambda: (1e300 + 1e300j) ** 1.5)
attempt("(1e300+1j) ** 2", lambda: (1e300 + 1j) ** 2)
attempt("abs(1e308+1e308j)", abs, 1e308 + 1e308j)
attempt("abs(complex(1e308, 1e308) * 2)", lambda: abs(complex(1e308, 1e308) * 2))
attempt("1j < 2j", lambda: 1j < 2j)
attempt("1j > 1", lambda: 1j > 1)
attempt("1.0 <= 1j", lambda: 1.0 <= 1j)
attempt("1j >= 'a'", lambda: 1j >= "a")
attempt("1j // 2", lambda: 1j // 2)
attempt("1j % 2", lambda: 1j % 2)
attempt("divmod(1j, 2)", divmod, 1j, 2)
attempt("1j & 1", lambda: 1j & 1)
attempt("~1j", lambda: ~1j)
attempt("1j + 'a'", lambda: 1j + "a")
attempt("1j * 2**1030", lambda: 1j * 2 ** 1030)
attempt("int(1j)", int, 1j)
attempt("float(1j)", float, 1j)
attempt("round(1j)", round, 1j)
attempt("sorted([1j, 2j])", sorted, [1j, 2j])
attempt("max(1j, 2j)", max, 1j, 2j)
attempt("(1j).conjugate(1)", lambda: (1j).conjugate(1))
attempt("(1j).real = 3", setattr, 1j, "real", 3)
attempt("(1j).foo", getattr, 1j, "foo")
for spec in ["010", "=10", "%", "d", "x", "s", ".2%", "c", "0<10", "abc"]:
    attempt(f"format(1+1j, {spec!r})", format, 1 + 1j, spec)
attempt("f'{1j:q}'", lambda: f"{1j:q}")
attempt("'{:d}'.format(1j)", "{:d}".format, 1j)
attempt("'%d' % 1j", lambda: "%d" % 1j)
attempt("'%f' % 1j", lambda: "%f" % 1j)
for args in [(1j, 2, 3), (2, 1j, 3), (2, 3, 1j), (1.5, 2, 1j), (1j, 1.5, 3), (2, 1.5, 1j), (1j, "a", 3)]:
    attempt(f"pow{args!r}", pow, *args)
