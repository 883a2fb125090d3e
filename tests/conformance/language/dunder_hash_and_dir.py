# hash() uses the int a __hash__ returns as is when it fits a machine word (CPython's
# slot_tp_hash), so an object hashing like a string lands in the same dict bucket; dir()
# of a class calls its metaclass's __dir__, never the class's own (which is for instances).


class Named:
    def __init__(self, name):
        self.name = name

    def __hash__(self):
        return hash(self.name)


print(hash(Named("RED")) == hash("RED"))


class Big:
    def __hash__(self):
        return 2 ** 70


class MinusOne:
    def __hash__(self):
        return -1


print(hash(Big()) == hash(2 ** 70), hash(MinusOne()))


class Meta(type):
    def __dir__(cls):
        return ["from_metaclass", "b", "a"]


class WithMeta(metaclass=Meta):
    def __dir__(self):
        return ["from_class"]


print(dir(WithMeta), dir(WithMeta()))
