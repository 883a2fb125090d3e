# sorted(): ascending by default, reverse=, key=, stability, and errors (which come from
# list.sort). Pending: list.sort in core/objects/list.cpp words its keyword errors
# differently ("sort() got an unexpected keyword argument 'foo'" where CPython says
# "'foo' is an invalid keyword argument for sort()" and "sort() takes at most 2 keyword
# arguments (3 given)").
def show(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__ + ":", e)

show("sorted", lambda: (sorted([3, 1, 2]), sorted("bca"), sorted([3, 1, 2], reverse=True), sorted(["bb", "a", "ccc"], key=len)))
show("more", lambda: (sorted([]), sorted((2, 1)), sorted(range(5), key=lambda x: -x), sorted(set([5, 3, 9])), sorted({"b": 1, "a": 2})))
show("stable", lambda: sorted([(1, "b"), (0, "x"), (1, "a"), (0, "y")], key=lambda t: t[0]))
show("stable rev", lambda: sorted([(1, "b"), (0, "x"), (1, "a"), (0, "y")], key=lambda t: t[0], reverse=True))
show("strings", lambda: (sorted(set("mississippi")), sorted(["é", "e", "z", "E", "中"]), sorted("Hello World".split(), key=str.lower)))
show("err", lambda: sorted([1, "a"]))
show("none", lambda: sorted())
show("two", lambda: sorted([1], [2]))
show("bad kw", lambda: sorted([1], foo=2))
show("too many kw", lambda: sorted([1], key=None, reverse=False, foo=1))
l = [3, 1, 2]
print(sorted(l), l, sorted(l) is not l)
