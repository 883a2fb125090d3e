# Classes: attributes, methods, inheritance, super(), properties, class/static methods, dunders.
class Animal:
    kind = "animal"
    registry = []

    def __init__(self, name):
        self.name = name
        Animal.registry.append(name)

    def speak(self):
        return f"{self.name} makes a sound"

    def __repr__(self):
        return f"{type(self).__name__}({self.name!r})"

class Dog(Animal):
    kind = "dog"

    def __init__(self, name, breed):
        super().__init__(name)
        self.breed = breed

    def speak(self):
        return super().speak() + " (woof)"

    @property
    def label(self):
        return f"{self.name} the {self.breed}"

    @label.setter
    def label(self, value):
        self.name = value.split()[0]

    @classmethod
    def create(cls, name):
        return cls(name, "mutt")

    @staticmethod
    def sound():
        return "woof"

d = Dog("Rex", "collie")
print(d, d.speak(), d.kind, Animal.kind, d.label)
d.label = "Max the great"
print(d.name, Dog.create("Bo"), Dog.sound(), Animal.registry)
print(isinstance(d, Animal), issubclass(Dog, Animal), Dog.__mro__)
print(Dog.__name__, Dog.__qualname__, Dog.speak.__qualname__)

class Vector:
    def __init__(self, x, y):
        self.x, self.y = x, y
    def __add__(self, other):
        return Vector(self.x + other.x, self.y + other.y)
    def __mul__(self, k):
        return Vector(self.x * k, self.y * k)
    __rmul__ = __mul__
    def __eq__(self, other):
        return isinstance(other, Vector) and (self.x, self.y) == (other.x, other.y)
    def __len__(self):
        return 2
    def __getitem__(self, i):
        return (self.x, self.y)[i]
    def __repr__(self):
        return f"Vector({self.x}, {self.y})"

v = Vector(1, 2) + Vector(3, 4)
print(v, v * 2, 3 * v, v == Vector(4, 6), v != Vector(0, 0), len(v), v[1], list(v))
try:
    hash(v)
except TypeError as exc:
    print("TypeError:", exc)

class Base:
    def __init_subclass__(cls, tag=None, **kw):
        super().__init_subclass__(**kw)
        cls.tag = tag

class Tagged(Base, tag="t1"):
    pass

print(Tagged.tag, Base.__dict__.get("tag", "none"))

class Slotless:
    pass
s = Slotless()
s.a = 1
print(s.__dict__, getattr(s, "b", "missing"), hasattr(s, "a"))
try:
    s.b
except AttributeError as exc:
    print("AttributeError:", exc)
