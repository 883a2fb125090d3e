# List and dict comprehensions: a prime sieve, Pythagorean triples, a transposed
# matrix, filtered/nested comprehensions and a dict comprehension index. Measures
# comprehension frames, append in a loop, conditions inside comprehensions.


def primes_below(n):
    sieve = [True] * n
    sieve[0] = sieve[1] = False
    for i in range(2, int(n ** 0.5) + 1):
        if sieve[i]:
            sieve[i * i::i] = [False] * len(range(i * i, n, i))
    return [i for i, p in enumerate(sieve) if p]


def triples(limit):
    return [(a, b, c) for a in range(1, limit) for b in range(a, limit)
            for c in [int((a * a + b * b) ** 0.5)] if c < limit and c * c == a * a + b * b]


def transpose(m):
    return [[row[j] for row in m] for j in range(len(m[0]))]


primes = primes_below(600000)
trip = triples(1500)
grid = [[(i * j) % 17 for j in range(200)] for i in range(200)]
total = 0
for _ in range(60):
    t = transpose(grid)
    total += sum([sum([v for v in row if v % 2 == 0]) for row in t])
index = {p: i for i, p in enumerate(primes) if p % 10 == 7}
squares = [x * x for x in range(300000) if x % 3]
print("primes:", len(primes), primes[-1], "triples:", len(trip), trip[-1],
      "grid:", total, "index:", len(index), sum(index.values()) % 1000003,
      "squares:", len(squares), squares[-1])
