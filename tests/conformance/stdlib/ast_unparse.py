# ast.unparse: precedence-aware parentheses, string quoting, f-strings, infinities.
import ast

def show(label, fn):
    try:
        r = fn()
        print(label, '->', r)
    except Exception as e:
        msg = str(e)
        if ' at 0x' in msg:
            msg = msg.split(' at 0x')[0] + '>'
        print(label, '!!', type(e).__name__, msg)

# unparse odd things
for s in ["x = 'a\"b'", "x = \"a'b\"", "x = 'a\\'b\"c'", "x = '\\n'", "'''doc \"\"\" '''", "def f():\n    '''a\\nb'''",
          "x = f'{a}\\n'", "x = f\"{'a'}\"", "x = f'{x!r:^{w}.{p}}'", "x = 1e1000", "x = -1e1000j", "x = (1).real", "x = 1.0.real",
          "del x", "x = a if b else (c if d else e)", "x = (a if b else c) if d else e", "x = lambda: (lambda: 1)",
          "x = (a := 1)", "f(*(a or b), **(c or d))", "x = {**(a or b)}", "x = [*(a or b)]", "print(not (yield))",
          "async def f():\n    await (a + b)\n    x = [await y async for y in z]", "x = (yield a, b)",
          "x = a[b:c, d]", "x = a[1:2,]", "x = ()", "x = (1, 2)[0]", "for x, in y: pass", "(a, b), c = d",
          "x = -(2 ** 2)", "x = (-2) ** 2", "x = 2 ** (-2)", "x = not -a", "x = -(not a)", "x = ~(a + b)",
          "class C(A, B, x=1, *args, **kw): pass", "@a.b(c)\ndef f(): pass", "x: 'List[int]'", "import a as b",
          "raise E from None", "x = {'a': 1}.get('a')", "x = 'abc'[::-1]", "x = 0x1F + 0o17 + 0b11", "if a:\n    if b:\n        pass\nelse:\n    pass",
          "if a:\n    pass\nelse:\n    if b:\n        pass\n    x = 1", "x = f'{ {1: 2}[1] }'", "x = r'\\d+'", "x = '\\x00\\u1234\\U0001F600'"]:
    try:
        print(repr(s), '=>', repr(ast.unparse(ast.parse(s))))
    except Exception as e:
        print(repr(s), '!!', type(e).__name__, e)
show('unparse const tuple', lambda: ast.unparse(ast.Constant((1, 'a', (2,)))))
show('unparse set empty', lambda: ast.unparse(ast.Set([])))
show('unparse Constant None kind', lambda: ast.unparse(ast.Constant(value='x', kind='u')))