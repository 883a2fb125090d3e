# types (SimpleNamespace, type objects, new_class) and keyword.
import keyword
import types

print(keyword.iskeyword('for'), keyword.iskeyword('match'), keyword.issoftkeyword('match'))
print(len(keyword.kwlist), keyword.kwlist[:5], keyword.softkwlist)
ns = types.SimpleNamespace(a=1, b='two')
ns.c = [3]
print(ns, ns.a, ns == types.SimpleNamespace(a=1, b='two', c=[3]), ns == types.SimpleNamespace())
try:
    types.SimpleNamespace({'x': 1}, y=2)
except TypeError as e:
    print('TypeError', e)


class Sub(types.SimpleNamespace):
    pass

print(Sub(a=1))


def f():
    yield 1


class K:
    def m(self):
        pass

print(isinstance(f, types.FunctionType), isinstance(lambda: 0, types.LambdaType))
print(isinstance(f(), types.GeneratorType), isinstance(K().m, types.MethodType))
print(isinstance(len, types.BuiltinFunctionType), isinstance(types, types.ModuleType))
print(types.NoneType, isinstance(None, types.NoneType))
N = types.new_class('N', (K,), exec_body=lambda ns: ns.update({'x': 5}))
print(N.__name__, N.x, issubclass(N, K), N.__mro__[1].__name__)
print(types.resolve_bases((int, K)) == (int, K))
