# ast.unparse: source text from a tree, laid out as CPython 3.11 lays it out (4-space
# indents, a blank line before each def/class, parentheses only where precedence needs
# them, strings with the quotes repr() would pick). Each node is told the precedence of
# the slot it sits in; it adds parentheses when it binds more loosely than that slot.
from ast import NodeVisitor, Constant, Expr, Name, If, Module, ClassDef, FunctionDef, AsyncFunctionDef
from _ast_unparse_expr import ExpressionWriter, BINARY, MULTI_LINE_QUOTES, TEST, TUPLE, YIELD


class _Delimit:
    """Writes `start` on entry and `end` on exit when `when` holds."""

    def __init__(self, writer, start, end, when):
        self.writer, self.start, self.end, self.when = writer, start, end, when

    def __enter__(self):
        if self.when:
            self.writer.write(self.start)

    def __exit__(self, *exc):
        if self.when:
            self.writer.write(self.end)


class _Block:
    """A statement's body: the colon, then one more level of indentation."""

    def __init__(self, writer, extra):
        self.writer, self.extra = writer, extra

    def __enter__(self):
        self.writer.write(':')
        if self.extra:
            self.writer.write(self.extra)
        self.writer.indent += 1

    def __exit__(self, *exc):
        self.writer.indent -= 1


