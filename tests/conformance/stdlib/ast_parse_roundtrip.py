# ast.parse over every statement and expression kind: the tree with positions
# (include_attributes), the indented dump, unparse, compile() of the tree, and
# get_source_segment of each expression, all as CPython 3.11 prints them.
import ast
SNIPPETS = [
"x = 1", "a, b = b, a", "x += 1", "x: int = 5", "(y): int", "del a[0], b.c",
"print(*args, sep='', **kw)", "f(a)(b)[c].d", "a if b else c", "lambda: 0", "lambda x, /, y=2, *a, z, w=3, **k: x",
"[x for x in y if x if not x]", "{k: v for k, v in d.items()}", "(x for x in y)",
"a < b <= c != d is e is not f in g not in h", "not a and b or c", "a and (b or c)", "(a or b) and c",
"-x ** 2", "(-x) ** 2", "x ** -y", "2 ** 3 ** 4", "(2 ** 3) ** 4", "a - (b - c)", "(a - b) - c", "a * (b + c) @ d // e % f / g",
"a | b ^ c & d << e >> f", "~a + +b - -c", "await x", "x = yield", "x = yield y", "x = yield from y",
"(x := 5)", "if (n := len(a)) > 10: pass", "f'{a!r:>{width}} and {b}'", "f'{x}' 'y'", "f'{{literal}}'",
"'a' 'b'", "b'bytes'", "1.5j", "1e400", "...", "None", "True", "0x10", "a[1:2, ::3]", "a[:]", "a[1:2:3]", "a[()]", "a[(1, 2)]",
"@dec\n@dec2(x)\nclass C(Base, metaclass=M):\n    '''Doc.'''\n    x = 1\n    def f(self) -> int:\n        return 1",
"async def f(a: int = 1, *, b) -> None:\n    async with a as b, c:\n        await d\n    async for x in y:\n        pass",
"def g():\n    '''Multi\n    line doc'''\n    global x\n    nonlocal_y = 1\n    yield x",
"for i in range(3):\n    continue\nelse:\n    break",
"while x:\n    pass\nelse:\n    x = 2",
"if a:\n    pass\nelif b:\n    pass\nelif c:\n    x\nelse:\n    y",
"try:\n    pass\nexcept ValueError as e:\n    raise X from e\nexcept (A, B):\n    raise\nelse:\n    pass\nfinally:\n    pass",
"try:\n    pass\nexcept* ValueError:\n    pass",
"with open(f) as (a, b):\n    pass",
"import a.b.c as d, e\nfrom . import x\nfrom ..m import (y as z, w)\nfrom m import *",
"assert x, 'msg'", "raise", "return", "x = {}", "x = {**a, 'b': 1}", "x = set()", "{1, 2}", "[*a, *b]", "(1,)", "()",
"match p:\n    case 1 | 2:\n        pass\n    case [a, *rest]:\n        pass\n    case {'k': v, **kw}:\n        pass\n    case Point(x=0, y=_) if y > 0:\n        pass\n    case (1 as one) | None:\n        pass\n    case -1 | 1+2j | 'str' | a.b:\n        pass\n    case [*_]:\n        pass\n    case _:\n        pass",
"x = 'it''s'", "x = \"quote'\\\"\"", "x = 'line\\nbreak'", "x = '\\t\\x00'", "def f():\n    '''Doc with \"quotes\" and \\\\ backslash'''",
"a.b.c = d[e] = f", "print(3 .real)", "x = (yield)", "f(x for x in y)", "f(a, *b, c=d, **e)", "a = b = c",
"x = [1, 2,\n     3]", "s = 'é' + 'ü'", "z = a[b, c:d]", "class A: pass", "class B(): pass", "del (a), [b]", "-1", "+1", "not x",
"x = -(-1)", "x = (a, b) + (c,)", "for (a, b) in c: pass", "for a, b in c: pass", "print(f'{x=}')", "f'{x:{y}}'", "f'{\"a\"}'",
"x = lambda: (yield)", "x = 1 if 2 else 3 if 4 else 5", "x = (1 if 2 else 3) if 4 else 5", "(a, *b) = c", "[a, b] = c",
"x = a.b(c).d[e:f]", "global a, b", "x = not (a == b)", "x = (not a) == b", "a @= b", "a //= 2", "a **= 2", "a >>= 1",
"x = 10 ** -2", "x = {1: 2, **{3: 4}}", "print((yield))", "def f(*, a): pass", "def f(a, /): pass", "def f(a=1, /, b=2): pass",
"def f(**kw): pass", "def f(*args: int): pass", "x = f'{a}' f'{b}'", "x = f'a\\nb{c}'", "x = f'{a!s}{b!a}'",
"type(x)(y)", "x = a[-1]", "x = 1_000_000", "x = 0.1 + 2e-5",
]
SNIPPETS += [
"match x:\n    case ((1 | 2) as y) | (3 as z):\n        pass\n    case (a) as b:\n        pass\n    case (1 | 2):\n        pass",
"x = f'''multi\n{a}\n  {b!r:>10}'''",
"f(  x for x in y  )",
"print(f'{x}' f'{y}', f'{1 + 2 = }')",
]

for src in SNIPPETS:
    print('=' * 20, repr(src))
    tree = ast.parse(src)
    print(ast.dump(tree, include_attributes=True))
    print(ast.dump(tree, indent=2))
    print(ast.unparse(tree))
    try:
        compile(tree, '<ast>', 'exec')
    except SyntaxError as exc:
        print('SyntaxError', exc.msg)
    # unparse's output parses back to the same tree.
    assert ast.dump(ast.parse(ast.unparse(tree))) == ast.dump(tree), src
    for node in ast.walk(tree):
        if isinstance(node, ast.expr):
            print(' seg', type(node).__name__, repr(ast.get_source_segment(src, node)))
