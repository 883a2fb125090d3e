# Comparison by code point, concatenation and repetition, `in`, hashing as dict keys,
# and the operator errors.
def show(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__ + ":", e)

words = ["b", "a", "", "ab", "aB", "Z", "é", "e", "中", "😀", "\uffff", "\U00010000", "a\x00", "A"]
for x in words:
    print(repr(x), [(x < y, x <= y, x == y, x != y, x > y, x >= y) for y in ("a", "é", "\U00010000")])
print("abc" + "déf", "ab" * 3, 3 * "é", "x" * 0, "x" * -2, "" * 5, "ab" * True)
print("a" in "abc", "" in "", "é" in "café", "fé" in "café", "z" in "abc", "中文" in "中文字")
d = {"key": 1, "clé": 2, "中": 3}
print(d["key"], d["clé"], d["中"], "clé" in d, hash("abc") == hash("ab" + "c"), hash("") == hash(""))
s = "x"
s += "y"
s *= 2
print(s, len(s))
show("add int", lambda: "a" + 1)
show("radd int", lambda: 1 + "a")
show("mul str", lambda: "a" * "b")
show("mul float", lambda: "a" * 1.5)
show("lt int", lambda: "a" < 1)
show("in int", lambda: 1 in "a")
show("neg", lambda: -"a")
show("sub", lambda: "a" - "b")
