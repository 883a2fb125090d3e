# The objects typing is made of: ForwardRef, TypeVar, ParamSpec, the special forms
# (Any, Union, Optional, Literal, ClassVar, Final, ...) and the generic aliases they
# produce when subscripted (typing.List[int], Union[int, str], Literal['a'],
# Callable[[int], str], Annotated[int, 'x']). Written for Terrarium from the Python 3.11
# documentation and observed behaviour; typing.py re-exports these under `typing`.
import collections.abc
import sys
import types
from _type_repr import type_repr, collect_parameters

_NoneType = type(None)


def _caller_module(depth=2):
    return sys._getframemodulename(depth) or '__main__'


def type_convert(arg):
    """None means NoneType and a string is a forward reference, in every annotation."""
    if arg is None:
        return _NoneType
    if isinstance(arg, str):
        return ForwardRef(arg)
    return arg


def type_check(arg, msg):
    """An annotation argument: anything but a tuple, a bare special form that needs
    arguments (Optional) or Generic/Protocol. CPython 3.11 accepts plain values here."""
    arg = type_convert(arg)
    if isinstance(arg, _GenericAlias) and arg.__origin__ in _GENERIC_FORMS:
        raise TypeError(f'{arg} is not valid as type argument')
    if any(arg is form for form in (Any, NoReturn, Never, Self, TypeAlias, LiteralString)):
        return arg
    if isinstance(arg, _SpecialForm) or any(arg is form for form in _GENERIC_FORMS):
        raise TypeError(f'Plain {arg} is not valid as type argument')
    if type(arg) is tuple:
        raise TypeError(f'{msg} Got {arg!r:.100}.')
    return arg


# Generic and Protocol, appended by _typing_generic.py (they are defined after this module).
_GENERIC_FORMS = []


def _hashable(obj):
    try:
        hash(obj)
    except TypeError:
        return False
    return True


def _is_typing_object(obj):
    return isinstance(obj, (ForwardRef, TypeVar, ParamSpec, _BaseGenericAlias, types.UnionType,
                            types.GenericAlias, ParamSpecArgs, ParamSpecKwargs))


def _dedupe(args):
    unique = []
    for arg in args:
        if arg not in unique:
            unique.append(arg)
    return tuple(unique)


def _flatten_union(params):
    flat = []
    for p in params:
        if isinstance(p, (_UnionGenericAlias, types.UnionType)):
            flat.extend(p.__args__)
        else:
            flat.append(p)
    return _dedupe(flat)


class _Final:
    """Typing objects cannot be subclassed (class X(Union): ... is an error)."""

    def __init_subclass__(cls, /, *args, _root=False, **kwargs):
        if not _root:
            raise TypeError('Cannot subclass special typing classes')


class ForwardRef(_Final, _root=True):
    """A string annotation, evaluated later by get_type_hints()."""

    def __init__(self, arg, is_argument=True, module=None, *, is_class=False):
        if not isinstance(arg, str):
            raise TypeError(f'Forward reference must be a string -- got {arg!r}')
        try:
            compile(arg, '<string>', 'eval')
        except SyntaxError:
            raise SyntaxError(f'Forward reference must be an expression -- got {arg!r}')
        self.__forward_arg__ = arg
        self.__forward_evaluated__ = False
        self.__forward_value__ = None
        self.__forward_is_argument__ = is_argument
        self.__forward_is_class__ = is_class
        self.__forward_module__ = module

    def _evaluate(self, globalns, localns):
        if self.__forward_module__ is not None:
            globalns = getattr(sys.modules.get(self.__forward_module__, None), '__dict__', globalns)
        value = eval(self.__forward_arg__, globalns, localns)
        value = type_check(value, 'Forward references must evaluate to types.')
        return eval_type(value, globalns, localns)

    def __eq__(self, other):
        if not isinstance(other, ForwardRef):
            return NotImplemented
        return (self.__forward_arg__ == other.__forward_arg__
                and self.__forward_module__ == other.__forward_module__)

    def __hash__(self):
        return hash((self.__forward_arg__, self.__forward_module__))

    def __or__(self, other):
        return Union[self, other]

    def __ror__(self, other):
        return Union[other, self]

    def __repr__(self):
        module = '' if self.__forward_module__ is None else f', module={self.__forward_module__!r}'
        return f'ForwardRef({self.__forward_arg__!r}{module})'


