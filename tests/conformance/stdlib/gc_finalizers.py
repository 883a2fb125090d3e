# Finalizers and the collector: resurrection (PEP 442: __del__ once), cycles whose
# members see each other in __del__, recursion through __getattr__, metaclass conflicts,
# and what gc.collect() counts.
import gc

class Phoenix:
    saved = []
    def __del__(self):
        print("phoenix del")
        Phoenix.saved.append(self)
p = Phoenix()
p.self = p
del p
print("collected", gc.collect() >= 1, len(Phoenix.saved))
Phoenix.saved.clear()
print("cleared; no second del:", gc.collect() >= 0)

class A:
    def __getattr__(self, name):
        return self.missing
try:
    A().x
except RecursionError as e:
    print("RecursionError", str(e)[:40])

class M1(type): pass
class M2(type): pass
class X(metaclass=M1): pass
class Y(metaclass=M2): pass
try:
    class Z(X, Y): pass
except TypeError as e:
    print("TypeError", e)

class Cyc:
    def __init__(self, name): self.name = name
    def __del__(self): print("del", self.name, "peer", self.peer.name)
a, b = Cyc("a"), Cyc("b")
a.peer, b.peer = b, a
del a, b
print("found", gc.collect())
print("end")
