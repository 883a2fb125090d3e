# str positions count code points: indexing, slicing with steps, iteration and len on
# ASCII, Latin-1, CJK and astral text; one-character strings are shared singletons.
def show(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__ + ":", e)

samples = ["", "a", "hello", "héllo wörld", "中文字符串测试", "🙂a🙃b😀", "mixed é 中 🙂 end", "x" * 40 + "é" + "y" * 40]
for s in samples:
    print("==", repr(s), len(s))
    show("first/last", lambda: (s[0], s[-1]))
    show("middle", lambda: s[len(s) // 2])
    show("slices", lambda: (s[1:], s[:-1], s[2:5], s[-3:], s[1:100], s[5:2], s[-100:2]))
    show("steps", lambda: (s[::2], s[1::3], s[::-1], s[::-2], s[-2::-3], s[10:2:-2]))
    show("iter", lambda: list(s)[:6])
    show("index all", lambda: "".join([s[i] for i in range(len(s))]) == s)
    show("negative all", lambda: "".join([s[-i - 1] for i in range(len(s))]) == s[::-1])

long = "αβγδε" * 1000 + "END"
print(len(long), long[4999], long[5000:], long[-4:], long[2500:2505], long[::1000])
print(long.find("END"), long.find("γ", 4000), long.rfind("α", 0, 10), long.index("ε", 4997))
print(long.count("β"), long.count("αβ", 100, 200), long.startswith("γδ", 2), long.endswith("εE", 0, 5002))

s = "abcdefghij"
e1, e2, empty = "é", "héllo", ""
print(s[0] is s[0], s[-1] is s[9], e1[0] is e2[1], s[0:0] is empty, s[:] is s, (s * 1) is s)
print([c for c in "añ😀"], list(iter("")), len("\U0001F600"), "a\u0301" == "á", len("a\u0301"))

show("out of range", lambda: s[10])
show("negative out of range", lambda: s[-11])
show("str index", lambda: s["1"])
show("float index", lambda: s[1.0])
show("None index", lambda: s[None])
show("zero step", lambda: s[::0])
show("bad slice", lambda: s["a":])
show("bool index", lambda: (s[True], s[False:True]))
show("assign", lambda: s.__setitem__(0, "x"))
show("big slice bounds", lambda: (s[-10**30:10**30], s[10**30:]))
