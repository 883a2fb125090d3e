# Attributes of None found through descriptors: None is an instance like any other, so
# descriptors bind to it (only a missing instance means "looked up on the class").
print(None.__class__, None.__class__.__name__, type(None).__class__)
print(None.__repr__(), None.__bool__(), None.__hash__() == hash(None))
print(object.__dict__["__class__"].__get__(None, type(None)))


class Spy:
    def __get__(self, obj, owner=None):
        return ("get", obj, owner.__name__ if owner else None)


class Holder:
    spy = Spy()


print(Holder.spy, Holder().spy[0], Spy().__get__(None, Holder))


def describe(self):
    return f"bound to {self!r}"


print(describe.__get__(None, type(None)) is describe, describe.__get__(5)(), property(describe).__get__(7))
