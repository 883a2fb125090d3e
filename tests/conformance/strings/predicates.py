# The is*() predicates over ASCII, Latin-1 and other scripts, digits of other systems,
# and identifiers.
def show(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__ + ":", e)

samples = ["", " ", "a", "A", "abc", "ABC", "Abc", "aBC", "123", "12.5", "-1", "١٢٣", "²³", "½", "Ⅻ", "一二", "٣a", "abc123", "abc 123",
           "\t\n\r\x0b\x0c\x1c\x1d\x1e\x1f", "\u3000\u00a0\u2003", "\x85", "\u200b", "héllo", "Ωmega", "ǅ", "ǅemal", "Hello World",
           "Hello world", "HELLO world", "Hello, World!", "A1b", "_", "_x1", "1x", "class", "naïve", "变量", "x-y", "x y", "$x", "ℌ",
           "\x00", "\x7f", "\xa0", "\xad", "é\u0301", "🙂", "\U0001F600x", "ﬁ", "ǈ"]
for s in samples:
    print("==", repr(s))
    show("digit decimal numeric", lambda: (s.isdigit(), s.isdecimal(), s.isnumeric()))
    show("alpha alnum", lambda: (s.isalpha(), s.isalnum()))
    show("space", lambda: s.isspace())
    show("upper lower title", lambda: (s.isupper(), s.islower(), s.istitle()))
    show("identifier", lambda: s.isidentifier())
    show("printable ascii", lambda: (s.isprintable(), s.isascii()))

show("isdigit arg", lambda: "a".isdigit(1))
show("isascii kw", lambda: "a".isascii(x=1))
