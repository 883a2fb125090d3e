# printf-style str % values: every conversion, flags, width and precision (also *),
# %(key) lookups, and CPython's errors for arguments that do not fit.
def show(label, f):
    try:
        print(label, repr(f()))
    except KeyError as e:
        print(label, "KeyError", e.args)
    except Exception as e:
        print(label, type(e).__name__ + ":", e)

class I:
    def __index__(self):
        return 7
    def __repr__(self):
        return "I()"
class F:
    def __float__(self):
        return 2.5
    def __repr__(self):
        return "F()"
class N:
    def __int__(self):
        return 9
    def __repr__(self):
        return "N()"

fmts = ["%s", "%r", "%a", "%d", "%i", "%u", "%x", "%X", "%o", "%e", "%E", "%f", "%F", "%g", "%G", "%c", "%%", "%5s", "%-5s|",
        "%.2s", "%5.1s|", "%05d", "%-05d|", "%+d", "% d", "%+ d", "%#x", "%#X", "%#o", "%#08x", "%#-8x|", "%08.3f", "%-8.3f|",
        "%+.2e", "%#.0f", "%#g", "%.0g", "%10.4g", "%.3d", "%08.5d", "%x%%", "%5%", "%y", "%", "%5", "%.", "%ld", "%hi", "%Lf",
        "%*d", "%-*d|", "%.*f", "%*.*f", "%(a)s", "%(a)d %(b)s", "%s %s", "abc", "%c%c", "%3c|", "%-3c|", "%.1f%%", "%#.3x",
        "%+05.1f", "%z", "%(a)", "%(a", "%s %(a)s", "%(a)s %s"]
vals = [0, 1, -42, 255, 3.14159, -2.5, 1e20, "s", "é", "héllo", True, None, [1, 2], (1, 2), (5, 3), (5, 3, 2.71828), (),
        {"a": 1, "b": "x"}, {}, I(), F(), N(), 65, 0x10FFFF, 0x110000, -1, 10**30, float("inf"), float("nan"), (7,), ("a", "b")]
for f in fmts:
    for v in vals:
        show(repr(f) + " % " + repr(v), lambda: f % v)

print("%s is %d years and %.1f%% done" % ("Ann", 30, 99.5), "%(x)s-%(x)s" % {"x": "y"}, "%-6s|%6s|" % ("ab", "cd"))
print("%5.2f|%-8.3e|%+g|%#o|%#x" % (3.14159, 12345.678, 0.5, 8, 255), "%c%c%c" % (72, "i", 0x1F600))
