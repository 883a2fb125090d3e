# vars(), dir(), iter(callable, sentinel), slice.indices, Ellipsis, metaclass
# isinstance hooks and object identity rules (singletons, interning, empty tuple).
import sys

class A:
    x = 1
    def m(self): pass
class B(A):
    def __init__(self): self.y = 2
b = B()
print([n for n in dir(b) if not n.startswith('__')])
print(vars(b), sorted(k for k in vars(A) if not k.startswith('__')))
def f(p):
    q = 3
    print(dir(), vars())
f(1)
try:
    vars(1)
except TypeError as e:
    print(e)
class D:
    def __dir__(self): return ['z', 'a']
print(dir(D()), Ellipsis, ... is Ellipsis)
print('argv' in dir(sys), dir(int)[:3])

it = iter([1, 2, 3, 0, 5]).__next__
print(list(iter(it, 0)))
for bad in [(), (1, 2, 3)]:
    try:
        iter(*bad)
    except TypeError as e:
        print(e)
try:
    iter(1, 2)
except TypeError as e:
    print(e)

print(slice(1, None, -2).indices(10), slice(None).indices(0), slice(-100, 100, 3).indices(7))
try:
    slice(1).indices(-1)
except ValueError as e:
    print(e)

class M(type):
    def __instancecheck__(cls, inst): return inst == 3
    def __subclasscheck__(cls, sub): return sub is int
class Any(metaclass=M): pass
print(isinstance(3, Any), isinstance(4, Any), issubclass(int, Any), issubclass(str, Any), isinstance(3, (str, Any)))

print(type(None)() is None, type(NotImplemented)() is NotImplemented, type(...)() is ...)
try:
    type(None)(1)
except TypeError as e:
    print(e)
empty = ()
print(tuple([]) is empty, tuple(x for x in []) is empty)
word = "".join(["he", "llo"])
e = "e"
print(word[1] is e, sys.intern(word[1:3] * 1) == "el", sys.intern("".join(["a", "b"])) is sys.intern("ab"))
try:
    sys.intern(1)
except TypeError as e:
    print(e)

class Dct(dict): pass
try:
    object.__new__(Dct)
except TypeError as e:
    print(e)
class Meta(type):
    def __new__(m, n, bases, ns):
        c = super().__new__(m, n, bases, ns)
        print('a' in c.__dict__, c.__dict__['a'])
        return c
class X(metaclass=Meta):
    a = 1
def documented():
    "the docstring"
print(documented.__doc__, property(documented).__doc__)