def eval_type(t, globalns, localns):
    """Resolves forward references inside t, rebuilding the aliases that hold them."""
    if isinstance(t, ForwardRef):
        return t._evaluate(globalns, localns)
    if isinstance(t, (_GenericAlias, types.GenericAlias, types.UnionType)):
        args = t.__args__
        if isinstance(t, types.GenericAlias):  # list['int']; typing's aliases made ForwardRefs already
            args = tuple(ForwardRef(a) if isinstance(a, str) else a for a in args)
        args = tuple(eval_type(a, globalns, localns) for a in args)
        if args == t.__args__:
            return t
        if isinstance(t, types.GenericAlias):
            return types.GenericAlias(t.__origin__, args)
        if isinstance(t, types.UnionType):
            result = args[0]
            for a in args[1:]:
                result = result | a
            return result
        return t.copy_with(args)
    return t


class _TypeVarLike:
    """What TypeVar and ParamSpec share: a name, variance, and use inside Union."""
    _is_type_variable = True

    def _set_variance(self, covariant, contravariant):
        if covariant and contravariant:
            raise ValueError('Bivariant types are not supported.')
        self.__covariant__ = bool(covariant)
        self.__contravariant__ = bool(contravariant)

    def __repr__(self):
        prefix = '+' if self.__covariant__ else '-' if self.__contravariant__ else '~'
        return prefix + self.__name__

    def __or__(self, right):
        return Union[self, right]

    def __ror__(self, left):
        return Union[left, self]

    def __typing_subst__(self, arg):
        return type_check(arg, 'Parameters to generic types must be types.')

    def __reduce__(self):
        return self.__name__


class TypeVar(_Final, _TypeVarLike, _root=True):
    def __init__(self, name, *constraints, bound=None, covariant=False, contravariant=False):
        self.__name__ = name
        self._set_variance(covariant, contravariant)
        if constraints and bound is not None:
            raise TypeError('Constraints cannot be combined with bound=...')
        if len(constraints) == 1:
            raise TypeError('A single constraint is not allowed')
        self.__constraints__ = tuple(type_check(t, 'TypeVar(name, constraint, ...): constraints must be types.')
                                     for t in constraints)
        self.__bound__ = type_check(bound, 'Bound must be a type.') if bound is not None else None
        module = _caller_module()
        if module != 'typing':
            self.__module__ = module


class ParamSpecArgs(_Final, _root=True):
    def __init__(self, origin):
        self.__origin__ = origin

    def __repr__(self):
        return f'{self.__origin__.__name__}.args'

    def __eq__(self, other):
        return isinstance(other, ParamSpecArgs) and self.__origin__ == other.__origin__

    __hash__ = object.__hash__


class ParamSpecKwargs(_Final, _root=True):
    def __init__(self, origin):
        self.__origin__ = origin

    def __repr__(self):
        return f'{self.__origin__.__name__}.kwargs'

    def __eq__(self, other):
        return isinstance(other, ParamSpecKwargs) and self.__origin__ == other.__origin__

    __hash__ = object.__hash__


class ParamSpec(_Final, _TypeVarLike, _root=True):
    @property
    def args(self):
        return ParamSpecArgs(self)

    @property
    def kwargs(self):
        return ParamSpecKwargs(self)

    def __init__(self, name, *, bound=None, covariant=False, contravariant=False):
        self.__name__ = name
        self._set_variance(covariant, contravariant)
        self.__bound__ = type_check(bound, 'Bound must be a type.') if bound is not None else None
        module = _caller_module()
        if module != 'typing':
            self.__module__ = module

    def __typing_subst__(self, arg):
        if isinstance(arg, (list, tuple)):
            return tuple(type_check(a, 'Expected a type.') for a in arg)
        return arg


