# A lesson-sized program for the time-travel benchmark: a few small functions, a class,
# lists and dicts, about 1.5 million instructions in all.
class Counter:
    def __init__(self):
        self.counts = {}

    def add(self, word):
        self.counts[word] = self.counts.get(word, 0) + 1


def bubble_sort(items):
    items = list(items)
    for i in range(len(items)):
        for j in range(len(items) - 1 - i):
            if items[j] > items[j + 1]:
                items[j], items[j + 1] = items[j + 1], items[j]
    return items


def is_prime(n):
    if n < 2:
        return False
    d = 2
    while d * d <= n:
        if n % d == 0:
            return False
        d += 1
    return True


seed = 12345
numbers = []
for _ in range(200):
    seed = (seed * 1103515245 + 12345) % 2147483648
    numbers.append(seed % 1000)
ordered = bubble_sort(numbers)
primes = [n for n in range(20000) if is_prime(n)]
counter = Counter()
for word in "the quick brown fox jumps over the lazy dog the end".split() * 200:
    counter.add(word)
print(ordered[:5], len(primes), counter.counts["the"])
