# find/rfind/index/rindex/count with start/end in code points, startswith/endswith with
# tuples, and replace with counts.
def show(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__ + ":", e)

samples = ["", "hello world", "héllo wörld héllo", "aaaa", "中文字符串中文", "abcabcabc"]
for s in samples:
    print("==", repr(s))
    for sub in ("", "l", "o w", "é", "中文", "abc", "aa", "zz"):
        show("find " + repr(sub), lambda: (s.find(sub), s.rfind(sub), s.count(sub), sub in s))
        show("  ranges", lambda: (s.find(sub, 2), s.find(sub, -5), s.find(sub, 1, 6), s.rfind(sub, 0, 8), s.rfind(sub, -6, -1),
                                  s.count(sub, 1), s.count(sub, 2, 7), s.find(sub, 100), s.count(sub, 100), s.find(sub, None, None)))
        show("  index", lambda: (s.index(sub), s.rindex(sub)))
    show("startswith", lambda: (s.startswith("h"), s.startswith(("x", "hé", "a")), s.startswith("llo", 2), s.startswith("", 100),
                                s.startswith("", len(s)), s.startswith(()), s.startswith("wor", -11, -6)))
    show("endswith", lambda: (s.endswith("d"), s.endswith(("x", "lo", "文")), s.endswith("wo", 0, 8), s.endswith("", 5, 2), s.endswith("c", None, 3)))
    show("replace", lambda: (s.replace("l", "L"), s.replace("l", "", 1), s.replace("", "."), s.replace("", "-", 3), s.replace("aa", "b"),
                             s.replace("é", "e", -1), s.replace("中文", "zh"), s.replace("o", "0", 0), s.replace("abc", "abc")))

s = "unchanged"
print(s.replace("x", "y") is s, s.replace("u", "u", 0) is s)
print("aaa".count("aa"), "aaaa".replace("aa", "b"), "".replace("", "x"), "".replace("", "x", 0), "abc".find("c", 10**30), "abc".find("a", -10**30))
show("find none", lambda: "a".find())
show("find int", lambda: "a".find(1))
show("find bad start", lambda: "a".find("a", "x"))
show("find many", lambda: "a".find("a", 1, 2, 3))
show("find kw", lambda: "a".find(sub="a"))
show("index missing", lambda: "abc".index("d"))
show("rindex missing", lambda: "abc".rindex("a", 1))
show("count none", lambda: "a".count())
show("count int", lambda: "a".count(1))
show("startswith int", lambda: "a".startswith(1))
show("startswith tuple int", lambda: "a".startswith(("a", 1)))
show("startswith tuple int miss", lambda: "a".startswith(("b", 1)))
show("endswith list", lambda: "a".endswith(["a"]))
show("startswith none", lambda: "a".startswith())
show("replace 1 arg", lambda: "a".replace("a"))
show("replace bad count", lambda: "a".replace("a", "b", "c"))
show("replace kw", lambda: "a".replace("a", "b", count=1))
show("replace int old", lambda: "a".replace(1, "b"))
show("replace int new", lambda: "a".replace("a", 1))
show("in int", lambda: 1 in "a")
