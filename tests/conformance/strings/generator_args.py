# join, any/all, sum, min/max, enumerate and zip fed by generator expressions.
print("".join(c.upper() for c in "abc"), ",".join(str(i) for i in range(5)))
print(any(c.isdigit() for c in "ab3"), all(c.islower() for c in "abC"), sum(len(w) for w in "a bb ccc".split()))
print(max((len(w), w) for w in "to be or not".split()), min(ord(c) for c in "hello"))
print(list(enumerate(x * x for x in range(3))), list(zip("ab", (i for i in range(5)))))
