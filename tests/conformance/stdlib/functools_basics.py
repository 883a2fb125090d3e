# functools: wraps, partial, reduce, total_ordering, cmp_to_key, lru_cache, cache,
# cached_property, singledispatch.
import functools
from functools import (wraps, partial, reduce, total_ordering, cmp_to_key, lru_cache,
                       cache, cached_property, singledispatch, update_wrapper)

print(functools.WRAPPER_ASSIGNMENTS)
print(functools.WRAPPER_UPDATES)


def deco(fn):
    @wraps(fn)
    def wrapper(*args, **kwargs):
        return fn(*args, **kwargs) * 2
    return wrapper


@deco
def area(w: int, h: int = 1) -> int:
    return w * h

area.unit = 'm2'
print(area.__name__, area.__qualname__, area.__module__, area.__annotations__)
print(area(3, 4), area.__wrapped__(3, 4), area.unit)


def tagged(fn):
    fn.tag = 'T'
    return fn


@tagged
def base():
    pass


def outer():
    pass

update_wrapper(outer, base)
print(outer.__name__, outer.tag, outer.__wrapped__ is base)


def power(base, exp, *, mod=None):
    r = base ** exp
    return r % mod if mod else r

sq = partial(power, exp=2)
print(sq(5), sq(7, mod=10), sq.func is power, sq.args, sq.keywords)
p2 = partial(partial(power, 2), 10)
print(p2(), p2.args, p2.func is power)
print(repr(partial(power, 1, mod=3)).startswith('functools.partial(<function power at '))
print(repr(partial(power, 1, mod=3)).endswith('>, 1, mod=3)'))
try:
    partial(3)
except TypeError as e:
    print('TypeError', e)

print(reduce(lambda a, b: a + b, [1, 2, 3, 4]))
print(reduce(lambda a, b: a * b, [], 1))
print(reduce(lambda a, b: a + b, ['x'], 'y'))
try:
    reduce(lambda a, b: a + b, [])
except TypeError as e:
    print('TypeError', e)


@total_ordering
class Version:
    def __init__(self, n):
        self.n = n

    def __eq__(self, other):
        return self.n == other.n

    def __lt__(self, other):
        return self.n < other.n

a, b = Version(1), Version(2)
print(a < b, a <= b, a > b, a >= b, b >= a, a <= Version(1), a >= Version(1))


@total_ordering
class Rev:
    def __init__(self, n):
        self.n = n

    def __eq__(self, other):
        return self.n == other.n

    def __gt__(self, other):
        return self.n > other.n

print(Rev(1) < Rev(2), Rev(2) <= Rev(2), Rev(3) >= Rev(4))
try:
    @total_ordering
    class Nothing:
        pass
except ValueError as e:
    print('ValueError', e)


def compare_len(x, y):
    return len(x) - len(y)

print(sorted(['ccc', 'a', 'bb', 'dddd', 'e'], key=cmp_to_key(compare_len)))
print(sorted([3, 1, 2], key=cmp_to_key(lambda x, y: y - x)))

calls = []


@lru_cache(maxsize=2)
def slow(n):
    calls.append(n)
    return n * n

print(slow(1), slow(2), slow(1), slow(3), slow(2))
print(calls)
print(slow.cache_info())
info = slow.cache_info()
print(info.hits, info.misses, info.maxsize, info.currsize)
slow.cache_clear()
print(slow.cache_info())
print(slow.__name__, slow.__wrapped__(4))


@lru_cache
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)

print(fib(60), fib.cache_info())


@cache
def fact(n):
    return 1 if n <= 1 else n * fact(n - 1)

print(fact(20), fact.cache_info())


@lru_cache(maxsize=None, typed=True)
def ident(x):
    calls.append(('ident', x))
    return x

ident(1)
ident(1.0)
ident(1)
print(ident.cache_info(), ident.cache_parameters())


class Circle:
    def __init__(self, r):
        self.r = r

    @cached_property
    def area(self):
        print('computing area')
        return 3 * self.r * self.r

c = Circle(2)
print(c.area, c.area, 'area' in c.__dict__)
del c.area
print(c.area)
print(type(Circle.area).__name__)


@singledispatch
def describe(x):
    return 'object %r' % (x,)


@describe.register
def _(x: int):
    return 'int %d' % x


@describe.register(list)
def _(x):
    return 'list of %d' % len(x)


def describe_str(x):
    return 'str ' + x

describe.register(str, describe_str)


class MyInt(int):
    pass

print(describe(3), describe(MyInt(4)), describe([1, 2]), describe('s'), describe(2.5))
print(describe(True))
print(describe.dispatch(bool) is describe.registry[int])
print(sorted(k.__name__ for k in describe.registry))
try:
    describe()
except TypeError as e:
    print('TypeError', e)
