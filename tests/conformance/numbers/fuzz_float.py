# float operations on pseudo-random doubles of every magnitude (a fixed LCG): repr and
# parsing round trips, hex/fromhex, rounding, floor division, modulo, hashing and exact
# comparison with ints. Results are folded into per-operation checksums.
seed = 987654321
def rand():
    global seed
    seed = (seed * 6364136223846793005 + 1442695040888963407) % 2 ** 64
    return seed

def a_float():
    m = rand() % 2 ** 53
    e = rand() % 700 - 350
    x = m * 2.0 ** e if e < 0 else float(m * 2 ** e) if e < 900 else 0.0
    if rand() % 2:
        x = -x
    if rand() % 11 == 0:
        x = float(rand() % 1000) / 8
    return x

sums = {}
def note(name, value):
    sums[name] = (sums.get(name, 0) * 1000003 + hash(value)) % 2 ** 61

def text(s):
    # str hashes vary per process; fold the characters instead.
    h = 0
    for c in s:
        h = (h * 131 + ord(c)) % 2 ** 61
    return h

i = 0
while i < 2000:
    x = a_float()
    y = a_float()
    note("repr", text(repr(x)))
    note("float(repr)", float(repr(x)) == x)
    note("hex", text(x.hex()))
    note("fromhex", float.fromhex(x.hex()) == x)
    note("hash", hash(x))
    note("ratio", x.as_integer_ratio())
    note("int", int(x))
    note("round0", round(x))
    n = rand() % 40 - 20
    note("roundn", round(x, n))
    note("round2", round(x / 1000, 2))
    note("add", x + y)
    note("mul", x * y)
    if y != 0:
        note("div", x / y)
        note("floordiv", x // y)
        note("mod", x % y)
        note("divmod", divmod(x, y))
    k = int(x)
    note("cmp int", (x < k, x == k, x > k, x < k + 1, x > k - 1, float(k) == x))
    note("is_integer", x.is_integer())
    if abs(y) < 64 and abs(x) < 1e30 and x > 0:
        note("pow", x ** (y / 8))
    i += 1
for k in sums:
    print(k, sums[k])
