# Case conversion with full Unicode mappings: Latin-1, Greek (final sigma), Cyrillic,
# German sharp s, ligatures, titlecase digraphs, Turkish dotted I.
def show(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__ + ":", e)

samples = ["", "hello world", "HELLO WORLD", "Hello World", "hELLO wORLD", "straße", "STRASSE", "ﬁnance ﬂow ﬀ", "ǅemal ǆ Ǆ ǉ ǈ",
           "İstanbul ı I i", "ΣΑΣ ΑΣ Σ", "ὈΔΥΣΣΕΎΣ", "ΌΣΟΣ σοφός", "Σ.Σ", "aΣ", "aΣb", "aΣ'", "A'Σ", "приВЕТ мир", "ÀÉÎÕÜ àéîõü ÿŸ",
           "ß", "ŉ", "ǰ", "ΐ", "ﬆ", "ẞ", "µ", "ſ", "ͅ", "123 abc-DEF_ghi", "they're bill's friends", "o'neil mcDONALD", "3rd 4TH",
           "ǲǳǱ", "Ⅻ ⅻ", "ⓐⒶ", "ａｂｃ ＡＢＣ", "𐐨𐐀", "\u0130\u0049\u0069\u0131", "ꭰꭱ Ᏸ", "ŉ's"]
for s in samples:
    print("==", repr(s))
    show("upper", lambda: s.upper())
    show("lower", lambda: s.lower())
    show("casefold", lambda: s.casefold())
    show("capitalize", lambda: s.capitalize())
    show("title", lambda: s.title())
    show("swapcase", lambda: s.swapcase())
    show("lengths", lambda: (len(s), len(s.upper()), len(s.lower()), len(s.casefold())))

show("upper arg", lambda: "a".upper(1))
show("lower kw", lambda: "a".lower(x=1))
show("title arg", lambda: "a".title(None))