class _SpecialForm(_Final, _root=True):
    """A bare typing name such as Union or ClassVar; subscripting calls its getitem."""

    def __init__(self, getitem, name=None, doc=None):
        self._getitem = getitem
        self._name = name or getitem.__name__
        self.__doc__ = doc if doc is not None else getitem.__doc__

    def __getattr__(self, item):
        if item in ('__name__', '__qualname__'):
            return self._name
        raise AttributeError(item)

    def __repr__(self):
        return 'typing.' + self._name

    def __reduce__(self):
        return self._name

    def __call__(self, *args, **kwds):
        raise TypeError(f'Cannot instantiate {self!r}')

    def __or__(self, other):
        return Union[self, other]

    def __ror__(self, other):
        return Union[other, self]

    def __instancecheck__(self, obj):
        raise TypeError(f'{self} cannot be used with isinstance()')

    def __subclasscheck__(self, cls):
        raise TypeError(f'{self} cannot be used with issubclass()')

    def __getitem__(self, parameters):
        return self._getitem(self, parameters)


def _special_form(fn):
    return _SpecialForm(fn)


class _BaseGenericAlias(_Final, _root=True):
    """An alias of a class (typing.List -> list) that may be called and subclassed."""

    def __init__(self, origin, *, inst=True, name=None):
        self._inst = inst
        self._name = name
        self.__origin__ = origin

    def __call__(self, *args, **kwargs):
        if not self._inst:
            raise TypeError(f'Type {self._name} cannot be instantiated; use {self.__origin__.__name__}() instead')
        result = self.__origin__(*args, **kwargs)
        try:
            result.__orig_class__ = self
        except AttributeError:
            pass
        return result

    def __mro_entries__(self, bases):
        res = []
        if self.__origin__ not in bases:
            res.append(self.__origin__)
        generic = _GENERIC_FORMS[0]
        i = bases.index(self)
        for b in bases[i + 1:]:
            if isinstance(b, _BaseGenericAlias) or (isinstance(b, type) and issubclass(b, generic)):
                break
        else:
            res.append(generic)
        return tuple(res)

    def __getattr__(self, attr):
        if attr in ('__name__', '__qualname__'):
            return self._name or self.__origin__.__name__
        if '__origin__' in self.__dict__ and not (attr.startswith('__') and attr.endswith('__')):
            return getattr(self.__origin__, attr)
        raise AttributeError(attr)

    def __setattr__(self, attr, val):
        if attr.startswith('__') and attr.endswith('__') or attr in ('_name', '_inst', '_nparams', '_defaults'):
            object.__setattr__(self, attr, val)
        else:
            setattr(self.__origin__, attr, val)

    def __instancecheck__(self, obj):
        return self.__subclasscheck__(type(obj))

    def __subclasscheck__(self, cls):
        raise TypeError('Subscripted generics cannot be used with class and instance checks')


