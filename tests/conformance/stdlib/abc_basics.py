# abc and collections.abc: abstract-method checks and the container mixin methods.
from abc import ABC, ABCMeta, abstractmethod
from collections.abc import Mapping, MutableMapping, Sequence, Iterable, Set
class Shape(ABC):
    @abstractmethod
    def area(self): ...
    @abstractmethod
    def name(self): ...
class Sq(Shape):
    def area(self): return 4
    def name(self): return 'sq'
try:
    Shape()
except TypeError as e:
    print(e)
class Half(Shape):
    def area(self): return 1
try:
    Half()
except TypeError as e:
    print(e)
print(Sq().area(), isinstance(Sq(), Shape), sorted(Shape.__abstractmethods__))
class M(Mapping):
    def __init__(self, d): self.d = d
    def __getitem__(self, k): return self.d[k]
    def __iter__(self): return iter(self.d)
    def __len__(self): return len(self.d)
m = M({'a': 1, 'b': 2})
print(m.get('a'), m.get('z', 0), 'a' in m, list(m.keys()), list(m.items()), list(m.values()), m == {'a': 1, 'b': 2})
print(type(m.keys()).__name__, isinstance(m, Mapping), len(m.keys()), sorted(m.items()))
class MM(MutableMapping):
    def __init__(self): self.d = {}
    def __getitem__(self, k): return self.d[k]
    def __setitem__(self, k, v): self.d[k] = v
    def __delitem__(self, k): del self.d[k]
    def __iter__(self): return iter(self.d)
    def __len__(self): return len(self.d)
mm = MM(); mm.update(a=1, b=2); mm.setdefault('c', 3); print(mm.pop('a'), dict(mm), len(mm))
class S(Sequence):
    def __getitem__(self, i): return [1, 2, 3][i]
    def __len__(self): return 3
s = S(); print(list(s), 2 in s, s.index(3), s.count(1), list(reversed(s)))
try:
    MM.__abstractmethods__ and Mapping()
except TypeError as e:
    print(e)
print(issubclass(Sq, Shape))
from collections.abc import MutableSet, MutableSequence


class ListSet(MutableSet):
    def __init__(self, items=()):
        self.items = []
        for x in items:
            self.add(x)

    def __contains__(self, x):
        return x in self.items

    def __iter__(self):
        return iter(self.items)

    def __len__(self):
        return len(self.items)

    def add(self, x):
        if x not in self.items:
            self.items.append(x)

    def discard(self, x):
        if x in self.items:
            self.items.remove(x)

a = ListSet([1, 2, 3])
b = ListSet([2, 3, 4])
print(sorted(a & b), sorted(a | b), sorted(a - b), sorted(a ^ b), a <= ListSet([1, 2, 3, 4]))
print(a == ListSet([3, 2, 1]), a.isdisjoint([7]), a == {1, 2, 3})
a.remove(1)
a |= [9]
print(sorted(a), len(a))
try:
    a.remove(42)
except KeyError as e:
    print('KeyError', e)


class Stack(MutableSequence):
    def __init__(self):
        self.data = []

    def __getitem__(self, i):
        return self.data[i]

    def __setitem__(self, i, v):
        self.data[i] = v

    def __delitem__(self, i):
        del self.data[i]

    def __len__(self):
        return len(self.data)

    def insert(self, i, v):
        self.data.insert(i, v)

s = Stack()
s.append(1)
s.extend([2, 3, 4])
s.reverse()
print(s.data, s.pop(), s.pop(0), s.data, s.index(2), s.count(2))
s += [5]
s.remove(2)
print(s.data, list(reversed(s)))
try:
    class Partial(MutableSequence):
        def __len__(self):
            return 0
    Partial()
except TypeError as e:
    print('TypeError', e)
