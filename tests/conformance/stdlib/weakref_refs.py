# weakref: refs with callbacks, shared basic refs, proxies, weak containers, finalize.
import gc
import weakref

gc.disable()


class Item:
    def __init__(self, name):
        self.name = name

    def __repr__(self):
        return f"Item({self.name!r})"


a = Item("a")
r1, r2 = weakref.ref(a), weakref.ref(a)
print("basic refs shared:", r1 is r2, "| count:", weakref.getweakrefcount(a))
r3 = weakref.ref(a, lambda ref: print("  callback, ref() is", ref()))
print("with callback is new:", r3 is not r1, "| count:", weakref.getweakrefcount(a))
print("equal while alive:", r1 == r3, "| hash matches:", hash(r1) == hash(a))
del a
print("dead:", r1(), r3(), "| count of nothing:", weakref.getweakrefcount(Item("x")))

values = weakref.WeakValueDictionary()
keep = [Item(str(i)) for i in range(4)]
for item in keep:
    values[item.name] = item
del keep[::2]
print("values left:", sorted(values.keys()), len(values))

keys = weakref.WeakKeyDictionary()
k = Item("k")
keys[k] = 1
print("key in:", k in keys, len(keys))
del k
print("keys after del:", len(keys))

members = weakref.WeakSet()
x, y = Item("x"), Item("y")
members.add(x)
members.add(y)
del x
print("set:", sorted(i.name for i in members))

target = Item("t")
fin = weakref.finalize(target, print, "  finalized", "t")
print("alive:", fin.alive)
del target
print("alive after:", fin.alive)

p = weakref.proxy(Item("gone"))
try:
    p.name
except ReferenceError as e:
    print("ReferenceError:", e)

for value in (1, "s", (1,), [1], {}, None, 2.5):
    try:
        weakref.ref(value)
    except TypeError as e:
        print(e)


def f():
    pass


print("functions and classes:", weakref.ref(f)() is f, weakref.ref(Item)() is Item)
