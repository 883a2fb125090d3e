# Closures and higher-order functions: counters built from nonlocal cells, function
# composition, a decorator that counts calls, map/filter with lambdas and a hand-written
# reduce. Measures closure cell reads/writes, calls through function objects and *args.


def make_counter(step):
    total = 0

    def bump(k):
        nonlocal total
        total += k * step
        return total

    return bump


def compose(*fns):
    def composed(x):
        for f in reversed(fns):
            x = f(x)
        return x
    return composed


def counted(fn):
    def wrapper(*args):
        wrapper.calls += 1
        return fn(*args)
    wrapper.calls = 0
    return wrapper


def reduce(fn, items, acc):
    for item in items:
        acc = fn(acc, item)
    return acc


@counted
def mix(a, b):
    return (a * 31 + b) % 1000003


adders = [(lambda d: (lambda x: x + d))(d) for d in range(10)]
pipeline = compose(lambda x: x * 3, lambda x: x - 1, adders[7], lambda x: x % 10007)
counters = [make_counter(s) for s in range(1, 6)]
acc = 0
for i in range(500000):
    acc = mix(acc, pipeline(i))
    counters[i % 5](i % 13)
evens = list(map(lambda x: x * x, filter(lambda x: x % 2 == 0, range(1000000))))
folded = reduce(lambda a, b: (a ^ b) & 0xFFFFF, evens, 0)
print("acc", acc, "calls", mix.calls, "counters", [c(0) for c in counters], "folded", folded)
