# Sorting with key functions: records (tuples) sorted by lambdas, by a named function,
# by a multi-field tuple key, reversed, and strings sorted case-insensitively by length.
# Measures sorted()/list.sort() with key= (one call per element) and tuple comparison.


def make_records(n, seed):
    names = ["ada", "Bob", "cy", "Dee", "eve", "Fay", "gus", "Hal", "ivy", "Jon"]
    recs = []
    x = seed
    for i in range(n):
        x = (x * 1103515245 + 12345) & 0x7FFFFFFF
        name = names[x % 10] + str(x % 997)
        age = 18 + (x >> 8) % 60
        score = ((x >> 4) % 10000) / 100.0
        recs.append((name, age, score, i))
    return recs


def by_score_desc(rec):
    return -rec[2]


recs = make_records(40000, 99)
checksum = 0
for rnd in range(5):
    a = sorted(recs, key=lambda r: r[1])
    b = sorted(recs, key=by_score_desc)
    c = sorted(recs, key=lambda r: (r[1], r[0].lower(), -r[3]))
    d = sorted(recs, key=lambda r: r[0], reverse=True)
    e = list(recs)
    e.sort(key=lambda r: (len(r[0]), r[0].lower()))
    checksum = (checksum + a[0][3] + b[0][3] * 3 + c[-1][3] * 7 + d[5][3] * 11 + e[123][3]) % 1000003
print("first by age:", a[0][0], "best score:", b[0][2], "last multi:", c[-1][0],
      "checksum:", checksum)
