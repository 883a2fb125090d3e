# walk, iter_fields, NodeTransformer (replace, remove, splice), fix_missing_locations,
# increment_lineno, compile() of trees and its errors, get_source_segment.
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

# walk / iter
t = ast.parse("a = b + c * d")
show('walk', lambda: [type(n).__name__ for n in ast.walk(t)])
show('iter_fields', lambda: [(k, type(v).__name__) for k, v in ast.iter_fields(t.body[0])])
show('iter_child', lambda: [type(n).__name__ for n in ast.iter_child_nodes(t.body[0].value)])
# transformer
class Double(ast.NodeTransformer):
    def visit_Constant(self, node):
        if isinstance(node.value, int):
            return ast.copy_location(ast.Constant(node.value * 2), node)
        return node
    def visit_Pass(self, node):
        return None
    def visit_Expr(self, node):
        self.generic_visit(node)
        return [node, node]
t = ast.parse("x = 1 + 2\npass\nprint(x, 5)")
t = Double().visit(t)
print(ast.unparse(t))
exec(compile(t, "<t>", "exec"))
# fix_missing_locations
t = ast.Module(body=[ast.Expr(ast.Call(ast.Name('print', ast.Load()), [ast.Constant('hi')], []))], type_ignores=[])
show('no locations', lambda: compile(t, '<t>', 'exec'))
ast.fix_missing_locations(t)
print(ast.dump(t, include_attributes=True))
exec(compile(t, '<t>', 'exec'))
show('increment', lambda: ast.dump(ast.increment_lineno(ast.parse("x\ny"), 3), include_attributes=True))
e = ast.Expression(ast.BinOp(ast.Constant(6), ast.Mult(), ast.Constant(7)))
ast.fix_missing_locations(e)
print(eval(compile(e, '<e>', 'eval')))
# compile errors
def mk(body):
    m = ast.Module(body=body, type_ignores=[])
    return ast.fix_missing_locations(m)
show('store ctx', lambda: compile(mk([ast.Assign([ast.Name('x', ast.Load())], ast.Constant(1))]), '<t>', 'exec'))
show('bad const', lambda: compile(mk([ast.Expr(ast.Constant([1]))]), '<t>', 'exec'))
show('bad ident', lambda: compile(mk([ast.Expr(ast.Name(1, ast.Load()))]), '<t>', 'exec'))
show('not list', lambda: compile(ast.Module(body=ast.Pass(), type_ignores=[]), '<t>', 'exec'))
show('wrong mod', lambda: compile(ast.Expression(ast.Constant(1)), '<t>', 'exec'))
show('wrong mod2', lambda: compile(ast.Module([], []), '<t>', 'eval'))
show('expr as stmt', lambda: compile(mk([ast.Name('x', ast.Load())]), '<t>', 'exec'))
show('stmt as expr', lambda: compile(mk([ast.Expr(ast.Pass())]), '<t>', 'exec'))
show('return outside', lambda: compile(mk([ast.Return(ast.Constant(1))]), '<t>', 'exec'))
show('only ast', lambda: type(compile(ast.Module([], []), '<t>', 'exec', ast.PyCF_ONLY_AST)).__name__)
show('compile src ast', lambda: type(compile("x", '<t>', 'exec', flags=ast.PyCF_ONLY_AST)).__name__)
# segments
src = "x = [a,\n     b]  # c\ny = 'é' + z"
t = ast.parse(src)
show('seg', lambda: ast.get_source_segment(src, t.body[0].value))
show('seg padded', lambda: ast.get_source_segment(src, t.body[0].value, padded=True))
show('seg utf8', lambda: ast.get_source_segment(src, t.body[1].value.right))
show('seg none', lambda: ast.get_source_segment(src, ast.Name('q')))