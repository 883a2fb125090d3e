class Even(int):
    def __new__(cls, value):
        return super().__new__(cls, value - value % 2)
print(Even(7), type(Even(7)).__name__, Even(8) + 1)
class Point(tuple):
    def __new__(cls, x, y):
        return tuple.__new__(cls, (x, y))
    @property
    def x(self):
        return self[0]
p = Point(1, 2)
print(p, p.x, isinstance(p, tuple), len(p))
class Singleton:
    _instance = None
    def __new__(cls, *args):
        if cls._instance is None:
            cls._instance = object.__new__(cls)
        return cls._instance
    def __init__(self, tag):
        self.tag = tag
a = Singleton("a"); b = Singleton("b")
print(a is b, a.tag, object.__new__(Singleton) is a)
print(int.__new__(int, 5), str.__new__(str, "x"))
try:
    int.__new__(str)
except TypeError as e:
    print(e)
class Meta(type):
    def __new__(mcls, name, bases, ns):
        ns["created_by"] = mcls.__name__
        return super().__new__(mcls, name, bases, ns)
class WithMeta(metaclass=Meta):
    pass
print(WithMeta.created_by, type(WithMeta).__name__)