class _GenericAlias(_BaseGenericAlias, _root=True):
    """A subscripted alias: typing.List[int], Stack[int], ClassVar[int]."""

    def __init__(self, origin, args, *, inst=True, name=None):
        super().__init__(origin, inst=inst, name=name)
        if not isinstance(args, tuple):
            args = (args,)
        self.__args__ = tuple(... if a is Ellipsis else a for a in args)
        self.__parameters__ = collect_parameters(args)
        if not name:
            self.__module__ = origin.__module__

    def __eq__(self, other):
        if not isinstance(other, _GenericAlias):
            return NotImplemented
        return self.__origin__ == other.__origin__ and self.__args__ == other.__args__

    def __hash__(self):
        return hash((self.__origin__, self.__args__))

    def __or__(self, right):
        return Union[self, right]

    def __ror__(self, left):
        return Union[left, self]

    def __getitem__(self, args):
        if self.__origin__ in _GENERIC_FORMS:
            raise TypeError(f'Cannot subscript already-subscripted {self}')
        if not self.__parameters__:
            raise TypeError(f'{self} is not a generic class')
        if not isinstance(args, tuple):
            args = (args,)
        args = tuple(type_convert(a) for a in args)
        params = self.__parameters__
        if len(args) != len(params):
            raise TypeError(f"Too {'many' if len(args) > len(params) else 'few'} arguments for {self}; "
                            f'actual {len(args)}, expected {len(params)}')
        mapping = dict(zip(params, args))
        return self.copy_with(tuple(_substitute(a, mapping) for a in self.__args__))

    def copy_with(self, args):
        return self.__class__(self.__origin__, args, name=self._name, inst=self._inst)

    def __mro_entries__(self, bases):
        if isinstance(self.__origin__, _SpecialForm):
            raise TypeError(f'Cannot subclass {self!r}')
        if self._name:  # List[int] and the like: the class plus Generic
            return super().__mro_entries__(bases)
        if self.__origin__ is _GENERIC_FORMS[0]:
            # Generic[T] beside Protocol[...] or another alias adds nothing of its own.
            if _GENERIC_FORMS[1] in bases:
                return ()
            i = bases.index(self)
            for b in bases[i + 1:]:
                if isinstance(b, _BaseGenericAlias) and b is not self:
                    return ()
        return (self.__origin__,)

    def __repr__(self):
        name = 'typing.' + self._name if self._name else type_repr(self.__origin__)
        if self.__args__:
            args = ', '.join(type_repr(a) for a in self.__args__)
        else:
            args = '()'
        return f'{name}[{args}]'

    def __reduce__(self):
        return self.__origin__, self.__args__


def _substitute(arg, mapping):
    if _hashable(arg) and arg in mapping:
        return mapping[arg]
    params = getattr(arg, '__parameters__', None)
    if params and not isinstance(arg, type):
        return arg[tuple(mapping.get(p, p) for p in params)]
    return arg


class _SpecialGenericAlias(_BaseGenericAlias, _root=True):
    """typing.List, typing.Dict ...: unsubscripted, they stand for the class itself."""

    def __init__(self, origin, nparams, *, inst=True, name=None):
        if name is None:
            name = origin.__name__
        super().__init__(origin, inst=inst, name=name)
        self._nparams = nparams
        self.__module__ = 'typing'

    def __getitem__(self, params):
        if not isinstance(params, tuple):
            params = (params,)
        msg = 'Parameters to generic types must be types.'
        params = tuple(type_check(p, msg) for p in params)
        if len(params) != self._nparams:
            raise TypeError(f"Too {'many' if len(params) > self._nparams else 'few'} arguments for {self}; "
                            f'actual {len(params)}, expected {self._nparams}')
        return self.copy_with(params)

    def copy_with(self, params):
        return _GenericAlias(self.__origin__, params, name=self._name, inst=self._inst)

    def __repr__(self):
        return 'typing.' + self._name

    def __subclasscheck__(self, cls):
        if isinstance(cls, _SpecialGenericAlias):
            return issubclass(cls.__origin__, self.__origin__)
        if not isinstance(cls, _GenericAlias):
            return issubclass(cls, self.__origin__)
        return super().__subclasscheck__(cls)

    def __or__(self, right):
        return Union[self, right]

    def __ror__(self, left):
        return Union[left, self]


class _TupleType(_SpecialGenericAlias, _root=True):
    def __getitem__(self, params):
        if not isinstance(params, tuple):
            params = (params,)
        if len(params) >= 2 and params[-1] is ...:
            msg = 'Tuple[t, ...]: t must be a type.'
            return self.copy_with(tuple(type_check(p, msg) for p in params[:-1]) + (...,))
        msg = 'Tuple[t0, t1, ...]: each t must be a type.'
        return self.copy_with(tuple(type_check(p, msg) for p in params))


def _is_param_expr(arg):
    return arg is ... or isinstance(arg, (tuple, list, ParamSpec)) or getattr(arg, '__origin__', None) is Concatenate


