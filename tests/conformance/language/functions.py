# Parameters of every kind, defaults, closures, decorators and recursion.
def describe(a, b=2, /, c=3, *args, d, e=5, **kwargs):
    return (a, b, c, args, d, e, sorted_items(kwargs))

def sorted_items(d):
    out = []
    for k in d:
        out.append((k, d[k]))
    return out

print(describe(1, d=4))
print(describe(1, 2, 3, 4, 5, d=6, e=7, z=8, y=9))

def make_counter(start):
    count = start
    def step(by=1):
        nonlocal count
        count += by
        return count
    return step

tick = make_counter(10)
print(tick(), tick(), tick(5))

def trace(fn):
    def wrapper(*args, **kwargs):
        print("calling", fn.__name__, args, kwargs)
        result = fn(*args, **kwargs)
        print("returned", result)
        return result
    return wrapper

@trace
def add(x, y=1):
    return x + y

add(2, y=3)
add(*[4, 5])
add(**{"x": 6})

def fact(n):
    return 1 if n <= 1 else n * fact(n - 1)

print(fact(10), fact(20))

def outer():
    items = []
    def push(v):
        items.append(v)
        return len(items)
    push("a"); push("b")
    return items, push.__qualname__

print(outer())
square = lambda v: v * v
print(square(7), (lambda *a, **k: (a, k))(1, 2, x=3))
print(add.__name__, describe.__defaults__, describe.__kwdefaults__ if False else "")

counter = 0
def bump():
    global counter
    counter += 1
bump(); bump()
print(counter)

def errors():
    for call in (lambda: describe(), lambda: describe(1, 2, 3), lambda: add(1, 2, 3),
                 lambda: describe(1, d=1, f=2) and make_counter(), lambda: make_counter(1, start=2)):
        try:
            call()
        except TypeError as exc:
            print("TypeError:", exc)

errors()
