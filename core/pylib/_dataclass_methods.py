# Writes the methods a dataclass gets (__init__, __repr__, __eq__, the orderings,
# __hash__, the frozen __setattr__/__delattr__) as Python source and compiles it with
# exec(), as CPython does: the generated __init__ then has a real signature, so wrong
# calls raise exactly the TypeErrors a hand-written __init__ would.
import sys
from _dataclass_fields import MISSING, _FIELD, _FIELD_INITVAR, FrozenInstanceError

try:
    from _thread import get_ident as _thread_ident
except ImportError:  # no threads: one repr in progress per object is all there is
    def _thread_ident():
        return 0


class _HAS_DEFAULT_FACTORY_CLASS:
    """Default value of __init__ parameters whose field has a default_factory."""

    def __repr__(self):
        return '<factory>'


_HAS_DEFAULT_FACTORY = _HAS_DEFAULT_FACTORY_CLASS()


def make_function(cls, name, params, body, names, return_type=MISSING):
    """Compiles `def name(params): body` in the class's module, with `names` visible as
    closure variables (defaults, field types, helpers) rather than module globals."""
    module = sys.modules.get(cls.__module__)
    globals_ = module.__dict__ if module is not None else {}
    names = dict(names)
    annotation = ''
    if return_type is not MISSING:
        names['__dataclass_return_type__'] = return_type
        annotation = ' -> __dataclass_return_type__'
    lines = [f'def __dataclass_make__({", ".join(names)}):',
             f'    def {name}({", ".join(params)}){annotation}:']
    lines += [f'        {line}' for line in body]
    lines.append(f'    return {name}')
    scope = {}
    exec('\n'.join(lines), globals_, scope)
    fn = scope['__dataclass_make__'](**names)
    fn.__qualname__ = f'{cls.__qualname__}.{name}'
    return fn


def _assign(frozen, self_name, name, value):
    # A frozen class's own __setattr__ refuses, so __init__ goes around it.
    if frozen:
        return f'__dataclass_builtins_object__.__setattr__({self_name}, {name!r}, {value})'
    return f'{self_name}.{name} = {value}'


def _init_line(f, frozen, names, self_name, slots):
    default_name = f'__dataclass_dflt_{f.name}__'
    if f.default_factory is not MISSING:
        names[default_name] = f.default_factory
        if f.init:
            value = f'{default_name}() if {f.name} is __dataclass_HAS_DEFAULT_FACTORY__ else {f.name}'
        else:
            value = f'{default_name}()'
    elif f.init:
        if f.default is not MISSING:
            names[default_name] = f.default
        value = f.name
    elif slots and f.default is not MISSING:
        # With __slots__ the default is no longer a class attribute to fall back on.
        names[default_name] = f.default
        value = default_name
    else:
        return None
    if f._field_type is _FIELD_INITVAR:
        return None
    return _assign(frozen, self_name, f.name, value)


def _init_param(f):
    if f.default_factory is not MISSING:
        return f'{f.name}: __dataclass_type_{f.name}__ = __dataclass_HAS_DEFAULT_FACTORY__'
    if f.default is not MISSING:
        return f'{f.name}: __dataclass_type_{f.name}__ = __dataclass_dflt_{f.name}__'
    return f'{f.name}: __dataclass_type_{f.name}__'


def init_fn(cls, all_fields, std_fields, kw_only_fields, frozen, has_post_init, self_name, slots):
    seen_default = False
    for f in std_fields:
        if f.default is not MISSING or f.default_factory is not MISSING:
            seen_default = True
        elif seen_default:
            raise TypeError(f'non-default argument {f.name!r} follows default argument')
    names = {f'__dataclass_type_{f.name}__': f.type for f in all_fields}
    names['__dataclass_HAS_DEFAULT_FACTORY__'] = _HAS_DEFAULT_FACTORY
    names['__dataclass_builtins_object__'] = object
    body = []
    for f in all_fields:
        line = _init_line(f, frozen, names, self_name, slots)
        if line:
            body.append(line)
    if has_post_init:
        initvars = ', '.join(f.name for f in all_fields if f._field_type is _FIELD_INITVAR)
        body.append(f'{self_name}.__post_init__({initvars})')
    params = [self_name] + [_init_param(f) for f in std_fields]
    if kw_only_fields:
        params += ['*'] + [_init_param(f) for f in kw_only_fields]
    return make_function(cls, '__init__', params, body or ['pass'], names, return_type=None)


def _recursion_guarded(fn):
    """A repr that meets its own object again (a list holding itself) prints '...'."""
    running = set()

    def __repr__(self):
        key = (id(self), _thread_ident())
        if key in running:
            return '...'
        running.add(key)
        try:
            return fn(self)
        finally:
            running.discard(key)

    __repr__.__qualname__ = fn.__qualname__
    __repr__.__wrapped__ = fn
    return __repr__


def repr_fn(cls, fields):
    parts = ', '.join(f'{f.name}={{self.{f.name}!r}}' for f in fields)
    body = [f'return self.__class__.__qualname__ + f"({parts})"']
    return _recursion_guarded(make_function(cls, '__repr__', ['self'], body, {}))


def _tuple_of(obj, fields):
    return '(' + ''.join(f'{obj}.{f.name},' for f in fields) + ')'


def compare_fn(cls, name, op, fields):
    body = ['if other.__class__ is self.__class__:',
            f'    return {_tuple_of("self", fields)} {op} {_tuple_of("other", fields)}',
            'return NotImplemented']
    return make_function(cls, name, ['self', 'other'], body, {})


def hash_fn(cls, fields):
    return make_function(cls, '__hash__', ['self'], [f'return hash({_tuple_of("self", fields)})'], {})


def frozen_fns(cls, fields):
    """__setattr__ and __delattr__ that refuse the fields (and, on the class itself, any name)."""
    names = {'cls': cls, 'FrozenInstanceError': FrozenInstanceError}
    field_names = '(' + ''.join(f'{f.name!r},' for f in fields) + ')'
    guard = f'if type(self) is cls or name in {field_names}:'
    setter = make_function(cls, '__setattr__', ['self', 'name', 'value'], [
        guard, '    raise FrozenInstanceError(f"cannot assign to field {name!r}")',
        'super(cls, self).__setattr__(name, value)'], names)
    deleter = make_function(cls, '__delattr__', ['self', 'name'], [
        guard, '    raise FrozenInstanceError(f"cannot delete field {name!r}")',
        'super(cls, self).__delattr__(name)'], names)
    return setter, deleter