class _CallableGenericAlias(_GenericAlias, _root=True):
    """Callable[[int, str], bool]: __args__ is (int, str, bool), get_args() regroups them."""

    def __repr__(self):
        args = self.__args__
        if len(args) == 2 and _is_param_expr(args[0]):
            return super().__repr__()
        params = ', '.join(type_repr(a) for a in args[:-1])
        return f'typing.Callable[[{params}], {type_repr(args[-1])}]'


class _CallableType(_SpecialGenericAlias, _root=True):
    def copy_with(self, params):
        return _CallableGenericAlias(self.__origin__, params, name=self._name, inst=self._inst)

    def __getitem__(self, params):
        if not isinstance(params, tuple) or len(params) != 2:
            raise TypeError('Callable must be used as Callable[[arg, ...], result].')
        args, result = params
        # Like CPython, anything may stand for the parameters (a ParamSpec, a bare type);
        # judging them is left to static type checkers.
        result = type_check(result, 'Callable[args, result]: result must be a type.')
        if args is ...:
            return self.copy_with((..., result))
        args = tuple(args) if isinstance(args, list) else args
        if not isinstance(args, tuple):
            args = (args,)
        return self.copy_with(tuple(type_convert(a) for a in args) + (result,))


class _UnionGenericAlias(_GenericAlias, _root=True):
    def copy_with(self, params):
        return Union[params]

    def __eq__(self, other):
        if not isinstance(other, (_UnionGenericAlias, types.UnionType)):
            return NotImplemented
        return set(self.__args__) == set(other.__args__)

    def __hash__(self):
        return hash(frozenset(self.__args__))

    def __repr__(self):
        args = self.__args__
        if len(args) == 2:
            if args[0] is _NoneType:
                return f'typing.Optional[{type_repr(args[1])}]'
            if args[1] is _NoneType:
                return f'typing.Optional[{type_repr(args[0])}]'
        return super().__repr__()

    def __instancecheck__(self, obj):
        return self.__subclasscheck__(type(obj))

    def __subclasscheck__(self, cls):
        for arg in self.__args__:
            if issubclass(cls, arg):
                return True
        return False


def _value_and_type(values):
    return [(v, type(v)) for v in values]


class _LiteralGenericAlias(_GenericAlias, _root=True):
    def __eq__(self, other):
        if not isinstance(other, _LiteralGenericAlias):
            return NotImplemented
        return set(_value_and_type(self.__args__)) == set(_value_and_type(other.__args__))

    def __hash__(self):
        return hash(frozenset(_value_and_type(self.__args__)))


class _AnnotatedAlias(_GenericAlias, _root=True):
    """Annotated[T, x, ...]: T with metadata that type checkers ignore."""

    def __init__(self, origin, metadata):
        if isinstance(origin, _AnnotatedAlias):
            metadata = origin.__metadata__ + metadata
            origin = origin.__origin__
        super().__init__(origin, origin)
        self.__metadata__ = metadata

    def copy_with(self, params):
        return _AnnotatedAlias(params[0], self.__metadata__)

    def __repr__(self):
        metadata = ', '.join(repr(m) for m in self.__metadata__)
        return f'typing.Annotated[{type_repr(self.__origin__)}, {metadata}]'

    def __eq__(self, other):
        if not isinstance(other, _AnnotatedAlias):
            return NotImplemented
        return self.__origin__ == other.__origin__ and self.__metadata__ == other.__metadata__

    def __hash__(self):
        return hash((self.__origin__, self.__metadata__))

    def __getattr__(self, attr):
        if attr in ('__name__', '__qualname__'):
            return 'Annotated'
        return super().__getattr__(attr)


