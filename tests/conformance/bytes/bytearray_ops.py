# bytearray as a mutable sequence: item and slice assignment and deletion (extended slices
# too), +=, *=, the list-like methods, aliasing, and comparisons with bytes.
b = bytearray(b'hello world')
b[0] = 72
b[-1] = ord('D')
print(b)
b[0:5] = b'HOWDY'
print(b)
b[5:6] = []
print(b)
b[:0] = bytearray(b'>>')
print(b)
b[2:2] = [33, 34]
print(b)
b[::2] = bytes(len(b[::2]))
print(b)
del b[::3]
print(b)
del b[1:4]
print(b)
del b[0]
print(b, len(b))
b[1:3] = b
print(b)
b[len(b):] = range(65, 70)
print(b)

a = bytearray(b'abc')
alias = a
a += b'def'
a += bytearray(b'!')
print(a, alias is a)
a *= 2
print(a, alias is a)
a *= 0
print(a, alias is a, bool(a))
c = bytearray(b'xy') * 3
print(c, 2 * bytearray(b'z'), bytearray(b'a') + b'b', b'a' + bytearray(b'b'), type(b'a' + bytearray(b'b')))

d = bytearray(b'one')
d.append(32)
d.extend(b'two')
d.extend(bytearray(b' '))
d.extend([116, 104])
d.extend(x for x in b'ree')
d.extend(d)
print(d)
print(d.pop(), d.pop(0), d.pop(-2), d)
d.insert(0, 79)
d.insert(100, 33)
d.insert(-100, 60)
print(d)
d.remove(32)
print(d)
d.reverse()
print(d)
e = d.copy()
d.clear()
print(d, e, e is d)

print(bytearray(b'abc') == b'abc', b'abc' == bytearray(b'abc'), bytearray(b'a') < b'b', b'b' > bytearray(b'a'),
      bytearray(b'abc') != b'abd', bytearray() == bytearray(), bytearray(b'a') == 'a')
print(sorted([bytearray(b'b'), b'a', bytearray(b'c')]), max(b'abc'), min(bytearray(b'xyz')))
print(list(bytearray(b'ab')), list(reversed(bytearray(b'ab'))), 98 in bytearray(b'ab'), b'b' in bytearray(b'ab'))
print(bytearray(), bytearray(3), bytearray([1, 2]), bytearray(b'x'), bytearray(bytearray(b'y')), bytearray(range(3)))
print(bytearray(b'x').__class__, isinstance(bytearray(), bytes), repr(bytearray(b"'")))

it = iter(bytearray(b'ab'))
print(type(it).__name__, next(it), it.__length_hint__(), type(iter(b'')).__name__)
grow = bytearray(b'ab')
for x in grow:
    if len(grow) < 5:
        grow.append(x)
print(grow)
try:
    {bytearray(b'k'): 1}
except TypeError as err:
    print('TypeError:', err)
