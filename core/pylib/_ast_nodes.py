# The node classes of the `_ast` module (ast.AST and its subclasses), built from one table
# written in the notation of CPython's ASDL description (Parser/Python.asdl), which is
# also what each class's __doc__ shows. The C++ converter (core/modules/ast_*.cpp) fills
# instances of these classes; this file owns only the classes and their constructor.
# Field rules follow CPython 3.11: `?` fields and `?` attributes default to None on the
# class; `*` fields have no default.

_ATTRS = "(int lineno, int col_offset, int? end_lineno, int? end_col_offset)"

# One entry per ASDL type: "name = Constructor(...) | ..." for sum types (the trailing
# "attributes" clause gives their common attributes), "name(...)" for product types.
_TABLE = """
mod = Module(stmt* body, type_ignore* type_ignores)
    | Interactive(stmt* body)
    | Expression(expr body)
    | FunctionType(expr* argtypes, expr returns)

stmt = FunctionDef(identifier name, arguments args, stmt* body, expr* decorator_list, expr? returns, string? type_comment)
     | AsyncFunctionDef(identifier name, arguments args, stmt* body, expr* decorator_list, expr? returns, string? type_comment)
     | ClassDef(identifier name, expr* bases, keyword* keywords, stmt* body, expr* decorator_list)
     | Return(expr? value)
     | Delete(expr* targets)
     | Assign(expr* targets, expr value, string? type_comment)
     | AugAssign(expr target, operator op, expr value)
     | AnnAssign(expr target, expr annotation, expr? value, int simple)
     | For(expr target, expr iter, stmt* body, stmt* orelse, string? type_comment)
     | AsyncFor(expr target, expr iter, stmt* body, stmt* orelse, string? type_comment)
     | While(expr test, stmt* body, stmt* orelse)
     | If(expr test, stmt* body, stmt* orelse)
     | With(withitem* items, stmt* body, string? type_comment)
     | AsyncWith(withitem* items, stmt* body, string? type_comment)
     | Match(expr subject, match_case* cases)
     | Raise(expr? exc, expr? cause)
     | Try(stmt* body, excepthandler* handlers, stmt* orelse, stmt* finalbody)
     | TryStar(stmt* body, excepthandler* handlers, stmt* orelse, stmt* finalbody)
     | Assert(expr test, expr? msg)
     | Import(alias* names)
     | ImportFrom(identifier? module, alias* names, int? level)
     | Global(identifier* names)
     | Nonlocal(identifier* names)
     | Expr(expr value)
     | Pass
     | Break
     | Continue
     attributes ATTRS

expr = BoolOp(boolop op, expr* values)
     | NamedExpr(expr target, expr value)
     | BinOp(expr left, operator op, expr right)
     | UnaryOp(unaryop op, expr operand)
     | Lambda(arguments args, expr body)
     | IfExp(expr test, expr body, expr orelse)
     | Dict(expr* keys, expr* values)
     | Set(expr* elts)
     | ListComp(expr elt, comprehension* generators)
     | SetComp(expr elt, comprehension* generators)
     | DictComp(expr key, expr value, comprehension* generators)
     | GeneratorExp(expr elt, comprehension* generators)
     | Await(expr value)
     | Yield(expr? value)
     | YieldFrom(expr value)
     | Compare(expr left, cmpop* ops, expr* comparators)
     | Call(expr func, expr* args, keyword* keywords)
     | FormattedValue(expr value, int conversion, expr? format_spec)
     | JoinedStr(expr* values)
     | Constant(constant value, string? kind)
     | Attribute(expr value, identifier attr, expr_context ctx)
     | Subscript(expr value, expr slice, expr_context ctx)
     | Starred(expr value, expr_context ctx)
     | Name(identifier id, expr_context ctx)
     | List(expr* elts, expr_context ctx)
     | Tuple(expr* elts, expr_context ctx)
     | Slice(expr? lower, expr? upper, expr? step)
     attributes ATTRS

expr_context = Load | Store | Del

boolop = And | Or

operator = Add | Sub | Mult | MatMult | Div | Mod | Pow | LShift | RShift | BitOr | BitXor | BitAnd | FloorDiv

unaryop = Invert | Not | UAdd | USub

cmpop = Eq | NotEq | Lt | LtE | Gt | GtE | Is | IsNot | In | NotIn

comprehension(expr target, expr iter, expr* ifs, int is_async)

excepthandler = ExceptHandler(expr? type, identifier? name, stmt* body)
     attributes ATTRS

arguments(arg* posonlyargs, arg* args, arg? vararg, arg* kwonlyargs, expr* kw_defaults, arg? kwarg, expr* defaults)

arg(identifier arg, expr? annotation, string? type_comment)
     attributes ATTRS

keyword(identifier? arg, expr value)
     attributes ATTRS

alias(identifier name, identifier? asname)
     attributes ATTRS

withitem(expr context_expr, expr? optional_vars)

match_case(pattern pattern, expr? guard, stmt* body)

pattern = MatchValue(expr value)
     | MatchSingleton(constant value)
     | MatchSequence(pattern* patterns)
     | MatchMapping(expr* keys, pattern* patterns, identifier? rest)
     | MatchClass(expr cls, pattern* patterns, identifier* kwd_attrs, pattern* kwd_patterns)
     | MatchStar(identifier? name)
     | MatchAs(pattern? pattern, identifier? name)
     | MatchOr(pattern* patterns)
     attributes (int lineno, int col_offset, int end_lineno, int end_col_offset)

type_ignore = TypeIgnore(int lineno, string tag)
""".replace("ATTRS", _ATTRS)


