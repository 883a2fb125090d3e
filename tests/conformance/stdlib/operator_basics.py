# operator: function forms of the operators, itemgetter/attrgetter/methodcaller.
import operator
from operator import itemgetter, attrgetter, methodcaller

print(operator.add(1, 2), operator.sub(5, 3), operator.mul(4, 3), operator.truediv(7, 2))
print(operator.floordiv(7, 2), operator.mod(7, 3), operator.pow(2, 10), operator.neg(5))
print(operator.pos(-5), operator.abs(-3), operator.eq(1, 1), operator.ne(1, 2))
print(operator.lt(1, 2), operator.le(2, 2), operator.gt(1, 2), operator.ge(3, 2))
print(operator.not_(0), operator.truth([]), operator.is_(None, None), operator.is_not(1, None))
print(operator.contains([1, 2], 2), operator.getitem('abc', 1), operator.index(7))
print(operator.concat([1], [2]), operator.concat('a', 'b'))
print(operator.and_(12, 10), operator.or_(12, 10), operator.xor(12, 10), operator.invert(5))
print(operator.lshift(1, 4), operator.rshift(32, 2), operator.inv(0))
print(operator.countOf([1, 2, 1], 1), operator.indexOf('abc', 'c'))
d = {}
operator.setitem(d, 'k', 1)
print(d)
operator.delitem(d, 'k')
print(d)
lst = [1]
print(operator.iadd(lst, [2]) is lst, lst)
print(operator.iadd(1, 2), operator.isub(5, 1), operator.imul('a', 3), operator.ior(1, 2))
print(operator.__add__(2, 3), operator.__getitem__([5], 0))
try:
    operator.index(1.5)
except TypeError as e:
    print('TypeError', e)
try:
    operator.concat(1, 2)
except TypeError as e:
    print('TypeError', e)

rows = [('b', 2), ('a', 3), ('c', 1)]
print(sorted(rows, key=itemgetter(1)))
print(itemgetter(1, 0)(('x', 'y')), itemgetter(slice(1, None))('abc'))
print(repr(itemgetter(1)), repr(itemgetter('a', 'b')))
print(list(map(itemgetter('k'), [{'k': 1}, {'k': 2}])))


class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y
        self.inner = self if x == 0 else Point(0, 0)

    def scale(self, f, offset=0):
        return (self.x * f + offset, self.y * f + offset)

p = Point(1, 2)
print(attrgetter('x')(p), attrgetter('x', 'y')(p), attrgetter('inner.x')(p))
print(repr(attrgetter('x')), repr(attrgetter('x', 'inner.y')))
try:
    attrgetter('z')(p)
except AttributeError as e:
    print('AttributeError', e)
print(methodcaller('scale', 3)(p), methodcaller('scale', 2, offset=1)(p))
print(repr(methodcaller('scale', 3, offset=1)))
print(methodcaller('upper')('abc'), methodcaller('split', ',')('a,b'))
print(operator.length_hint([1, 2, 3]), operator.length_hint(5, 7))
