# __slots__: member descriptors, no __dict__, inheritance and layout rules, errors.
import weakref


def attempt(label, fn):
    try:
        print(label, "->", fn())
    except Exception as e:
        print(label, "->", type(e).__name__ + ":", e)


class Pair:
    __slots__ = ("first", "__second")

    def __init__(self, a, b):
        self.first = a
        self.__second = b

    def second(self):
        return self.__second


p = Pair(1, 2)
print(p.first, p.second(), Pair.__slots__, sorted(k for k in vars(Pair) if not k.startswith("__")))
print(Pair.first, type(Pair.first).__name__, Pair.first.__name__)
attempt("dict", lambda: p.__dict__)
attempt("new attr", lambda: setattr(p, "third", 3))
attempt("weakref", lambda: weakref.ref(p))
del p.first
attempt("deleted", lambda: p.first)
attempt("delete again", lambda: delattr(p, "first"))


class WithDict(Pair):
    pass


w = WithDict(1, 2)
w.extra = 3
print(vars(w), w.first)


class Lean(Pair):
    __slots__ = ("third",)


attempt("lean extra", lambda: setattr(Lean(1, 2), "z", 0))
attempt("conflict", lambda: type("C", (), {"__slots__": ("a",), "a": 1}))
attempt("not str", lambda: type("C", (), {"__slots__": (1,)}))
attempt("not identifier", lambda: type("C", (), {"__slots__": ("a b",)}))
attempt("dict twice", lambda: type("C", (WithDict,), {"__slots__": ("__dict__",)}))
attempt("layout", lambda: type("C", (Pair, Lean), {}))
attempt("layout2", lambda: type("C", (type("A", (), {"__slots__": "a"}), type("B", (), {"__slots__": "b"})), {}))
attempt("tuple subclass", lambda: type("T", (tuple,), {"__slots__": ("x",)}))
attempt("int subclass ok", lambda: type("I", (int,), {"__slots__": ("x",)}).__name__)


class Both:
    __slots__ = ("v", "__dict__", "__weakref__")


b = Both()
b.v, b.other = 1, 2
r = weakref.ref(b)
print(vars(b), r() is b)
