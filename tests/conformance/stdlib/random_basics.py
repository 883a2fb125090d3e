# random: seeded Mersenne Twister sequences must match CPython exactly.
import random

random.seed(12345)
print([random.random() for _ in range(3)])
print([random.randint(-5, 5) for _ in range(10)])
print([random.randrange(10) for _ in range(5)], [random.randrange(3, 30, 4) for _ in range(5)])
print([random.randrange(20, 0, -3) for _ in range(5)])
print(random.getrandbits(1), random.getrandbits(31), random.getrandbits(33), random.getrandbits(100), random.getrandbits(0))
items = list('abcdefghij')
random.shuffle(items)
print(items)
print(random.sample(range(10), 10), random.sample(range(10 ** 6), 6), random.sample('xyz', 0))
print(random.sample(['red', 'blue'], counts=[4, 2], k=5))
print(random.choices('abc', k=5), random.choices('abc', cum_weights=[1, 1, 10], k=4))
print(random.choice('hello'), random.choice(range(1000)), random.uniform(-1, 1))
for seed in [0, 1, -1, 2 ** 32, 2 ** 100 + 7, 3.5, True]:
    random.seed(seed)
    print(seed, random.random(), random.randint(0, 10 ** 12))
r1 = random.Random(99)
r2 = random.Random(99)
print([r1.random() for _ in range(2)] == [r2.random() for _ in range(2)], r1.randint(1, 6))
state = r1.getstate()
print(state[0], len(state[1]), state[2])
after = [r1.random() for _ in range(700)]
r1.setstate(state)
print(after == [r1.random() for _ in range(700)])
for bad in [lambda: random.randrange(0), lambda: random.randrange(5, 5), lambda: random.randrange(1, 5, 0),
            lambda: random.choice(''), lambda: random.sample([1], 2), lambda: random.choices('ab', [1], k=1),
            lambda: random.choices('ab', [0, 0]), lambda: random.getrandbits(-1), lambda: random.sample({1, 2}, 1)]:
    try:
        bad()
    except (ValueError, IndexError, TypeError) as e:
        print(type(e).__name__, e)
