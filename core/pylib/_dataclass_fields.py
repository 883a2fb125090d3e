# The vocabulary of dataclasses: the MISSING sentinel, Field and field(), InitVar,
# KW_ONLY, FrozenInstanceError and the three kinds of field. Kept apart from the class
# processing (dataclasses.py) and the method generation (_dataclass_methods.py); all
# names here are re-exported by dataclasses, which is where CPython defines them, so
# their __module__ says 'dataclasses'.
import types


class FrozenInstanceError(AttributeError):
    __module__ = 'dataclasses'


class _MISSING_TYPE:
    """Marks "no default given"; None cannot, since None is a valid default."""
    __module__ = 'dataclasses'


MISSING = _MISSING_TYPE()


class _KW_ONLY_TYPE:
    """The type of KW_ONLY: fields annotated after `_: KW_ONLY` are keyword-only."""
    __module__ = 'dataclasses'


KW_ONLY = _KW_ONLY_TYPE()


class _FieldKind:
    """A regular field, a ClassVar (not a field at all) or an InitVar (an __init__ argument only)."""

    def __init__(self, name):
        self.name = name

    def __repr__(self):
        return self.name


_FIELD = _FieldKind('_FIELD')
_FIELD_CLASSVAR = _FieldKind('_FIELD_CLASSVAR')
_FIELD_INITVAR = _FieldKind('_FIELD_INITVAR')

_EMPTY_METADATA = types.MappingProxyType({})


class InitVar:
    """InitVar[T]: an argument of __init__ passed on to __post_init__, not stored."""
    __module__ = 'dataclasses'
    __slots__ = ('type',)

    def __init__(self, type):
        self.type = type

    def __repr__(self):
        name = self.type.__name__ if isinstance(self.type, type) else repr(self.type)
        return f'dataclasses.InitVar[{name}]'

    def __class_getitem__(cls, type):
        return InitVar(type)


class Field:
    __module__ = 'dataclasses'
    __slots__ = ('name', 'type', 'default', 'default_factory', 'repr', 'hash', 'init', 'compare',
                 'metadata', 'kw_only', '_field_type')

    def __init__(self, default, default_factory, init, repr, hash, compare, metadata, kw_only):
        self.name = None
        self.type = None
        self.default = default
        self.default_factory = default_factory
        self.init = init
        self.repr = repr
        self.hash = hash
        self.compare = compare
        self.metadata = _EMPTY_METADATA if metadata is None else types.MappingProxyType(metadata)
        self.kw_only = kw_only
        self._field_type = None

    def __repr__(self):
        return ('Field('
                f'name={self.name!r},type={self.type!r},default={self.default!r},'
                f'default_factory={self.default_factory!r},init={self.init!r},repr={self.repr!r},'
                f'hash={self.hash!r},compare={self.compare!r},metadata={self.metadata!r},'
                f'kw_only={self.kw_only!r},_field_type={self._field_type}'
                ')')

    def __set_name__(self, owner, name):
        # A descriptor used as a default still learns its name, as it would in the class body.
        hook = getattr(type(self.default), '__set_name__', None)
        if hook:
            hook(self.default, owner, name)

    def __class_getitem__(cls, params):
        return types.GenericAlias(cls, params)


def field(*, default=MISSING, default_factory=MISSING, init=True, repr=True, hash=None, compare=True,
          metadata=None, kw_only=MISSING):
    """Describes one field beyond its default: a factory, and whether it is in __init__, repr, ==, hash."""
    if default is not MISSING and default_factory is not MISSING:
        raise ValueError('cannot specify both default and default_factory')
    return Field(default, default_factory, init, repr, hash, compare, metadata, kw_only)


field.__module__ = 'dataclasses'
