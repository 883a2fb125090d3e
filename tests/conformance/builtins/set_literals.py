# Set displays and comprehensions ({1, 2}, {x for x in ...}) print in CPython's slot order.
# Pending: BUILD_SET / SET_ADD / SET_UPDATE in the eval loop (use new_set, set_add and
# set_update from core/objects/set.hpp).
print({3, 1, 2}, {10, 20, 30, 40, 50, 60, 70}, {100, 8, 16, 1, 9}, {-1, -2, 0})
print({x * 8 for x in range(30)}, {*range(5), *[7, 6]}, len({"a", "b", "a"}))
s = {1, 2}
s |= {3}
print(s, s & {2, 3, 4}, {1, 2} < {1, 2, 3}, frozenset({1}) == {1}, {(1, 2), (0, 0)})
print(sorted({"pear", "apple", "fig"}), set() == {1} - {1}, {1, 2} ^ {2, 3})
