# Operators on pseudo-random ints and floats of many sizes (a fixed LCG, so CPython and
# Terrarium see the same operands). Results are folded into checksums per operator so a
# single wrong bit anywhere shows, without pages of output.
seed = 12345
def rand():
    global seed
    seed = (seed * 6364136223846793005 + 1442695040888963407) % 2 ** 64
    return seed

def operand():
    kind = rand() % 6
    bits = [3, 31, 63, 64, 65, 130, 700][rand() % 7]
    v = rand() % 2 ** bits if bits < 64 else rand()
    while v.bit_length() < bits:
        v = v * 2 ** 64 + rand()
    v = v % 2 ** bits
    if kind == 0:
        v = -v
    if kind == 1:
        v = v - 1
    if kind == 2:
        v = -v - 1
    return v

sums = {}
def note(name, value):
    sums[name] = (sums.get(name, 0) * 1000003 + hash(value)) % 2 ** 61

def text(s):
    # str hashes vary per process; read the text as a base-36 number instead.
    return (s[0] == "-", int(s.replace("-", ""), 36))

i = 0
while i < 1500:
    a = operand()
    b = operand()
    note("+", a + b)
    note("-", a - b)
    note("*", a * b)
    note("&", a & b)
    note("|", a | b)
    note("^", a ^ b)
    note("~", ~a)
    note("cmp", (a < b, a <= b, a == b, a != b, a > b, a >= b))
    if b != 0:
        note("//", a // b)
        note("%", a % b)
        note("divmod", divmod(a, b))
        note("/", a / b)
        note("pow3", pow(a, abs(b) % 1000, b))
    s = rand() % 200
    note("<<", a << s)
    note(">>", a >> s)
    note("**", a ** (rand() % 5))
    note("str", text(str(a)))
    note("hex", text(hex(a)))
    note("bin", text(bin(b)))
    note("int(str)", int(str(b)) == b)
    note("int(hex)", int(hex(a), 16) == a)
    if a.bit_length() < 1000:
        f = float(a)
        note("float", f)
        note("f==", (f == a, f < a, f > a, a == f + 1, a < f * 2))
        note("f+", f + 1)
        note("f/", a / (f + 0.5) if f + 0.5 != 0 else 0)
        note("int(f)", int(f))
        note("round", round(f / 3, 2))
        note("round-", round(a, -(rand() % 30)))
        note("hashf", hash(f / 7))
    i += 1
for k in sums:
    print(k, sums[k])
