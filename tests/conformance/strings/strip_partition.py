# strip/lstrip/rstrip with and without chars, partition/rpartition and
# removeprefix/removesuffix.
def show(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__ + ":", e)

samples = ["", "   ", "  hi  ", "\t\n hi \r\x0b\x0c", "\u3000\u00a0wide\u2003", "xxhixx", "héllo", "ababXbaba", "a=b=c", "中文中"]
for s in samples:
    print("==", repr(s))
    show("strip", lambda: (s.strip(), s.lstrip(), s.rstrip()))
    show("strip(None)", lambda: (s.strip(None), s.lstrip(None), s.rstrip(None)))
    show("strip x", lambda: (s.strip("x"), s.lstrip("x"), s.rstrip("x")))
    show("strip ab", lambda: (s.strip("ab"), s.lstrip("ba"), s.rstrip("ab")))
    show("strip é中h", lambda: (s.strip("é中h"), s.lstrip("hé"), s.rstrip("ollé")))
    show("strip ''", lambda: s.strip(""))
    show("partition =", lambda: s.partition("="))
    show("rpartition =", lambda: s.rpartition("="))
    show("partition ab", lambda: (s.partition("ab"), s.rpartition("ab")))
    show("partition é", lambda: (s.partition("é"), s.rpartition("l")))
    show("removeprefix", lambda: (s.removeprefix("xx"), s.removeprefix(""), s.removeprefix("hé"), s.removeprefix(s)))
    show("removesuffix", lambda: (s.removesuffix("xx"), s.removesuffix(""), s.removesuffix("lo"), s.removesuffix(s)))

s = "keep"
print(s.strip() is s, s.strip("z") is s, s.removeprefix("z") is s, s.partition("z")[0] is s, s.rpartition("z")[2] is s)
show("strip int", lambda: "a".strip(1))
show("lstrip 2 args", lambda: "a".lstrip("a", "b"))
show("strip kw", lambda: "a".strip(chars="a"))
show("partition empty", lambda: "a".partition(""))
show("rpartition empty", lambda: "a".rpartition(""))
show("partition int", lambda: "a".partition(1))
show("partition none", lambda: "a".partition())
show("removeprefix int", lambda: "a".removeprefix(1))
show("removesuffix none", lambda: "a".removesuffix(None))
