# The expression half of ast.unparse (see _ast_unparse.py): expressions, string and
# f-string literals, and match patterns, as a mixin of the Unparser. Parentheses come from
# precedence levels: a parent sets the level of each child's slot (set_level) and a child
# looser than its slot parenthesises itself (parens_if_looser).
from ast import Constant, Tuple, JoinedStr

# Precedence levels, loosest first. CPython: Lib/ast.py _Precedence.
(NAMED_EXPR, TUPLE, YIELD, TEST, OR, AND, NOT, CMP, EXPR, BXOR, BAND, SHIFT, ARITH, TERM, FACTOR,
 POWER, AWAIT, ATOM) = range(1, 19)
BOR = EXPR

UNARY = {'Invert': ('~', FACTOR), 'Not': ('not', NOT), 'UAdd': ('+', FACTOR), 'USub': ('-', FACTOR)}
BINARY = {'Add': ('+', ARITH), 'Sub': ('-', ARITH), 'Mult': ('*', TERM), 'MatMult': ('@', TERM),
          'Div': ('/', TERM), 'Mod': ('%', TERM), 'FloorDiv': ('//', TERM), 'LShift': ('<<', SHIFT),
          'RShift': ('>>', SHIFT), 'BitOr': ('|', BOR), 'BitXor': ('^', BXOR), 'BitAnd': ('&', BAND),
          'Pow': ('**', POWER)}
COMPARE = {'Eq': '==', 'NotEq': '!=', 'Lt': '<', 'LtE': '<=', 'Gt': '>', 'GtE': '>=', 'Is': 'is',
           'IsNot': 'is not', 'In': 'in', 'NotIn': 'not in'}
BOOL = {'And': ('and', AND), 'Or': ('or', OR)}

# How infinities are written: a literal just past the largest double exponent
# (sys.float_info.max_10_exp + 1 for IEEE doubles), which overflows to inf.
INFINITY = '1e309'
MULTI_LINE_QUOTES = ('"""', "'''")
ALL_QUOTES = ("'", '"') + MULTI_LINE_QUOTES


def tighter(level):
    return min(level + 1, ATOM)


def unicode_escape(ch):
    """ch as the unicode_escape codec writes it."""
    named = {'\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r'}
    if ch in named:
        return named[ch]
    code = ord(ch)
    if code < 0x100:
        return '\\x%02x' % code
    if code < 0x10000:
        return '\\u%04x' % code
    return '\\U%08x' % code


def quoted_body(text, quotes=ALL_QUOTES, escape_whitespace=False):
    """(escaped text, usable quotes best first) for writing `text` between quotes without
    backslashes where possible."""
    def escape(ch):
        if not escape_whitespace and ch in '\n\t':
            return ch
        if ch == '\\' or not ch.isprintable():
            return unicode_escape(ch)
        return ch
    escaped = ''.join(map(escape, text))
    usable = [q for q in quotes if q in MULTI_LINE_QUOTES] if '\n' in escaped else list(quotes)
    usable = [q for q in usable if q not in escaped]
    if not usable:
        # No quote fits unescaped: fall back to repr's escaping.
        text = repr(text)
        quote = next((q for q in quotes if text[0] in q), text[0])
        return text[1:-1], [quote]
    if escaped:
        # A quote character at the end would merge with the closing quote.
        usable.sort(key=lambda q: q[0] == escaped[-1])
        if usable[0][0] == escaped[-1]:
            escaped = escaped[:-1] + '\\' + escaped[-1]
    return escaped, usable


