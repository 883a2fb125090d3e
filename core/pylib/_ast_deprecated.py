# The node classes ast kept from before Python 3.8/3.9 for old code: Num, Str, Bytes,
# NameConstant and Ellipsis (all Constant now; isinstance checks look at the value),
# Index and ExtSlice (now the bare expression or a Tuple), and the unused
# slice, Suite, AugLoad, AugStore and Param. Re-exported by ast.py.
from _ast import Constant, Tuple, Load, AST, mod, expr_context


class _ConstantAlias(type):
    """Metaclass of Num, Str ...: an instance is a Constant holding the right kind of value."""

    def __init__(cls, *args):
        cls.__doc__ = """Deprecated AST node class. Use ast.Constant instead"""

    def __instancecheck__(cls, inst):
        if not isinstance(inst, Constant):
            return False
        if cls in _VALUE_TYPES:
            if not hasattr(inst, 'value'):
                return False
            return (isinstance(inst.value, _VALUE_TYPES[cls])
                    and not isinstance(inst.value, _EXCLUDED_TYPES.get(cls, ())))
        return type.__instancecheck__(cls, inst)


def _make_constant(cls, *args, **kwargs):
    for key in kwargs:
        if key in cls._fields and cls._fields.index(key) < len(args):
            raise TypeError(f"{cls.__name__} got multiple values for argument {key!r}")
    if cls in _VALUE_TYPES:
        return Constant(*args, **kwargs)
    return Constant.__new__(cls, *args, **kwargs)


class Num(Constant, metaclass=_ConstantAlias):
    __module__ = "ast"
    _fields = ('n',)
    __new__ = _make_constant


class Str(Constant, metaclass=_ConstantAlias):
    __module__ = "ast"
    _fields = ('s',)
    __new__ = _make_constant


class Bytes(Constant, metaclass=_ConstantAlias):
    __module__ = "ast"
    _fields = ('s',)
    __new__ = _make_constant


class NameConstant(Constant, metaclass=_ConstantAlias):
    __module__ = "ast"
    __new__ = _make_constant


class Ellipsis(Constant, metaclass=_ConstantAlias):
    __module__ = "ast"
    _fields = ()

    def __new__(cls, *args, **kwargs):
        if cls is Ellipsis:
            return Constant(..., *args, **kwargs)
        return Constant.__new__(cls, *args, **kwargs)


_VALUE_TYPES = {
    Num: (int, float, complex),
    Str: (str,),
    Bytes: (bytes,),
    NameConstant: (type(None), bool),
    Ellipsis: (type(...),),
}
_EXCLUDED_TYPES = {Num: (bool,)}


def legacy_class_name(value):
    """'Num', 'Str' ... for a Constant's value: the old visit_<name> method to call."""
    for cls, types in _VALUE_TYPES.items():
        if isinstance(value, types) and not isinstance(value, _EXCLUDED_TYPES.get(cls, ())):
            return cls.__name__
    return None


# Constant.n and Constant.s: the old field names of Num and Str.
def _value_get(self):
    return self.value


def _value_set(self, value):
    self.value = value


Constant.n = property(_value_get, _value_set)
Constant.s = property(_value_get, _value_set)


class slice(AST):
    """Deprecated AST node class."""
    __module__ = "ast"


class Index(slice):
    """Deprecated AST node class. Use the index value directly instead."""
    __module__ = "ast"

    def __new__(cls, value, **kwargs):
        return value


class ExtSlice(slice):
    """Deprecated AST node class. Use ast.Tuple instead."""
    __module__ = "ast"

    def __new__(cls, dims=(), **kwargs):
        return Tuple(list(dims), Load(), **kwargs)


class Suite(mod):
    """Deprecated AST node class.  Unused in Python 3."""
    __module__ = "ast"


class AugLoad(expr_context):
    """Deprecated AST node class.  Unused in Python 3."""
    __module__ = "ast"


class AugStore(expr_context):
    """Deprecated AST node class.  Unused in Python 3."""
    __module__ = "ast"


class Param(expr_context):
    """Deprecated AST node class.  Unused in Python 3."""
    __module__ = "ast"
