# copy: shallow and deep copies, memo, __copy__/__deepcopy__, instances.
import copy

nested = [1, [2, 3], {'k': [4]}]
shallow = copy.copy(nested)
deep = copy.deepcopy(nested)
nested[1].append('x')
nested[2]['k'].append('y')
print(shallow, deep, shallow is nested, shallow[1] is nested[1], deep[1] is nested[1])
d = {'a': [1]}
print(copy.copy(d) == d, copy.copy(d)['a'] is d['a'], copy.deepcopy(d)['a'] is d['a'])
t = (1, 2)
print(copy.copy(t) is t, copy.deepcopy(t) is t, copy.deepcopy((1, [2]))[1] is (1, [2])[1])
s = {1, 2}
print(copy.copy(s) == s, copy.copy(s) is s, copy.copy(5), copy.copy('s'), copy.copy(None))
shared = [0]
pair = [shared, shared]
dp = copy.deepcopy(pair)
print(dp[0] is dp[1], dp[0] is shared)
cyc = [1]
cyc.append(cyc)
dc = copy.deepcopy(cyc)
print(dc[1] is dc, dc is cyc)


class Box:
    def __init__(self, items, label):
        self.items = items
        self.label = label

    def __repr__(self):
        return 'Box(%r, %r)' % (self.items, self.label)

b = Box([1, 2], 'b')
b2 = copy.copy(b)
b3 = copy.deepcopy(b)
b.items.append(3)
print(b2, b3, b2.items is b.items, type(b3).__name__)


class Custom:
    def __init__(self, v):
        self.v = v

    def __copy__(self):
        print('__copy__ called')
        return Custom(self.v + 1)

    def __deepcopy__(self, memo):
        print('__deepcopy__ called', type(memo).__name__)
        return Custom(self.v + 100)

print(copy.copy(Custom(1)).v, copy.deepcopy(Custom(1)).v, copy.deepcopy([Custom(2)])[0].v)


class Node:
    def __init__(self, name):
        self.name = name
        self.children = []
        self.parent = None

root = Node('root')
leaf = Node('leaf')
leaf.parent = root
root.children.append(leaf)
r2 = copy.deepcopy(root)
print(r2.children[0].parent is r2, r2.children[0] is leaf, r2.name)
print(copy.copy(len) is len, copy.deepcopy(Node) is Node)
print(issubclass(copy.Error, Exception))
