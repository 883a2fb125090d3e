# split/rsplit (whitespace and separators, maxsplit), splitlines(keepends) and join.
def show(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__ + ":", e)

samples = ["", " ", "a", "  hello  world  ", "a,b,,c,", ",a,", "one two  three   four", "tab\tsep\nnew\x0bline\x0cff\x1cfs",
           "\u3000ideo\u00a0nbsp\u2003em ", "héllo wörld", "a\r\nb\rc\nd\n", "\n\nx\n\n", "line\u2028sep\u2029para\x85nel",
           "x--y--z", "中,文,字"]
for s in samples:
    print("==", repr(s))
    show("split()", lambda: s.split())
    show("rsplit()", lambda: s.rsplit())
    show("split(None, 1)", lambda: s.split(None, 1))
    show("rsplit(None, 1)", lambda: s.rsplit(None, 1))
    show("split(maxsplit=0)", lambda: s.split(maxsplit=0))
    show("rsplit(maxsplit=2)", lambda: s.rsplit(maxsplit=2))
    show("split(',')", lambda: s.split(","))
    show("split(',', 1)", lambda: s.split(",", 1))
    show("rsplit(',', 1)", lambda: s.rsplit(",", 1))
    show("split('--')", lambda: s.split("--"))
    show("rsplit('--', 1)", lambda: s.rsplit("--", 1))
    show("split(sep=' ')", lambda: s.split(sep=" "))
    show("splitlines()", lambda: s.splitlines())
    show("splitlines(True)", lambda: s.splitlines(True))
    show("splitlines(keepends=True)", lambda: s.splitlines(keepends=True))

print("-".join(["a", "b", "c"]), "".join([]), ", ".join(("x",)), "é".join("abc"), "|".join(["", ""]))
print(" ".join(map(str, range(5))), "".join(list("héllo")), "--".join(dict.fromkeys(["k1", "k2"])))
words = ["alpha", "beta"]
print(" ".join(words) is not words[0], "".join(words[:1]) is words[0])
show("join int", lambda: " ".join([1, 2]))
show("join mixed", lambda: " ".join(["a", 2, "c"]))
show("join not iterable", lambda: " ".join(5))
show("join None", lambda: "".join(None))
show("split empty sep", lambda: "a".split(""))
show("rsplit empty sep", lambda: "a".rsplit(""))
show("split bad sep", lambda: "a".split(1))
show("split too many", lambda: "a".split(",", 1, 2))
show("split bad kw", lambda: "a".split(foo=1))
show("split twice", lambda: "a".split(",", sep=","))
show("split bad maxsplit", lambda: "a".split(maxsplit="x"))
show("splitlines bad", lambda: "a".splitlines(1, 2))
show("splitlines float", lambda: "a".splitlines(1.5))
show("join no args", lambda: "".join())
