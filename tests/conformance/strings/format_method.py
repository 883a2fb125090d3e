# str.format and str.format_map: automatic and manual numbering, keyword fields,
# attribute and index lookups, conversions, nested specs, and every parse error.
def show(label, f):
    try:
        print(label, repr(f()))
    except KeyError as e:
        print(label, "KeyError", e.args)
    except Exception as e:
        print(label, type(e).__name__ + ":", e)

class P:
    x = 5
    def __init__(self):
        self.name = "pt"
    def __repr__(self):
        return "P()"
    def __str__(self):
        return "p-str"
    def __format__(self, spec):
        return "P<" + spec + ">"

fmts = ["{}", "{0}", "{0}{1}", "{}{}", "{1}{0}", "{a}", "{a.x}", "{0.name}", "{0[1]}", "{0[a]}", "{d[key]}", "{0!r}", "{0!s}",
        "{0!a}", "{0!r:>10}", "{0:>{1}}", "{0:{1}{2}}", "{:{}}", "{0:{1:{2}}}", "{{}}", "{{0}}", "{", "}", "{0", "{0!", "{0!x}",
        "{0!rr}", "{0:", "{0.}", "{0[}", "{0[0]x}", "{0]}", "{!}", "{:}", "{0:d}", "{0:5.2f}", "{x.y.z}", "{0[0][0]}", "{}{0}",
        "{0}{}", "{2}", "{a}{b}", "{ }", "{0 }", "{-1}", "{0[-1]}", "{0:%}", "{0:,}", "{é}", "x{0}y{1}z", "{0!s:*^9}", "}}{{",
        "{0:{a}}", "{0:{}}", "{:{}}{}", "{0[1]!r}", "{0.name!r:>6}"]
args_sets = [(), (1,), ("ab", 3), ("héllo", 10, "x"), ([1, 2], "k"), (P(),), (3.14159, 8, ".3")]
keywords = {"a": P(), "d": {"key": "val"}, "é": 1, "b": "B"}
for f in fmts:
    for a in args_sets:
        show(repr(f) + ".format" + repr(a), lambda: f.format(*a, **keywords))
    show(repr(f) + ".format_map", lambda: f.format_map({"a": 1, "b": 2}))

print("{0} {1} {0}".format("a", "b"), "{name:^9}".format(name="mid"), "{:08.3f}|{:+d}|{:x}".format(3.14159, 5, 255))
print("{0.real} {0.imag}".format(5), "{0[0]}{0[2]}".format("xyz"), "{k[1]}".format(k=[10, 20]))
print("{:{w}.{p}f}".format(2.718281828, w=10, p=3), "{!r:^10}".format("q"), "{0:{0}}".format(5))
print("{}".format("é"), "{:é>4}".format("x"), "{:中^7}".format("mid"))
class Missing(dict):
    def __missing__(self, key):
        return "<" + key + ">"
print("{a} {b}".format_map(Missing(a=1)))
show("format_map none", lambda: "{a}".format_map(None))
show("format_map positional", lambda: "{}".format_map({}))
show("format_map no args", lambda: "x".format_map())
show("__format__", lambda: ("abc".__format__(""), "abc".__format__(">5"), "abc".__format__("")))
show("__format__ int", lambda: "abc".__format__(1))
show("__format__ none", lambda: "abc".__format__(None))
