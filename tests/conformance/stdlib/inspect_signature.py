# inspect: signature(), Parameter kinds, bind/bind_partial/apply_defaults, predicates.
import functools
import inspect
from inspect import Parameter, Signature


def f(a, b=2, /, c: 'annotated' = 'x', *args: str, d, e: float = 1.5, **kw) -> bool:
    pass


sig = inspect.signature(f)
print(sig, repr(sig))
for p in sig.parameters.values():
    print(p.name, p.kind, p.kind.description, p.default is p.empty, repr(p), int(p.kind))
print(repr(Parameter.KEYWORD_ONLY), Parameter.empty, sig.return_annotation)
print(inspect.signature(lambda: 0), inspect.signature(lambda x, *, y=3: 0), inspect.signature(lambda *a, **k: 0))


def g(x, y, *, z):
    pass

gs = inspect.signature(g)
print(gs.bind(1, 2, z=3), gs.bind(1, y=2, z=3).arguments)
b = gs.bind_partial(1)
print(b, b.args, b.kwargs)
for args, kwargs in [((1,), {}), ((1, 2, 3), {}), ((1, 2), {'z': 3, 'w': 4}), ((1,), {'x': 1, 'y': 2, 'z': 3})]:
    try:
        gs.bind(*args, **kwargs)
    except TypeError as e:
        print('TypeError', e)
try:
    sig.bind(1, 2, a=5, d=1)
except TypeError as e:
    print('TypeError', e)
ba = sig.bind(1, d=4)
ba.apply_defaults()
print(ba.arguments, ba.args, ba.kwargs)
ba = sig.bind(1, 2, 3, 4, 5, d=6, extra=7)
print(ba.arguments, ba.args, ba.kwargs)


class Widget:
    def __init__(self, name: str, size: int = 1):
        pass

    def resize(self, factor, *, keep=True):
        pass

    @classmethod
    def make(cls, n):
        pass

    @staticmethod
    def util(p, q=0):
        pass

    def __call__(self, event):
        pass

print(inspect.signature(Widget), inspect.signature(Widget.resize), inspect.signature(Widget('w').resize))
print(inspect.signature(Widget.make), inspect.signature(Widget.util), inspect.signature(Widget('w')))


def deco(fn):
    @functools.wraps(fn)
    def wrapper(*a, **k):
        return fn(*a, **k)
    return wrapper


@deco
def decorated(p, q=1):
    pass

print(inspect.signature(decorated), inspect.signature(decorated, follow_wrapped=False))
print(inspect.unwrap(decorated).__name__, inspect.signature(decorated) == inspect.signature(decorated.__wrapped__))
print(inspect.signature(functools.partial(g, 1)), inspect.signature(functools.partial(g, y=5)))
print(gs.replace(return_annotation=int), gs.replace(parameters=[Parameter('only', Parameter.POSITIONAL_ONLY)]))
params = [Parameter('a', Parameter.POSITIONAL_OR_KEYWORD, default=1), Parameter('b', Parameter.KEYWORD_ONLY)]
print(Signature(params), Signature(params) == Signature(params), Signature() == gs)
try:
    Signature([Parameter('a', Parameter.KEYWORD_ONLY), Parameter('b', Parameter.POSITIONAL_ONLY)])
except ValueError as e:
    print('ValueError', e)
try:
    Parameter('1x', Parameter.POSITIONAL_ONLY)
except ValueError as e:
    print('ValueError', e)
try:
    inspect.signature(3)
except TypeError as e:
    print('TypeError', e)


def gen():
    yield 1

print(inspect.isfunction(f), inspect.isfunction(len), inspect.isclass(Widget), inspect.ismethod(Widget('w').resize))
print(inspect.isgeneratorfunction(gen), inspect.isgeneratorfunction(f), inspect.isgenerator(gen()))
print(repr(inspect.cleandoc('''First line.
        indented more
      less
    ''')))
