# ast.dump (annotate_fields, include_attributes, indent) and ast.literal_eval with its
# "malformed node or string" errors; ast.parse modes and SyntaxError details.
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

# dump variants
t = ast.parse("def f(a, b=1):\n    return a + b\nx = f(1)")
show('dump no annotate', lambda: ast.dump(t, annotate_fields=False))
show('dump indent str', lambda: ast.dump(t.body[1], indent='\t'))
show('dump indent 0', lambda: ast.dump(t.body[1], indent=0))
show('dump attrs', lambda: ast.dump(t.body[1], include_attributes=True, indent=1))
show('dump bad', lambda: ast.dump(5))
show('dump partial', lambda: ast.dump(ast.FunctionDef(name='f', body=[])))
show('dump ifmissing', lambda: ast.dump(ast.BinOp(left=ast.Constant(1), right=ast.Constant(2)), annotate_fields=False))
# literal_eval
for s in ["1", "-1", "+1.5", "1+2j", "-1-2j", "(1, [2, {3: 4}], {5})", "set()", "b'x'", "'s'", "None", "...", "{'a': 1, **x}",
          "1+1", "x", "f(1)", "[1, 2", "  42", "\t7", "2j+1", "- - 1", "{1: 2}", "frozenset()", "1 if 2 else 3"]:
    show('literal_eval ' + repr(s), lambda: ast.literal_eval(s))
show('literal_eval node', lambda: ast.literal_eval(ast.parse('[1, 2]', mode='eval')))
show('literal_eval node2', lambda: ast.literal_eval(ast.Constant(3)))
show('literal_eval nolineno', lambda: ast.literal_eval(ast.Name('x', ast.Load())))
# errors
show('syntax', lambda: ast.parse("x = (", "file.py"))
try:
    ast.parse("x = )", "file.py")
except SyntaxError as e:
    print(e.filename, e.lineno, e.offset, e.msg, repr(e.text))
show('mode', lambda: ast.parse("x", mode="bad"))
show('single', lambda: ast.dump(ast.parse("x = 1", mode="single")))
show('eval', lambda: ast.dump(ast.parse("  x", mode="eval")))
show('eval stmt', lambda: ast.parse("x = 1", mode="eval"))
# docstring
t = ast.parse('"""  Module doc.\n\n    indented\n"""\ndef f():\n    "fdoc"\nclass C:\n    x = 1')
show('docstring', lambda: ast.get_docstring(t))
show('docstring raw', lambda: ast.get_docstring(t, clean=False))
show('docstring f', lambda: ast.get_docstring(t.body[1]))
show('docstring C', lambda: ast.get_docstring(t.body[2]))
show('docstring bad', lambda: ast.get_docstring(t.body[2].body[0]))