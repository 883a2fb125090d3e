# center/ljust/rjust with fill characters, zfill with signs, expandtabs.
def show(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__ + ":", e)

samples = ["", "a", "ab", "abc", "héllo", "中文", "-12", "+5", "--3", "3.14", "-"]
for s in samples:
    print("==", repr(s))
    for w in (-1, 0, 3, 4, 5, 6, 7, 8, 11):
        show("w=%d" % w, lambda: (s.center(w), s.center(w, "*"), s.ljust(w, "é"), s.rjust(w, "中"), s.zfill(w)))

for s in ("a\tb\tc", "\t", "ab\tcd\tef\n\tgh\r\tij", "中\t文", "12345678\tx", "a\t\tb"):
    print(repr(s), repr(s.expandtabs()), repr(s.expandtabs(4)), repr(s.expandtabs(1)), repr(s.expandtabs(0)), repr(s.expandtabs(-2)), repr(s.expandtabs(tabsize=3)))
s = "same"
print(s.center(2) is s, s.ljust(4) is s, s.zfill(1) is s, s.expandtabs() is s)
show("center none", lambda: "a".center())
show("center 3 args", lambda: "a".center(1, "x", 3))
show("center str width", lambda: "a".center("5"))
show("center float width", lambda: "a".center(5.0))
show("center long fill", lambda: "a".center(5, "ab"))
show("center empty fill", lambda: "a".ljust(5, ""))
show("center int fill", lambda: "a".rjust(5, 1))
show("center kw", lambda: "a".center(width=5))
show("zfill none", lambda: "a".zfill())
show("zfill str", lambda: "a".zfill("5"))
show("expandtabs str", lambda: "a".expandtabs("x"))
show("expandtabs bad kw", lambda: "a".expandtabs(size=2))