class Annotated:
    """Annotated[int, 'meta']: subscription only; the class itself is what get_origin returns."""
    __slots__ = ()

    def __new__(cls, *args, **kwargs):
        raise TypeError('Type Annotated cannot be instantiated.')

    def __class_getitem__(cls, params):
        if not isinstance(params, tuple) or len(params) < 2:
            raise TypeError('Annotated[...] should be used with at least two arguments '
                            '(a type and an annotation).')
        origin = type_check(params[0], 'Annotated[t, ...]: t must be a type.')
        return _AnnotatedAlias(origin, tuple(params[1:]))

    def __init_subclass__(cls, *args, **kwargs):
        raise TypeError(f'Cannot subclass {cls.__module__}.Annotated')


# ---- the special forms --------------------------------------------------------------

class _AnyMeta(type):
    def __instancecheck__(self, obj):
        if self is Any:
            raise TypeError('typing.Any cannot be used with isinstance()')
        return super().__instancecheck__(obj)

    def __repr__(self):
        if self is Any:
            return 'typing.Any'
        return super().__repr__()


class Any(metaclass=_AnyMeta):
    """Compatible with every type; at run time, a base class for classes of unknown bases."""

    def __new__(cls, *args, **kwargs):
        if cls is Any:
            raise TypeError('Any cannot be instantiated')
        return super().__new__(cls)


def _plain_form(name, doc=''):
    def getitem(self, parameters):
        raise TypeError(f'{self} is not subscriptable')
    return _SpecialForm(getitem, name, doc)


NoReturn = _plain_form('NoReturn')
Never = _plain_form('Never')
Self = _plain_form('Self')
LiteralString = _plain_form('LiteralString')
TypeAlias = _plain_form('TypeAlias')


def _one_arg_form(name, message):
    def getitem(self, parameters):
        item = type_check(parameters, f'{self._name} {message}')
        return _GenericAlias(self, (item,))
    return _SpecialForm(getitem, name)


ClassVar = _one_arg_form('ClassVar', 'accepts only single type.')
Final = _one_arg_form('Final', 'accepts only single type.')
Required = _one_arg_form('Required', 'accepts only a single type.')
NotRequired = _one_arg_form('NotRequired', 'accepts only a single type.')
TypeGuard = _one_arg_form('TypeGuard', 'accepts only single type.')


@_special_form
def Union(self, parameters):
    if parameters == ():
        raise TypeError('Cannot take a Union of no types.')
    if not isinstance(parameters, tuple):
        parameters = (parameters,)
    msg = 'Union[arg, ...]: each arg must be a type.'
    parameters = _flatten_union(tuple(type_check(p, msg) for p in parameters))
    if len(parameters) == 1:
        return parameters[0]
    return _UnionGenericAlias(self, parameters)


@_special_form
def Optional(self, parameters):
    arg = type_check(parameters, f'{self} requires a single type.')
    return Union[arg, _NoneType]


def _flatten_literal(params):
    for p in params:
        if isinstance(p, _LiteralGenericAlias):
            yield from p.__args__
        else:
            yield p


@_special_form
def Literal(self, *parameters):
    parameters = parameters[0] if len(parameters) == 1 and isinstance(parameters[0], tuple) else parameters
    if not isinstance(parameters, tuple):
        parameters = (parameters,)
    seen = []
    for p in _flatten_literal(parameters):
        if (p, type(p)) not in seen:
            seen.append((p, type(p)))
    return _LiteralGenericAlias(self, tuple(p for p, _ in seen))


@_special_form
def Concatenate(self, parameters):
    if parameters == ():
        raise TypeError('Cannot take a Concatenate of no types.')
    if not isinstance(parameters, tuple):
        parameters = (parameters,)
    if not isinstance(parameters[-1], ParamSpec):
        raise TypeError('The last parameter to Concatenate should be a ParamSpec variable.')
    msg = 'Concatenate[arg, ...]: each arg must be a type.'
    parameters = tuple(type_check(p, msg) for p in parameters[:-1]) + (parameters[-1],)
    return _GenericAlias(self, parameters)


@_special_form
def Unpack(self, parameters):
    item = type_check(parameters, f'{self._name} accepts only single type.')
    return _GenericAlias(self, (item,))
