# ast for Terrarium, written from the Python 3.11 documentation and CPython's observable
# output. The node classes come from the built-in `_ast` module (core/modules/ast_*.cpp,
# classes in core/pylib/_ast_nodes.py); this file adds parse, dump, the visitors, the
# location helpers, literal_eval and get_source_segment. unparse lives in _ast_unparse.py.
# Omits: the command-line interface (python -m ast) and type comments.
from _ast import *
from _ast import AST, PyCF_ONLY_AST, PyCF_TYPE_COMMENTS, PyCF_ALLOW_TOP_LEVEL_AWAIT
from _ast_deprecated import Num, Str, Bytes, NameConstant, Ellipsis, slice, Index, ExtSlice, Suite
from _ast_deprecated import AugLoad, AugStore, Param


def parse(source, filename='<unknown>', mode='exec', *, type_comments=False, feature_version=None):
    flags = PyCF_ONLY_AST
    if type_comments:
        flags |= PyCF_TYPE_COMMENTS
    return compile(source, filename, mode, flags)


def literal_eval(node_or_string):
    """Evaluates a node or string holding only a Python literal: strings, bytes, numbers,
    tuples, lists, dicts, sets, booleans, None and Ellipsis."""
    if isinstance(node_or_string, str):
        node_or_string = parse(node_or_string.lstrip(" \t"), mode='eval')
    if isinstance(node_or_string, Expression):
        node_or_string = node_or_string.body

    def malformed(node):
        msg = 'malformed node or string'
        lineno = getattr(node, 'lineno', None)
        if lineno:
            msg += f' on line {lineno}'
        raise ValueError(msg + f': {node!r}')

    def number(node):
        if not isinstance(node, Constant) or type(node.value) not in (int, float, complex):
            malformed(node)
        return node.value

    def signed_number(node):
        if isinstance(node, UnaryOp) and isinstance(node.op, (UAdd, USub)):
            operand = number(node.operand)
            return +operand if isinstance(node.op, UAdd) else -operand
        return number(node)

    def convert(node):
        if isinstance(node, Constant):
            return node.value
        if isinstance(node, Tuple):
            return tuple(map(convert, node.elts))
        if isinstance(node, List):
            return list(map(convert, node.elts))
        if isinstance(node, Set):
            return set(map(convert, node.elts))
        if (isinstance(node, Call) and isinstance(node.func, Name) and node.func.id == 'set'
                and node.args == node.keywords == []):
            return set()
        if isinstance(node, Dict):
            if len(node.keys) != len(node.values):
                malformed(node)
            return dict(zip(map(convert, node.keys), map(convert, node.values)))
        if isinstance(node, BinOp) and isinstance(node.op, (Add, Sub)):
            left = signed_number(node.left)
            right = number(node.right)
            # Only complex literals such as 1+2j are allowed, not arithmetic in general.
            if isinstance(left, (int, float)) and isinstance(right, complex):
                return left + right if isinstance(node.op, Add) else left - right
        return signed_number(node)

    return convert(node_or_string)


def dump(node, annotate_fields=True, include_attributes=False, *, indent=None):
    """The tree under `node` as text, for debugging: one Class(field=value, ...) per node,
    laid out over several lines when `indent` is given."""
    if not isinstance(node, AST):
        raise TypeError('expected AST, got %r' % node.__class__.__name__)
    if indent is not None and not isinstance(indent, str):
        indent = ' ' * indent

    def missing_or_default(node, name):
        # Optional fields left at their None default are omitted; so are absent ones.
        if not hasattr(node, name):
            return True
        return getattr(node, name) is None and getattr(type(node), name, ...) is None

    def fmt(node, level):
        """(text, is_simple): simple means a leaf or a node without arguments."""
        if indent is not None:
            level += 1
            opening = '\n' + indent * level
            separator = ',\n' + indent * level
        else:
            opening, separator = '', ', '
        if isinstance(node, AST):
            parts, all_simple, use_names = [], True, annotate_fields
            for name in node._fields:
                if missing_or_default(node, name):
                    use_names = True  # a later positional would land in the wrong slot
                    continue
                text, simple = fmt(getattr(node, name), level)
                all_simple = all_simple and simple
                parts.append(f'{name}={text}' if use_names else text)
            if include_attributes:
                for name in node._attributes:
                    if missing_or_default(node, name):
                        continue
                    text, simple = fmt(getattr(node, name), level)
                    all_simple = all_simple and simple
                    parts.append(f'{name}={text}')
            cls = type(node).__name__
            if all_simple and len(parts) <= 3:
                return f"{cls}({', '.join(parts)})", not parts
            return f'{cls}({opening}{separator.join(parts)})', False
        if isinstance(node, list):
            if not node:
                return '[]', True
            return f'[{opening}{separator.join(fmt(x, level)[0] for x in node)}]', False
        return repr(node), True

    return fmt(node, 0)[0]


def copy_location(new_node, old_node):
    for name in 'lineno', 'col_offset', 'end_lineno', 'end_col_offset':
        if name in old_node._attributes and name in new_node._attributes:
            value = getattr(old_node, name, None)
            # The end positions are optional: a None end is copied too.
            if value is not None or (hasattr(old_node, name) and name.startswith('end_')):
                setattr(new_node, name, value)
    return new_node


