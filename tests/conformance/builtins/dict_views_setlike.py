# dict keys/items views are set-like: &, |, -, ^ with any iterable, comparisons with sets.
d = {"a": 1, "b": 2, "c": 3}
print(sorted(d.keys() & {"a", "q"}), sorted(d.keys() | ["z"]), sorted(d.keys() - "ab"), sorted(d.keys() ^ {"a", "x"}))
print(sorted({"a", "q"} & d.keys()), sorted(["b"] - d.keys()) if False else sorted({"b", "y"} - d.keys()))
print(d.items() >= {("a", 1)}, d.keys() == {"a", "b", "c"}, d.keys() == ["a", "b", "c"], d.keys() < {"a", "b", "c", "d"})
print(sorted(d.items() & {("a", 1), ("b", 0)}))
try:
    d.keys() & 5
except TypeError as e:
    print(e)
try:
    d.values() & {1}
except TypeError as e:
    print(e)
