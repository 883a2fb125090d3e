# itertools: infinite iterators, terminating iterators, combinatorics.
from itertools import (count, cycle, repeat, accumulate, chain, compress, dropwhile,
                       takewhile, filterfalse, groupby, islice, starmap, tee, zip_longest,
                       product, permutations, combinations, combinations_with_replacement,
                       pairwise)
import operator

c = count(5)
print(next(c), next(c), repr(c))
print(repr(count(0, 2)), repr(count()), repr(count(1.5)), repr(count(3, -1)))
print(list(islice(count(0, 3), 4)))
print(list(islice(cycle('ab'), 5)), list(cycle([])))
r = repeat('x', 3)
print(repr(r), list(r), repr(r))
print(repr(repeat(7)), list(islice(repeat(7), 2)), list(repeat(1, -2)))
print(list(map(pow, range(4), repeat(2))))

print(list(accumulate([1, 2, 3, 4])), list(accumulate([1, 2, 3], operator.mul)))
print(list(accumulate([1, 2], initial=10)), list(accumulate([], initial=5)), list(accumulate([])))
print(list(accumulate([3, 1, 4, 1, 5], max)))

print(list(chain('ab', [1, 2], ())), list(chain.from_iterable(['xy', 'z'])))
print(list(compress('ABCDEF', [1, 0, 1, 0, 1, 1])))
print(list(dropwhile(lambda x: x < 5, [1, 4, 6, 4, 1])))
print(list(takewhile(lambda x: x < 5, [1, 4, 6, 4, 1])))
print(list(filterfalse(lambda x: x % 2, range(10))), list(filterfalse(None, [0, 1, '', 'a'])))

print([(k, list(g)) for k, g in groupby('AAAABBBCCDAABBB')])
print([k for k, g in groupby('AAAABBBCCD')])
print([(k, len(list(g))) for k, g in groupby([1, 3, 5, 2, 4, 7], key=lambda x: x % 2)])
groups = groupby('aabbc')
k1, g1 = next(groups)
k2, g2 = next(groups)
print(k1, list(g1), k2, list(g2))
groups = groupby('aaabb')
k, g = next(groups)
print(k, next(g))
k, g2 = next(groups)
print(k, list(g2), list(g))
print(list(groupby([])))

print(list(islice('ABCDEFG', 2)), list(islice('ABCDEFG', 2, 4)), list(islice('ABCDEFG', 2, None)))
print(list(islice('ABCDEFG', 0, None, 2)), list(islice(range(10), 1, 8, 3)), list(islice('ab', 5, 2)))
it = iter(range(10))
print(list(islice(it, 3)), next(it))
it = iter(range(10))
print(list(islice(it, 2, 5, 2)), next(it))
for args in [(-1,), (1, -1), (0, 5, 0), ('a',), (None, 'b')]:
    try:
        islice('abc', *args)
    except ValueError as e:
        print('ValueError', e)

print(list(starmap(pow, [(2, 5), (3, 2), (10, 3)])))
a, b = tee(iter([1, 2, 3]))
print(next(a), next(a), list(b), list(a))
print(len(tee('abc', 3)), [list(t) for t in tee('ab', 3)])

print(list(zip_longest('ABCD', 'xy', fillvalue='-')), list(zip_longest()), list(zip_longest([1], [])))
print(list(product('AB', 'xy')), list(product(range(2), repeat=3)))
print(list(product()), list(product('ab', [])))
print(list(permutations('ABC', 2)), list(permutations(range(3))))
print(list(permutations('ab', 3)), list(permutations([], 0)))
print(list(combinations('ABCD', 2)), list(combinations(range(4), 3)), list(combinations('ab', 3)))
print(list(combinations_with_replacement('ABC', 2)), list(combinations_with_replacement('', 0)))
print(list(pairwise('ABCDE')), list(pairwise('A')))
try:
    combinations('abc', -1)
except ValueError as e:
    print('ValueError', e)
print(type(chain()).__name__, type(islice('', 1)).__name__, type(groupby('')).__name__)
