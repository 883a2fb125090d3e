# collections: namedtuple, deque, defaultdict, Counter, OrderedDict, ChainMap.
from collections import namedtuple, deque, defaultdict, Counter, OrderedDict, ChainMap

Point = namedtuple('Point', ['x', 'y'])
p = Point(1, y=2)
print(p, p.x, p.y, p[0], p + (3,), len(p), isinstance(p, tuple))
print(Point._fields, Point._make([5, 6]), p._asdict(), p._replace(x=9))
print(p == (1, 2), hash(p) == hash((1, 2)), list(p), Point.__name__)
x, y = p
print(x, y)
try:
    p.x = 5
except AttributeError as e:
    print('AttributeError', e)
P3 = namedtuple('P3', 'a, b c', defaults=[0, 1])
print(P3(7), P3(1, 2, 3), P3._field_defaults, P3.__doc__)
R = namedtuple('R', ['ok', 'def', '_x', 'ok'], rename=True)
print(R._fields)
for args in [('P', 'a a'), ('P', 'class'), ('P', '_a'), ('1P', 'a')]:
    try:
        namedtuple(*args)
    except ValueError as e:
        print('ValueError', e)
for call in [lambda: Point(1), lambda: Point(1, 2, 3), lambda: Point(1, x=2), lambda: Point(1, 2, z=3)]:
    try:
        call()
    except TypeError as e:
        print('TypeError', e)


class Named(namedtuple('Named', 'first last')):
    def full(self):
        return self.first + ' ' + self.last

n = Named('Ada', 'Lovelace')
print(n, n.full())

d = deque([1, 2, 3])
d.append(4)
d.appendleft(0)
print(d, len(d), d[0], d[-1])
print(d.pop(), d.popleft(), d)
d.extend([7, 8])
d.extendleft([-1, -2])
print(d)
d.rotate(2)
print(d)
d.rotate(-3)
print(d)
d.reverse()
print(d, d.count(1), d.index(7), 8 in d)
d.remove(7)
d[0] = 'first'
del d[1]
print(d, list(reversed(d)))
d.clear()
print(d, bool(d))
try:
    d.pop()
except IndexError as e:
    print('IndexError', e)
try:
    d.popleft()
except IndexError as e:
    print('IndexError', e)
m = deque(range(5), maxlen=3)
print(m, m.maxlen)
m.append(9)
m.appendleft(-9)
print(m)
print(deque('ab') == deque('ab'), deque('ab') + deque('c'), deque([1]) * 3)
try:
    deque()[0]
except IndexError as e:
    print('IndexError', e)
try:
    deque([1]).remove(2)
except ValueError as e:
    print('ValueError', e)
q = deque([1, 2])
try:
    for item in q:
        q.append(3)
except RuntimeError as e:
    print('RuntimeError', e)
big = deque()
for i in range(1000):
    big.append(i)
    big.appendleft(-i)
for i in range(900):
    big.popleft()
print(len(big), big[0], big[-1], sum(big))

dd = defaultdict(list)
dd['a'].append(1)
dd['b'].append(2)
dd['a'].append(3)
print(dd, dd['missing'], len(dd))
print(defaultdict(int, {'x': 1}), defaultdict(None, x=2), isinstance(dd, dict))
counts = defaultdict(int)
for w in 'the cat the hat the'.split():
    counts[w] += 1
print(sorted(counts.items()), counts.default_factory)
nd = defaultdict()
try:
    nd['q']
except KeyError as e:
    print('KeyError', e)
try:
    defaultdict(5)
except TypeError as e:
    print('TypeError', e)
print(dd.copy(), type(dd.copy()).__name__)

c = Counter('abracadabra')
print(c, c['a'], c['z'])
print(c.most_common(2), c.most_common()[-1], c.total())
print(sorted(c.elements()))
c.update('aaz')
c.subtract({'b': 5})
print(c)
print(Counter(a=3, b=1) + Counter(a=1, b=2), Counter(a=3, b=1) - Counter(a=1, b=2))
print(Counter(a=3, b=1) & Counter(a=1, b=2), Counter(a=3, b=1) | Counter(a=1, b=2))
print(+Counter(a=1, b=-2), -Counter(a=1, b=-2), Counter(), Counter({'x': 0}))
print(Counter(a=1) == Counter(a=1, b=0), Counter(a=1) <= Counter(a=2))
c2 = Counter(['x', 'y', 'x'])
del c2['nope']
c2 += Counter(['y'])
print(c2, list(c2.keys()))
try:
    Counter.fromkeys('ab')
except NotImplementedError as e:
    print('NotImplementedError', e)

od = OrderedDict()
od['b'] = 1
od['a'] = 2
od['c'] = 3
print(od, list(od))
od.move_to_end('b')
print(list(od.keys()))
od.move_to_end('c', last=False)
print(list(od.items()))
print(od.popitem(), od.popitem(last=False), od)
print(OrderedDict(), OrderedDict([('x', 1)]) == {'x': 1})
o1 = OrderedDict([('a', 1), ('b', 2)])
o2 = OrderedDict([('b', 2), ('a', 1)])
print(o1 == o2, dict(o1) == dict(o2), o1 == dict(o2), list(reversed(o1)))
try:
    OrderedDict().popitem()
except KeyError as e:
    print('KeyError', e)
try:
    o1.move_to_end('zz')
except KeyError as e:
    print('KeyError', e)

base = {'colour': 'red', 'size': 'M'}
over = {'colour': 'blue'}
cm = ChainMap(over, base)
print(cm['colour'], cm['size'], len(cm), sorted(cm), 'size' in cm)
print(cm)
child = cm.new_child({'size': 'L'})
print(child['size'], child.parents['size'], child.maps[0])
child['new'] = 1
print(child.maps[0], cm.get('new', 'absent'))
try:
    del cm['size']
except KeyError as e:
    print('KeyError', e)
print(dict(cm), ChainMap())