def fix_missing_locations(node):
    """Gives every node lacking a position its parent's, starting from line 1, column 0."""
    def fix(node, position):
        position = dict(position)
        for name in ('lineno', 'col_offset', 'end_lineno', 'end_col_offset'):
            if name not in node._attributes:
                continue
            value = getattr(node, name, None)
            if value is None and (name.startswith('end_') or not hasattr(node, name)):
                setattr(node, name, position[name])
            elif hasattr(node, name):
                position[name] = value
        for child in iter_child_nodes(node):
            fix(child, position)
    fix(node, {'lineno': 1, 'col_offset': 0, 'end_lineno': 1, 'end_col_offset': 0})
    return node


def increment_lineno(node, n=1):
    for child in walk(node):
        # TypeIgnore keeps its line number as a field, not a position attribute.
        if isinstance(child, TypeIgnore):
            child.lineno = getattr(child, 'lineno', 0) + n
            continue
        if 'lineno' in child._attributes:
            child.lineno = getattr(child, 'lineno', 0) + n
        if 'end_lineno' in child._attributes:
            end = getattr(child, 'end_lineno', 0)
            if end is not None:
                child.end_lineno = end + n
    return node


def iter_fields(node):
    for name in node._fields:
        try:
            yield name, getattr(node, name)
        except AttributeError:
            pass


def iter_child_nodes(node):
    for _, value in iter_fields(node):
        if isinstance(value, AST):
            yield value
        elif isinstance(value, list):
            for item in value:
                if isinstance(item, AST):
                    yield item


def get_docstring(node, clean=True):
    if not isinstance(node, (AsyncFunctionDef, FunctionDef, ClassDef, Module)):
        raise TypeError("%r can't have docstrings" % node.__class__.__name__)
    if not (node.body and isinstance(node.body[0], Expr)):
        return None
    value = node.body[0].value
    if not (isinstance(value, Constant) and isinstance(value.value, str)):
        return None
    if clean:
        import inspect
        return inspect.cleandoc(value.value)
    return value.value


def _splitlines_keeping_ends(source):
    """Lines as the tokenizer sees them: ends are \\r\\n, \\n or \\r (not form feeds)."""
    lines, start, i = [], 0, 0
    while i < len(source):
        ch = source[i]
        if ch == '\r' or ch == '\n':
            if ch == '\r' and source[i + 1:i + 2] == '\n':
                i += 1
            lines.append(source[start:i + 1])
            start = i + 1
        i += 1
    if start < len(source):
        lines.append(source[start:])
    return lines


def get_source_segment(source, node, *, padded=False):
    try:
        if node.end_lineno is None or node.end_col_offset is None:
            return None
        first, last = node.lineno - 1, node.end_lineno - 1
        start, end = node.col_offset, node.end_col_offset
    except AttributeError:
        return None
    lines = _splitlines_keeping_ends(source)
    # Columns are UTF-8 byte offsets.
    if first == last:
        return lines[first].encode()[start:end].decode()
    padding = ''
    if padded:
        before = lines[first].encode()[:start].decode()
        padding = ''.join(c if c in '\f\t' else ' ' for c in before)
    head = padding + lines[first].encode()[start:].decode()
    tail = lines[last].encode()[:end].decode()
    return ''.join([head] + lines[first + 1:last] + [tail])


def walk(node):
    """Every node under `node` (itself included), breadth first."""
    from collections import deque
    pending = deque([node])
    while pending:
        node = pending.popleft()
        pending.extend(iter_child_nodes(node))
        yield node


class NodeVisitor(object):
    """Calls visit_<ClassName>(node) for each node it is given, or generic_visit, which
    visits the node's children."""

    def visit(self, node):
        visitor = getattr(self, 'visit_' + node.__class__.__name__, self.generic_visit)
        return visitor(node)

    def generic_visit(self, node):
        for _, value in iter_fields(node):
            if isinstance(value, list):
                for item in value:
                    if isinstance(item, AST):
                        self.visit(item)
            elif isinstance(value, AST):
                self.visit(value)

    def visit_Constant(self, node):
        # Visitors written for the pre-3.8 classes (visit_Num, visit_Str ...) still work.
        import _ast_deprecated
        name = _ast_deprecated.legacy_class_name(node.value)
        visitor = getattr(self, 'visit_' + name, None) if name else None
        if visitor is not None:
            return visitor(node)
        return self.generic_visit(node)


class NodeTransformer(NodeVisitor):
    """A NodeVisitor whose visit methods return the replacement node: None removes it, a
    list (inside a list field) splices several in its place."""

    def generic_visit(self, node):
        for name, old in iter_fields(node):
            if isinstance(old, list):
                replaced = []
                for item in old:
                    if isinstance(item, AST):
                        item = self.visit(item)
                        if item is None:
                            continue
                        if not isinstance(item, AST):
                            replaced.extend(item)
                            continue
                    replaced.append(item)
                old[:] = replaced
            elif isinstance(old, AST):
                new = self.visit(old)
                if new is None:
                    delattr(node, name)
                else:
                    setattr(node, name, new)
        return node


def unparse(ast_obj):
    from _ast_unparse import Unparser
    return Unparser().visit(ast_obj)
