# Comparison chains, identity, membership and boolean operators returning operands.
x = 5
print(1 < x < 10, 1 < x > 10, x == 5 == 5.0, 1 < 2 < 3 < 4 < 5)
print(x is x, x is not None, None is None, True is not False)
print("a" < "b", "abc" < "abd", "Z" < "a", "" < "a", "abc" == "abc")
print("ell" in "hello", "xyz" not in "hello", "" in "abc")
print(0 or "default", 3 or 4, "" and "x", "a" and "b", None or 0)
print(not 0, not 1, not "", not "x", not None)
print(1 and 2 and 3, 1 and 0 and 3, 0 or 0.0 or "", 0 or 0.0 or "z")
print((1, 2) == (1, 2), (1, 2) < (1, 3), (1, 2) < (1, 2, 0), () == ())
y = 0
print("yes" if y else "no", "pos" if x > 0 else "neg")
print(x != 5, x != 6, 2.5 <= 2.5, 3 > 2 > 1 > 0)