class AST:
    __module__ = "ast"
    _fields = ()
    _attributes = ()
    __match_args__ = ()

    # CPython: Python-ast.c ast_type_init. Positional arguments fill _fields in order;
    # keywords may name any attribute.
    def __init__(self, *args, **kwargs):
        cls = type(self)
        fields = cls._fields
        if len(args) > len(fields):
            raise TypeError(f"{cls.__name__} constructor takes at most "
                            f"{len(fields)} positional argument{'' if len(fields) == 1 else 's'}")
        for name, value in zip(fields, args):
            setattr(self, name, value)
        for name, value in kwargs.items():
            if name in fields[:len(args)]:
                raise TypeError(f"{cls.__name__} got multiple values for argument '{name}'")
            setattr(self, name, value)

    def __reduce__(self):
        return type(self), (), dict(self.__dict__)


def _split_members(text):
    """'(int lineno, expr? x)' -> [('int', 'lineno'), ('expr?', 'x')]."""
    inner = text.strip()[1:-1].strip()
    if not inner:
        return []
    return [tuple(part.split()) for part in inner.split(",")]


def _make_class(name, base, members, doc, attributes=()):
    ns = {"__module__": "ast", "__doc__": doc,
          "_fields": tuple(n for _, n in members),
          "__match_args__": tuple(n for _, n in members)}
    if attributes or base is AST:
        ns["_attributes"] = tuple(n for _, n in attributes)
    for kind, field in list(members) + list(attributes):
        if kind.endswith("?"):
            ns[field] = None
    return type(name, (base,), ns)


def _constructors(rhs):
    """Splits 'A(x) | B | C(y)' at the top-level bars."""
    parts, depth, start = [], 0, 0
    for i, ch in enumerate(rhs):
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        elif ch == "|" and depth == 0:
            parts.append(rhs[start:i].strip())
            start = i + 1
    parts.append(rhs[start:].strip())
    return parts


def _build(namespace):
    for entry in _TABLE.strip().split("\n\n"):
        entry = " ".join(entry.split())
        attributes = []
        if " attributes " in entry:
            entry, attr_text = entry.split(" attributes ")
            attributes = _split_members(attr_text)
        if "=" not in entry.split("(")[0]:
            name, members = entry.split("(", 1)
            namespace[name] = _make_class(name, AST, _split_members("(" + members), entry, attributes)
            continue
        type_name, rhs = (s.strip() for s in entry.split("=", 1))
        ctors = _constructors(rhs)
        # CPython's sum-type doc puts constructors with fields one per line under "name = ".
        pad = "\n" + " " * (len(type_name) + 1) + "| "
        if not any("(" in ctor for ctor in ctors):
            pad = " | "
        doc = type_name + " = " + pad.join(ctors)
        base = _make_class(type_name, AST, [], doc, attributes)
        namespace[type_name] = base
        for ctor in ctors:
            cname, _, members = ctor.partition("(")
            fields = _split_members("(" + members) if members else []
            namespace[cname] = _make_class(cname, base, fields, ctor, ())


_build(globals())
# CPython's concrete node classes repeat their sum type's attributes.
for _cls in list(globals().values()):
    if isinstance(_cls, type) and issubclass(_cls, AST) and _cls.__base__ is not AST and _cls is not AST:
        _cls._attributes = _cls.__base__._attributes
del _cls
