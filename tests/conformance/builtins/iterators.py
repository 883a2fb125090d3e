# enumerate, zip (strict=), map, filter, reversed and any/all: results, laziness,
# the iterator types, and the argument errors.
def show(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__ + ":", e)

show("enumerate", lambda: (list(enumerate("abc")), list(enumerate("ab", 5)), list(enumerate("ab", start=-1)), list(enumerate([], 3))))
show("enumerate kw", lambda: (list(enumerate(iterable="x", start=2)), list(enumerate(start=2, iterable="xy")), list(enumerate(iterable="q"))))
show("enumerate big", lambda: list(enumerate("abc", 2**63 - 1)))
show("enumerate huge", lambda: list(enumerate("ab", 10**30)))
show("enumerate index", lambda: list(enumerate("ab", True)))
show("enumerate bad", lambda: enumerate("a", "b"))
show("enumerate float", lambda: enumerate("a", 1.5))
show("enumerate kw bad", lambda: enumerate("a", foo=1))
show("enumerate kw bad 2", lambda: enumerate(iterable="a", foo=1))
show("enumerate none", lambda: enumerate())
show("enumerate 3", lambda: enumerate([], 1, 2))
show("enumerate int", lambda: enumerate(5))
show("zip", lambda: (list(zip([1, 2], "ab")), list(zip()), list(zip([1, 2, 3], "ab")), list(zip("a")), list(zip([1], [2], [3]))))
show("zip strict ok", lambda: (list(zip([1, 2], "ab", strict=True)), list(zip(strict=True)), list(zip([1], strict=False))))
show("zip strict short", lambda: list(zip([1, 2], "a", strict=True)))
show("zip strict long", lambda: list(zip([1], "ab", strict=True)))
show("zip strict 3", lambda: list(zip([1], [1], [1, 2], strict=True)))
show("zip strict 3s", lambda: list(zip([1, 2], [1, 2], [1], strict=True)))
show("zip kw", lambda: zip([], foo=1))
show("zip kw 2", lambda: zip([], strict=True, foo=1))
show("zip int", lambda: zip([], 1))
show("map", lambda: (list(map(str, [1, 2])), list(map(lambda a, b: a + b, [1, 2, 3], [10, 20])), list(map(len, ["a", "bb"])), list(map(abs, []))))
show("map err", lambda: map(str))
show("map none", lambda: map())
show("map kw", lambda: map(str, [], x=1))
show("map call err", lambda: list(map(1, [1])))
show("map not iterable", lambda: map(str, 1))
show("filter", lambda: (list(filter(None, [0, 1, "", "a", None, [], [0]])), list(filter(lambda x: x > 1, [1, 2, 3])), list(filter(bool, [0, 1]))))
show("filter err", lambda: filter(None))
show("filter kw", lambda: filter(None, [], x=1))
show("filter not iterable", lambda: filter(None, 1))
show("filter call err", lambda: list(filter(1, [1])))
show("any all", lambda: (any([]), all([]), any([0, 1]), all([1, 0]), any("a"), all([x > 0 for x in (1, 2)]), any([0, "", None]), all(["a", [0]])))
show("any err", lambda: any(1))
show("all none", lambda: all())
show("any two", lambda: any([], []))
show("reversed", lambda: (list(reversed([1, 2, 3])), list(reversed("abc")), list(reversed((1, 2))), list(reversed(range(4))), tuple(reversed(""))))

class R:
    def __reversed__(self):
        return iter([9, 8])
class Seq:
    def __len__(self):
        return 3
    def __getitem__(self, i):
        if i >= 3:
            raise IndexError
        return i * 10
class NoRev:
    __reversed__ = None
    def __len__(self):
        return 1
    def __getitem__(self, i):
        return i
show("reversed custom", lambda: (list(reversed(R())), list(reversed(Seq()))))
show("reversed none", lambda: reversed(NoRev()))
show("reversed int", lambda: reversed(5))
show("reversed set", lambda: reversed(set()))
show("reversed noargs", lambda: reversed())
show("reversed kw", lambda: reversed([], x=1))
show("reversed two", lambda: reversed([], []))

e = enumerate("ab")
show("next", lambda: (next(e), next(e), next(e, "done")))
show("iter of iter", lambda: (iter(e) is e, iter(zip()) is not None))
z = zip("ab", [1, 2, 3])
print(next(z), list(z), list(z))
m = map(lambda x: x * 2, range(3))
print(next(m), list(m))
r = reversed("xyz")
print(next(r), list(r), list(r))
f = filter(None, [0, 5, 0, 6])
print(next(f), list(f))
log = []
def record(x):
    log.append(x)
    return x
lazy = map(record, [1, 2, 3])
print(log, next(lazy), log)
show("types", lambda: (type(enumerate([])), type(zip()), type(map(str, [])), type(filter(None, [])), type(reversed("a"))))
show("type names", lambda: (enumerate.__name__, zip.__name__, map.__name__, filter.__name__, reversed.__name__))
show("isinstance", lambda: (isinstance(zip(), zip), isinstance(enumerate([]), enumerate), isinstance(map(str, []), map)))
class MyEnum(enumerate):
    pass
print(list(MyEnum("ab", 1)), type(MyEnum("a")).__name__)
