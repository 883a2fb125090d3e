# ast node classes: constructors with positional and keyword fields, their errors,
# _fields/_attributes, optional fields defaulting to None, and the deprecated Num/Str/Index classes.
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

# construction
show('Constant(1)', lambda: ast.dump(ast.Constant(1)))
show('Constant(value=1)', lambda: ast.dump(ast.Constant(value=1)))
show('too many', lambda: ast.Constant(1, 2, 3))
show('too many1', lambda: ast.Expr(1, 2))
show('dup', lambda: ast.Constant(1, value=2))
show('missing', lambda: ast.Name().id)
show('optional', lambda: ast.Constant().kind)
show('end_lineno', lambda: ast.Name().end_lineno)
show('name', lambda: type(ast.Name('x')).__name__)
show('module', lambda: ast.Name.__module__)
show('fields', lambda: (ast.FunctionDef._fields, ast.arguments._fields, ast.arg._attributes))
show('isinstance', lambda: (isinstance(ast.Name(), ast.expr), isinstance(ast.Name(), ast.AST), issubclass(ast.Add, ast.operator)))
show('match_args', lambda: ast.BinOp.__match_args__)
show('mro', lambda: [c.__name__ for c in ast.Constant.__mro__])
show('kw extra', lambda: ast.Name(foo=1).foo)
# deprecated
show('Num', lambda: (isinstance(ast.Constant(1), ast.Num), isinstance(ast.Constant(True), ast.Num), isinstance(ast.Constant('s'), ast.Str)))
show('Num()', lambda: ast.dump(ast.Num(5)))
show('Str.s', lambda: ast.Str('x').s)
show('NameConstant', lambda: isinstance(ast.Constant(None), ast.NameConstant))
show('Ellipsis', lambda: ast.dump(ast.Ellipsis()))
show('Index', lambda: ast.dump(ast.Index(ast.Name('x', ast.Load()))))
show('ExtSlice', lambda: ast.dump(ast.ExtSlice([ast.Name('x', ast.Load())])))
# NodeVisitor legacy visit_Num
class Legacy(ast.NodeVisitor):
    def visit_Num(self, node):
        print('Num', node.value)
    def visit_Str(self, node):
        print('Str', node.value)
Legacy().visit(ast.parse("x = 1 + 'a' + b'c'"))
print(ast.Load() == ast.Load(), type(ast.parse('x').body[0].value.ctx) is ast.Load)
print(ast.AST._fields, ast.AST()._fields)