class Unparser(ExpressionWriter, NodeVisitor):
    def __init__(self, avoid_backslashes=False):
        self.out = []
        self.levels = {}
        self.indent = 0
        self.avoid_backslashes = avoid_backslashes
        self.in_try_star = False

    # ---- output helpers -------------------------------------------------------------
    def visit(self, node):
        self.out = []
        self.traverse(node)
        return ''.join(self.out)

    def traverse(self, node):
        if isinstance(node, list):
            for item in node:
                self.traverse(item)
        else:
            super().visit(node)

    def write(self, *texts):
        self.out.extend(texts)

    def fill(self, text=''):
        """Starts a new line at the current indentation."""
        if self.out:
            self.write('\n')
        self.write('    ' * self.indent + text)

    def blank_line(self):
        if self.out:
            self.write('\n')

    def interleave(self, between, each, items):
        for i, item in enumerate(items):
            if i:
                between()
            each(item)

    def comma_separated(self, each, items):
        self.interleave(lambda: self.write(', '), each, items)

    def items_view(self, each, items):
        """Tuple items: a lone item keeps its trailing comma."""
        if len(items) == 1:
            each(items[0])
            self.write(',')
        else:
            self.comma_separated(each, items)

    def delimit(self, start, end, when=True):
        return _Delimit(self, start, end, when)

    def block(self, extra=None):
        return _Block(self, extra)

    def level_of(self, node):
        return self.levels.get(node, TEST)

    def set_level(self, level, *nodes):
        for node in nodes:
            self.levels[node] = level

    def parens_if_looser(self, level, node):
        return self.delimit('(', ')', self.level_of(node) > level)

    def buffered(self, node_writer):
        """The text `node_writer` writes, captured instead of written."""
        saved, self.out = self.out, []
        node_writer()
        text, self.out = ''.join(self.out), saved
        return text

    def type_comment(self, node):
        comment = getattr(node, 'type_comment', None)
        return f' # type: {comment}' if comment is not None else None

    # ---- modules and statements -----------------------------------------------------
    def docstring_node(self, node):
        if not isinstance(node, (AsyncFunctionDef, FunctionDef, ClassDef, Module)) or not node.body:
            return None
        first = node.body[0]
        if isinstance(first, Expr) and isinstance(first.value, Constant) and isinstance(first.value.value, str):
            return first.value
        return None

    def docstring_and_body(self, node):
        doc = self.docstring_node(node)
        if doc is None:
            self.traverse(node.body)
            return
        self.fill()
        if doc.kind == 'u':
            self.write('u')
        self.write_quoted(doc.value, MULTI_LINE_QUOTES)
        self.traverse(node.body[1:])

    def visit_Module(self, node):
        self.docstring_and_body(node)

    def visit_Interactive(self, node):
        self.traverse(node.body)

    def visit_Expression(self, node):
        self.traverse(node.body)

    def visit_FunctionType(self, node):
        with self.delimit('(', ')'):
            self.comma_separated(self.traverse, node.argtypes)
        self.write(' -> ')
        self.traverse(node.returns)

    def visit_Expr(self, node):
        self.fill()
        self.set_level(YIELD, node.value)
        self.traverse(node.value)

    def visit_Assign(self, node):
        self.fill()
        for target in node.targets:
            self.set_level(TUPLE, target)
            self.traverse(target)
            self.write(' = ')
        self.traverse(node.value)
        comment = self.type_comment(node)
        if comment:
            self.write(comment)

    def visit_AugAssign(self, node):
        self.fill()
        self.traverse(node.target)
        self.write(' ' + BINARY[type(node.op).__name__][0] + '= ')
        self.traverse(node.value)

    def visit_AnnAssign(self, node):
        self.fill()
        with self.delimit('(', ')', not node.simple and isinstance(node.target, Name)):
            self.traverse(node.target)
        self.write(': ')
        self.traverse(node.annotation)
        if node.value:
            self.write(' = ')
            self.traverse(node.value)

    def visit_Return(self, node):
        self.fill('return')
        if node.value:
            self.write(' ')
            self.traverse(node.value)

    def visit_Pass(self, node):
        self.fill('pass')

    def visit_Break(self, node):
        self.fill('break')

    def visit_Continue(self, node):
        self.fill('continue')

    def visit_Delete(self, node):
        self.fill('del ')
        self.comma_separated(self.traverse, node.targets)

    def visit_Assert(self, node):
        self.fill('assert ')
        self.traverse(node.test)
        if node.msg:
            self.write(', ')
            self.traverse(node.msg)

    def visit_Global(self, node):
        self.fill('global ')
        self.comma_separated(self.write, node.names)

    def visit_Nonlocal(self, node):
        self.fill('nonlocal ')
        self.comma_separated(self.write, node.names)

    def visit_Import(self, node):
        self.fill('import ')
        self.comma_separated(self.traverse, node.names)

    def visit_ImportFrom(self, node):
        self.fill('from ')
        self.write('.' * (node.level or 0))
        if node.module:
            self.write(node.module)
        self.write(' import ')
        self.comma_separated(self.traverse, node.names)

    def visit_alias(self, node):
        self.write(node.name)
        if node.asname:
            self.write(' as ' + node.asname)

    def visit_Raise(self, node):
        self.fill('raise')
        if not node.exc:
            if node.cause:
                raise ValueError("Node can't use cause without an exception.")
            return
        self.write(' ')
        self.traverse(node.exc)
        if node.cause:
            self.write(' from ')
            self.traverse(node.cause)

    def try_statement(self, node, star):
        self.fill('try')
        with self.block():
            self.traverse(node.body)
        outer, self.in_try_star = self.in_try_star, star
        for handler in node.handlers:
            self.traverse(handler)
        self.in_try_star = outer
        if node.orelse:
            self.fill('else')
            with self.block():
                self.traverse(node.orelse)
        if node.finalbody:
            self.fill('finally')
            with self.block():
                self.traverse(node.finalbody)

    def visit_Try(self, node):
        self.try_statement(node, False)

    def visit_TryStar(self, node):
        self.try_statement(node, True)

    def visit_ExceptHandler(self, node):
        self.fill('except*' if self.in_try_star else 'except')
        if node.type:
            self.write(' ')
            self.traverse(node.type)
        if node.name:
            self.write(' as ' + node.name)
        with self.block():
            self.traverse(node.body)

    def visit_ClassDef(self, node):
        self.blank_line()
        for decorator in node.decorator_list:
            self.fill('@')
            self.traverse(decorator)
        self.fill('class ' + node.name)
        with self.delimit('(', ')', bool(node.bases or node.keywords)):
            self.comma_separated(self.traverse, node.bases + node.keywords)
        with self.block():
            self.docstring_and_body(node)

    def function(self, node, keyword):
        self.blank_line()
        for decorator in node.decorator_list:
            self.fill('@')
            self.traverse(decorator)
        self.fill(keyword + ' ' + node.name)
        with self.delimit('(', ')'):
            self.traverse(node.args)
        if node.returns:
            self.write(' -> ')
            self.traverse(node.returns)
        with self.block(extra=self.type_comment(node)):
            self.docstring_and_body(node)

    def visit_FunctionDef(self, node):
        self.function(node, 'def')

    def visit_AsyncFunctionDef(self, node):
        self.function(node, 'async def')

    def for_statement(self, node, keyword):
        self.fill(keyword)
        self.set_level(TUPLE, node.target)
        self.traverse(node.target)
        self.write(' in ')
        self.traverse(node.iter)
        with self.block(extra=self.type_comment(node)):
            self.traverse(node.body)
        if node.orelse:
            self.fill('else')
            with self.block():
                self.traverse(node.orelse)

    def visit_For(self, node):
        self.for_statement(node, 'for ')

    def visit_AsyncFor(self, node):
        self.for_statement(node, 'async for ')

    def visit_If(self, node):
        self.fill('if ')
        self.traverse(node.test)
        with self.block():
            self.traverse(node.body)
        # An else holding only an if is written as elif.
        while node.orelse and len(node.orelse) == 1 and isinstance(node.orelse[0], If):
            node = node.orelse[0]
            self.fill('elif ')
            self.traverse(node.test)
            with self.block():
                self.traverse(node.body)
        if node.orelse:
            self.fill('else')
            with self.block():
                self.traverse(node.orelse)

    def visit_While(self, node):
        self.fill('while ')
        self.traverse(node.test)
        with self.block():
            self.traverse(node.body)
        if node.orelse:
            self.fill('else')
            with self.block():
                self.traverse(node.orelse)

    def with_statement(self, node, keyword):
        self.fill(keyword)
        self.comma_separated(self.traverse, node.items)
        with self.block(extra=self.type_comment(node)):
            self.traverse(node.body)

    def visit_With(self, node):
        self.with_statement(node, 'with ')

    def visit_AsyncWith(self, node):
        self.with_statement(node, 'async with ')

    def visit_withitem(self, node):
        self.traverse(node.context_expr)
        if node.optional_vars:
            self.write(' as ')
            self.traverse(node.optional_vars)

    def visit_Match(self, node):
        self.fill('match ')
        self.traverse(node.subject)
        with self.block():
            for case in node.cases:
                self.traverse(case)

    def visit_match_case(self, node):
        self.fill('case ')
        self.traverse(node.pattern)
        if node.guard:
            self.write(' if ')
            self.traverse(node.guard)
        with self.block():
            self.traverse(node.body)

    def visit_arguments(self, node):
        first = True

        def separate():
            nonlocal first
            if not first:
                self.write(', ')
            first = False

        positional = node.posonlyargs + node.args
        defaults = [None] * (len(positional) - len(node.defaults)) + node.defaults
        for index, (arg, default) in enumerate(zip(positional, defaults), 1):
            separate()
            self.traverse(arg)
            if default:
                self.write('=')
                self.traverse(default)
            if index == len(node.posonlyargs):
                self.write(', /')
        # A bare * marks where keyword-only parameters start.
        if node.vararg or node.kwonlyargs:
            separate()
            self.write('*')
            if node.vararg:
                self.traverse(node.vararg)
        for arg, default in zip(node.kwonlyargs, node.kw_defaults):
            separate()
            self.traverse(arg)
            if default:
                self.write('=')
                self.traverse(default)
        if node.kwarg:
            separate()
            self.write('**')
            self.traverse(node.kwarg)

    def visit_arg(self, node):
        self.write(node.arg)
        if node.annotation:
            self.write(': ')
            self.traverse(node.annotation)

    def visit_keyword(self, node):
        if node.arg is None:
            self.write('**')
        else:
            self.write(node.arg, '=')
        self.traverse(node.value)
