# Differential fuzz: 400 pseudo-random strings over ASCII, Latin-1, CJK, astral, whitespace and
# cased letters through slicing and the searching/splitting/case methods (fixed seed).
seed = 12345
def rnd(n):
    global seed
    seed = (seed * 1103515245 + 12345) % 2147483648
    return seed % n
alphabet = ["a", "b", "é", "中", "😀", " ", "\t", "\u3000", "A", "Σ", "ß", "\n"]
def rstr(n):
    return "".join([alphabet[rnd(len(alphabet))] for i in range(n)])
out = []
for trial in range(400):
    s = rstr(rnd(60))
    sub = rstr(rnd(3))
    a = rnd(80) - 20
    b = rnd(80) - 20
    c = rnd(7) - 3
    if c == 0:
        c = 1
    out.append(repr((s.find(sub, a, b), s.rfind(sub, a, b), s.count(sub, a, b), s.startswith(sub, a, b), s.endswith(sub, a, b))))
    out.append(repr((s[a:b:c], s[a:b], s[a] if -len(s) <= a < len(s) else None)))
    out.append(repr((s.split(sub) if sub else s.split(), s.rsplit(sub, 2) if sub else s.rsplit(None, 2), s.replace(sub, "<>", 3), s.partition(sub or "x"))))
    out.append(repr((s.strip(), s.lstrip(sub), s.rstrip(sub), s.upper(), s.lower(), s.title(), s.swapcase(), s.splitlines(True), s.expandtabs(3))))
    out.append(repr((s.center(30, "*"), s.zfill(40), s.isalpha(), s.isspace(), s.istitle(), len(s), list(s) == [s[i] for i in range(len(s))])))
print(len(out))
for line in out:
    print(line)
