# Lists, tuples, dicts and ranges: indexing, slicing, methods, unpacking, comprehensions.
nums = [5, 3, 8, 1]
nums.append(7)
nums.insert(0, 9)
nums.sort()
print(nums, nums[1:4], nums[::-2], nums[-1], len(nums))
nums.reverse()
print(nums, nums.pop(), nums.pop(0), nums.index(5), nums.count(3))
words = ["pear", "fig", "banana"]
words.sort(key=len, reverse=True)
print(words, sorted(words) if False else words[:])
matrix = [[r * 3 + c for c in range(3)] for r in range(3)]
print(matrix, [row[1] for row in matrix], {n % 3 for n in range(10)} if False else "")
pairs = {k: v for k, v in (("a", 1), ("b", 2))}
pairs["c"] = 3
print(pairs, pairs.get("z", 0), list(pairs.keys()), list(pairs.values()), list(pairs.items()))
print("a" in pairs, "z" not in pairs, pairs.pop("a"), pairs.setdefault("d", 4), pairs)
t = (1, 2, 3)
a, b, c = t
first, *rest = "hello"
*init, last = range(4)
print(a, b, c, first, rest, init, last, t * 2, t + (4,), t.index(2))
for i, (x, y) in enumerate([(1, 2), (3, 4)]) if False else []:
    pass
r = range(2, 20, 3)
print(list(r), r[2], len(r), 8 in r, r[-1], list(range(5, 0, -1)))
d = {}
for word in "the quick the lazy the end".split() if False else ["the", "quick", "the", "end"]:
    d[word] = d.get(word, 0) + 1
print(d)
del d["the"]
print(d, len(d))
x = [1, 2, 3, 4, 5, 6]
x[1:3] = ["a"]
del x[::2]
print(x)
