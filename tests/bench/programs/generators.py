# Generators and generator expressions: a pipeline of generator functions (source,
# filter, window, running sum), `yield from` for tree traversal, and sum/max/any over
# generator expressions. Measures generator resume/suspend and the iteration protocol.


def numbers(n, seed):
    x = seed
    for _ in range(n):
        x = (x * 1103515245 + 12345) & 0x7FFFFFFF
        yield x % 1000


def only_odd(it):
    for v in it:
        if v & 1:
            yield v


def windows(it, size):
    buf = []
    for v in it:
        buf.append(v)
        if len(buf) == size:
            yield tuple(buf)
            buf.pop(0)


def running_sum(it):
    total = 0
    for v in it:
        total += v
        yield total


def tree(depth, label):
    # A full binary tree as nested tuples: (label, left, right).
    if depth == 0:
        return None
    return (label, tree(depth - 1, label * 2), tree(depth - 1, label * 2 + 1))


def walk(node):
    if node is not None:
        yield from walk(node[1])
        yield node[0]
        yield from walk(node[2])


last = 0
for last in running_sum(max(w) - min(w) for w in windows(only_odd(numbers(600000, 3)), 4)):
    pass
squares = sum(v * v for v in numbers(300000, 11))
big = max(v for v in numbers(300000, 5) if v % 7 == 3)
has = any(v == 999 for v in numbers(300000, 1))
t = tree(17, 1)
order = 0
for i, lbl in enumerate(walk(t)):
    order = (order * 3 + lbl * (i + 1)) % 1000003
print("pipeline", last, "squares", squares, "max", big, "any", has, "inorder", order)
