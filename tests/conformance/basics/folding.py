"""Module docstring: stored in __doc__, not printed."""
# Constant folding must not change behaviour: errors surface at run time.
print(2 * 3 + 1, -(2 ** 3), not True, ~0, "ab" * 3, (1, 2, (3, 4)))
print(1 + 2 == 3, 2 ** 10 // 2 ** 8 if False else "skip", 10 - 2 - 3)
k = -5
print(k, k * -1, (1 + 2) * 3, 1 + 2 * 3, (2 ** 2) ** 3, 2 ** 2 ** 3)
if 1 + 1 == 2:
    print("folded condition")
while 0:
    print("never")
print(not (k is None), not (k is not None))
