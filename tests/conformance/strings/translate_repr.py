# maketrans/translate, repr and ascii() escaping (quotes, controls, non-printable
# and non-ASCII characters), str() of objects.
def show(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__ + ":", e)

t = str.maketrans("abc", "xyz", "d")
print(t, "abcd-abcd".translate(t))
print("héllo".translate({ord("é"): "e", ord("l"): None, ord("o"): "0o"}), "abc".translate({97: 98}), "abc".translate(["x"]))
print("abc".translate("xyz"), "ab".translate({}), str.maketrans({"a": "b", 99: None}), "x".maketrans("a", "b"))
show("maketrans none", lambda: str.maketrans())
show("maketrans 1 non-dict", lambda: str.maketrans(1))
show("maketrans lengths", lambda: str.maketrans("ab", "c"))
show("maketrans key len", lambda: str.maketrans({"ab": 1}))
show("maketrans key type", lambda: str.maketrans({1.5: 1}))
show("maketrans arg3", lambda: str.maketrans("a", "b", 1))
show("maketrans arg2", lambda: str.maketrans(1, 2))
show("maketrans arg1", lambda: str.maketrans(1, "a"))
show("translate int", lambda: "a".translate(1))
show("translate range", lambda: "abc".translate({97: 0x110000}))
show("translate negative", lambda: "abc".translate({97: -1}))
show("translate float", lambda: "abc".translate({97: 1.5}))

samples = ["", "plain", "it's", 'say "hi"', "both ' and \"", "back\\slash", "tab\tnew\nret\r", "\x00\x01\x1f\x7f", "\x80\x9f\xa0\xad\xff",
           "é ñ ü", "中文", "\u200b\u200e\u2028\u2029\ufeff", "\ud800", "\U0001F600", "\U000E0001", "\u0378", "\ue000", "\U0010FFFF", "a\u0301"]
for s in samples:
    print(repr(s), ascii(s), len(repr(s)), str(s) == s)
print(repr(["é", "x\n"]), ascii(["é", "x\n"]), ascii(1.5), ascii(None), ascii({"ü": "ÿ"}))
print(str(), str(5), str("x"), str(object="y"), str([1, "a"]), str(None), str(1.0), str(-0.0), str(True), str((1, "é")))
show("str bad kw", lambda: str(b=1))
show("str too many", lambda: str(1, 2, 3, 4))
show("str encoding int", lambda: str(1, 2))
show("str decode str", lambda: str("a", "utf-8"))
show("str decode int", lambda: str(1, "utf-8"))
show("str encoding only", lambda: str(encoding="x"))
class BadStr:
    def __str__(self):
        return 5
show("bad __str__", lambda: str(BadStr()))
class MyStr(str):
    pass
m = MyStr("héllo")
print(m, type(m).__name__, m.upper(), type(m.upper()).__name__, m + "!", len(m), m[1], str(m), type(str(m)).__name__, m == "héllo")
print(hash(m) == hash("héllo"), isinstance(m, str), repr(m), MyStr(), repr(MyStr(5)), type(MyStr(5)).__name__)
print(type(iter("abc")).__name__, type(iter("é")).__name__, list(iter("ab")))
