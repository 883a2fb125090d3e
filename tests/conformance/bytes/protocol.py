# bytes as a value: hashing and dict keys, comparison and sorting, iteration, `in`,
# concatenation and repetition, truth, the constructors, __bytes__, subclasses and
# conversions through str(), ord(), list() and friends.
d = {b'key': 1, 'key': 2, b'other': 3}
print(d[b'key'], d['key'], len(d), b'key' in d, hash(b'abc') == hash(b'ab' + b'c'), hash(b'') == hash(b''))
print(b'abc' == b'abc', b'abc' == 'abc', b'a' < b'b', b'a' < b'ab', b'\xff' > b'\x00', b'Z' < b'a', b'' < b'\x00')
print(sorted([b'b', b'a', b'ab', b'\xff', b'']), sorted(b'hello'), sorted(set(b'hello')))
print(list(b'abc'), tuple(b'\x00\xff'), [x for x in b'hi'], sum(b'\x01\x02'), max(b'az'), any(b'\x00'))
print(97 in b'abc', b'bc' in b'abc', b'' in b'abc', bytearray(b'c') in b'abc', 0 in b'a\x00', True in b'\x01')
print(b'ab' + b'cd', b'ab' * 3, 3 * b'ab', b'ab' * 0, b'ab' * -1, bool(b''), bool(b'\x00'), len(b'abc'))
print(bytes(), bytes(3), bytes([65, 66]), bytes((67,)), bytes(range(68, 70)), bytes(b'xy'), bytes(bytearray(b'z')))
print(bytes(x for x in [1, 2]), bytes(iter([3])), bytes(True), bytes(0), bytes(source=b'kw'))

class WithBytes:
    def __bytes__(self):
        return b'from __bytes__'

class BadBytes:
    def __bytes__(self):
        return 'not bytes'

class Indexable:
    def __index__(self):
        return 2

print(bytes(WithBytes()), bytes(Indexable()), bytearray(Indexable()))
try:
    bytes(BadBytes())
except TypeError as e:
    print('TypeError:', e)

class MyBytes(bytes):
    def shout(self):
        return self.upper()

m = MyBytes(b'quiet')
print(m, type(m).__name__, m.shout(), type(m.shout()).__name__, isinstance(m, bytes), m == b'quiet', len(m))
print(type(m + b'!').__name__, type(m[1:]).__name__, type(m * 2).__name__, {m: 1}[b'quiet'], MyBytes(3))
print(MyBytes.fromhex('41').__class__.__name__, bytes.fromhex('41').__class__.__name__)

class MyArray(bytearray):
    pass

ma = MyArray(b'ab')
ma.append(99)
print(repr(ma), type(ma.upper()).__name__, ma == b'abc', isinstance(ma, bytearray))

print(str(b'x'), str(bytearray(b'x')), repr(b'x'), ord(b'a'), ord(bytearray(b'\xff')), chr(ord(b'A')))
print(b'x'.__class__.__name__, bytes.__name__, bytearray.__name__, type(iter(b'')).__name__)
print(b'a'.__getnewargs__(), b''.join(map(bytes, [[65], [66]])), list(map(len, [b'', b'ab'])))
print(int(b'42'), float(b'1.5'), int(bytearray(b' 7 ')), int(b'ff', 16))
it = iter(b'xyz')
print(next(it), it.__length_hint__(), list(it), it.__length_hint__())

import copy
print(copy.copy(b'ab'), copy.deepcopy([bytearray(b'x')]), '%s' % b'x', '%r' % bytearray(b'y'))
try:
    b'a' in 'abc'
except TypeError as e:
    print(e)
print(f'{b"x"!r:>8}', '{}'.format(b'z'), bytes.__doc__.split('\n')[0])
print(bytes.hex(b'ab'), bytearray.hex(bytearray(b'ab')), bytes.decode(b'x'), b'a\
b')