class ExpressionWriter:
    # ---- literals -----------------------------------------------------------------------
    def write_quoted(self, text, quotes=ALL_QUOTES):
        body, usable = quoted_body(text, quotes)
        self.write(usable[0] + body + usable[0])

    def write_constant(self, value):
        if isinstance(value, (float, complex)):
            # inf has no literal; 1e309 overflows to it, and inf - inf is a NaN.
            self.write(repr(value).replace('inf', INFINITY).replace('nan', f'({INFINITY}-{INFINITY})'))
        elif self.avoid_backslashes and isinstance(value, str):
            self.write_quoted(value)
        else:
            self.write(repr(value))

    def visit_Constant(self, node):
        value = node.value
        if isinstance(value, tuple):
            with self.delimit('(', ')'):
                self.items_view(self.write_constant, value)
        elif value is ...:
            self.write('...')
        else:
            if node.kind == 'u':
                self.write('u')
            self.write_constant(value)

    # ---- f-strings: the pieces are written first, then quotes that suit all of them -----
    def visit_JoinedStr(self, node):
        self.write('f')
        if self.avoid_backslashes:
            self.write_quoted(self.buffered(lambda: self.fstring_parts(node)))
            return
        quotes, bodies = ALL_QUOTES, []
        for part in node.values:
            text = self.buffered(lambda: self.fstring_part(part))
            body, quotes = quoted_body(text, quotes, escape_whitespace=isinstance(part, Constant))
            bodies.append(body)
        self.write(quotes[0] + ''.join(bodies) + quotes[0])

    def visit_FormattedValue(self, node):
        self.write('f')
        self.write_quoted(self.buffered(lambda: self.fstring_part(node)))

    def fstring_parts(self, node):
        for part in node.values:
            self.fstring_part(part)

    def fstring_part(self, node):
        if isinstance(node, JoinedStr):
            self.fstring_parts(node)
        elif isinstance(node, Constant):
            if not isinstance(node.value, str):
                raise ValueError('Constants inside JoinedStr should be a string.')
            self.write(node.value.replace('{', '{{').replace('}', '}}'))
        else:
            self.fstring_replacement(node)

    def fstring_replacement(self, node):
        self.write('{')
        inner = type(self)(avoid_backslashes=True)
        inner.set_level(tighter(TEST), node.value)
        text = inner.visit(node.value)
        if text.startswith('{'):
            self.write(' ')  # "{{" would read as an escaped brace
        if '\\' in text:
            raise ValueError('Unable to avoid backslash in f-string expression part')
        self.write(text)
        if node.conversion != -1:
            conversion = chr(node.conversion)
            if conversion not in 'sra':
                raise ValueError('Unknown f-string conversion.')
            self.write('!' + conversion)
        if node.format_spec:
            self.write(':')
            self.fstring_part(node.format_spec)
        self.write('}')

    # ---- expressions --------------------------------------------------------------------
    def visit_Name(self, node):
        self.write(node.id)

    def visit_NamedExpr(self, node):
        with self.parens_if_looser(NAMED_EXPR, node):
            self.set_level(ATOM, node.target, node.value)
            self.traverse(node.target)
            self.write(' := ')
            self.traverse(node.value)

    def visit_Await(self, node):
        with self.parens_if_looser(AWAIT, node):
            self.write('await')
            if node.value:
                self.write(' ')
                self.set_level(ATOM, node.value)
                self.traverse(node.value)

    def visit_Yield(self, node):
        with self.parens_if_looser(YIELD, node):
            self.write('yield')
            if node.value:
                self.write(' ')
                self.set_level(ATOM, node.value)
                self.traverse(node.value)

    def visit_YieldFrom(self, node):
        with self.parens_if_looser(YIELD, node):
            self.write('yield from ')
            if not node.value:
                raise ValueError("Node can't be used without a value attribute.")
            self.set_level(ATOM, node.value)
            self.traverse(node.value)

    def visit_List(self, node):
        with self.delimit('[', ']'):
            self.comma_separated(self.traverse, node.elts)

    def visit_Tuple(self, node):
        with self.delimit('(', ')', len(node.elts) == 0 or self.level_of(node) > TUPLE):
            self.items_view(self.traverse, node.elts)

    def visit_Set(self, node):
        if node.elts:
            with self.delimit('{', '}'):
                self.comma_separated(self.traverse, node.elts)
        else:
            self.write('{*()}')  # `{}` is an empty dict

    def visit_Dict(self, node):
        def item(pair):
            key, value = pair
            if key is None:
                self.write('**')
                self.set_level(EXPR, value)
                self.traverse(value)
            else:
                self.traverse(key)
                self.write(': ')
                self.traverse(value)
        with self.delimit('{', '}'):
            self.comma_separated(item, list(zip(node.keys, node.values)))

    def comprehension_expr(self, open_, close, node, *heads):
        with self.delimit(open_, close):
            for i, head in enumerate(heads):
                if i:
                    self.write(': ')
                self.traverse(head)
            for generator in node.generators:
                self.traverse(generator)

    def visit_ListComp(self, node):
        self.comprehension_expr('[', ']', node, node.elt)

    def visit_GeneratorExp(self, node):
        self.comprehension_expr('(', ')', node, node.elt)

    def visit_SetComp(self, node):
        self.comprehension_expr('{', '}', node, node.elt)

    def visit_DictComp(self, node):
        self.comprehension_expr('{', '}', node, node.key, node.value)

    def visit_comprehension(self, node):
        self.write(' async for ' if node.is_async else ' for ')
        self.set_level(TUPLE, node.target)
        self.traverse(node.target)
        self.write(' in ')
        self.set_level(tighter(TEST), node.iter, *node.ifs)
        self.traverse(node.iter)
        for condition in node.ifs:
            self.write(' if ')
            self.traverse(condition)

    def visit_IfExp(self, node):
        with self.parens_if_looser(TEST, node):
            self.set_level(tighter(TEST), node.body, node.test)
            self.traverse(node.body)
            self.write(' if ')
            self.traverse(node.test)
            self.write(' else ')
            self.set_level(TEST, node.orelse)
            self.traverse(node.orelse)

    def visit_UnaryOp(self, node):
        symbol, level = UNARY[type(node.op).__name__]
        with self.parens_if_looser(level, node):
            self.write(symbol)
            if level != FACTOR:
                self.write(' ')
            self.set_level(level, node.operand)
            self.traverse(node.operand)

    def visit_BinOp(self, node):
        symbol, level = BINARY[type(node.op).__name__]
        with self.parens_if_looser(level, node):
            # ** groups from the right, every other operator from the left.
            left, right = (tighter(level), level) if symbol == '**' else (level, tighter(level))
            self.set_level(left, node.left)
            self.traverse(node.left)
            self.write(f' {symbol} ')
            self.set_level(right, node.right)
            self.traverse(node.right)

    def visit_Compare(self, node):
        with self.parens_if_looser(CMP, node):
            self.set_level(tighter(CMP), node.left, *node.comparators)
            self.traverse(node.left)
            for op, operand in zip(node.ops, node.comparators):
                self.write(' ' + COMPARE[type(op).__name__] + ' ')
                self.traverse(operand)

    def visit_BoolOp(self, node):
        word, level = BOOL[type(node.op).__name__]
        # Each operand's slot binds one step tighter than the previous one's, as CPython's does.
        slot = level

        def operand(value):
            nonlocal slot
            slot = tighter(slot)
            self.set_level(slot, value)
            self.traverse(value)
        with self.parens_if_looser(level, node):
            self.interleave(lambda: self.write(f' {word} '), operand, node.values)

    def visit_Attribute(self, node):
        self.set_level(ATOM, node.value)
        self.traverse(node.value)
        # `3.real` would lex as a float: write `3 .real`.
        if isinstance(node.value, Constant) and isinstance(node.value.value, int):
            self.write(' ')
        self.write('.' + node.attr)

    def visit_Call(self, node):
        self.set_level(ATOM, node.func)
        self.traverse(node.func)
        with self.delimit('(', ')'):
            self.comma_separated(self.traverse, node.args + node.keywords)

    def visit_Subscript(self, node):
        self.set_level(ATOM, node.value)
        self.traverse(node.value)
        with self.delimit('[', ']'):
            if isinstance(node.slice, Tuple) and node.slice.elts:
                self.items_view(self.traverse, node.slice.elts)
            else:
                self.traverse(node.slice)

    def visit_Starred(self, node):
        self.write('*')
        self.set_level(EXPR, node.value)
        self.traverse(node.value)

    def visit_Slice(self, node):
        if node.lower:
            self.traverse(node.lower)
        self.write(':')
        if node.upper:
            self.traverse(node.upper)
        if node.step:
            self.write(':')
            self.traverse(node.step)

    def visit_Lambda(self, node):
        with self.parens_if_looser(TEST, node):
            self.write('lambda')
            params = self.buffered(lambda: self.traverse(node.args))
            if params:
                self.write(' ', params)
            self.write(': ')
            self.set_level(TEST, node.body)
            self.traverse(node.body)

    # ---- match patterns -----------------------------------------------------------------
    def visit_MatchValue(self, node):
        self.traverse(node.value)

    def visit_MatchSingleton(self, node):
        self.write_constant(node.value)

    def visit_MatchSequence(self, node):
        with self.delimit('[', ']'):
            self.comma_separated(self.traverse, node.patterns)

    def visit_MatchStar(self, node):
        self.write('*' + (node.name if node.name is not None else '_'))

    def visit_MatchMapping(self, node):
        def pair(item):
            key, pattern = item
            self.traverse(key)
            self.write(': ')
            self.traverse(pattern)
        with self.delimit('{', '}'):
            self.comma_separated(pair, list(zip(node.keys, node.patterns, strict=True)))
            if node.rest is not None:
                if node.keys:
                    self.write(', ')
                self.write('**' + node.rest)

    def visit_MatchClass(self, node):
        self.set_level(ATOM, node.cls)
        self.traverse(node.cls)
        with self.delimit('(', ')'):
            self.comma_separated(self.traverse, node.patterns)
            if node.kwd_attrs:
                def keyword(item):
                    attr, pattern = item
                    self.write(attr + '=')
                    self.traverse(pattern)
                if node.patterns:
                    self.write(', ')
                self.comma_separated(keyword, list(zip(node.kwd_attrs, node.kwd_patterns, strict=True)))

    def visit_MatchAs(self, node):
        if node.name is None:
            self.write('_')
        elif node.pattern is None:
            self.write(node.name)
        else:
            with self.parens_if_looser(TEST, node):
                self.set_level(BOR, node.pattern)
                self.traverse(node.pattern)
                self.write(' as ' + node.name)

    def visit_MatchOr(self, node):
        with self.parens_if_looser(BOR, node):
            self.set_level(tighter(BOR), *node.patterns)
            self.interleave(lambda: self.write(' | '), self.traverse, node.patterns)
