# Dict-heavy work: count words (str keys) and residues (int keys) from a pseudo-random
# stream, then merge and rank the counts. Measures dict lookup/insert with string and
# small-int hashes, dict.get, `in`, items() iteration and dict growth.

SYLLABLES = ["ka", "lo", "mi", "ne", "ru", "sa", "to", "vi", "ze", "po", "an", "el"]


def lcg(seed):
    # A linear congruential generator (glibc constants): there is no random module to import.
    while True:
        seed = (seed * 1103515245 + 12345) & 0x7FFFFFFF
        yield seed


def make_words(count, seed):
    gen = lcg(seed)
    words = []
    for _ in range(count):
        r = next(gen)
        n = 1 + r % 3
        w = ""
        for _ in range(n):
            r //= 12
            w += SYLLABLES[r % 12]
        words.append(w)
    return words


def count_words(words):
    counts = {}
    for w in words:
        counts[w] = counts.get(w, 0) + 1
    return counts


def count_ints(n, seed):
    counts = {}
    x = seed
    for _ in range(n):
        x = (x * 1103515245 + 12345) & 0x7FFFFFFF
        key = x % 5003
        if key in counts:
            counts[key] += 1
        else:
            counts[key] = 1
    return counts


words = make_words(500000, 42)
wc = count_words(words)
ic = count_ints(1200000, 7)
# Merge: index word counts by word length, keyed by int.
by_len = {}
for w, c in wc.items():
    by_len[len(w)] = by_len.get(len(w), 0) + c
top = sorted(wc.items(), key=lambda kv: (-kv[1], kv[0]))[:3]
checksum = 0
for k, v in ic.items():
    checksum = (checksum * 31 + k * v) % 1000000007
print("distinct words:", len(wc), "top:", top, "by_len:", sorted(by_len.items()))
print("distinct ints:", len(ic), "checksum:", checksum)
