# Generic (user classes parameterised by type variables, Stack[int]) and Protocol
# (structural types, checked by isinstance() when @runtime_checkable). Written for
# Terrarium from the Python 3.11 documentation; typing.py re-exports them.
import abc
import sys
from _typing_base import (_GENERIC_FORMS, _GenericAlias, ParamSpec, TypeVar, type_check, type_convert)
from _type_repr import collect_parameters


def _check_generic_arity(cls, params):
    expected = len(cls.__parameters__)
    if not expected:
        raise TypeError(f'{cls} is not a generic class')
    if len(params) != expected:
        raise TypeError(f"Too {'many' if len(params) > expected else 'few'} arguments for {cls}; "
                        f'actual {len(params)}, expected {expected}')


class Generic:
    """Base class of generic classes: class Stack(Generic[T]) makes Stack[int] possible."""
    __slots__ = ()
    _is_protocol = False

    def __class_getitem__(cls, params):
        if not isinstance(params, tuple):
            params = (params,)
        params = tuple(type_convert(p) for p in params)
        if cls in (Generic, Protocol):
            if not params:
                raise TypeError(f'Parameter list to {cls.__qualname__}[...] cannot be empty')
            if not all(isinstance(p, (TypeVar, ParamSpec)) for p in params):
                raise TypeError(f'Parameters to {cls.__name__}[...] must all be type variables '
                                'or parameter specification variables.')
            if len(set(params)) != len(params):
                raise TypeError(f'Parameters to {cls.__name__}[...] must all be unique')
        else:
            params = tuple(type_check(p, 'Parameters to generic types must be types.') for p in params)
            _check_generic_arity(cls, params)
        return _GenericAlias(cls, params)

    def __init_subclass__(cls, *args, **kwargs):
        super().__init_subclass__(*args, **kwargs)
        # Generic itself (not Generic[T]) may only be a base of Protocol and TypedDict.
        if '__orig_bases__' in cls.__dict__:
            plain = Generic in cls.__orig_bases__
        else:
            plain = (Generic in cls.__bases__ and cls.__name__ != 'Protocol'
                     and type(cls).__name__ != '_TypedDictMeta')
        if plain:
            raise TypeError('Cannot inherit from plain Generic')
        if '__orig_bases__' in cls.__dict__:
            bases = cls.__orig_bases__
            tvars = list(collect_parameters(bases))
            declared = None
            for base in bases:
                if isinstance(base, _GenericAlias) and base.__origin__ in _GENERIC_FORMS:
                    if declared is not None:
                        raise TypeError('Cannot inherit from Generic[...] multiple times.')
                    declared = base.__parameters__
            if declared is not None:
                missing = [t for t in tvars if t not in declared]
                if missing:
                    listed = ', '.join(str(t) for t in missing)
                    declared_text = ', '.join(str(g) for g in declared)
                    raise TypeError(f'Some type variables ({listed}) are not listed in Generic[{declared_text}]')
                tvars = list(declared)
        else:
            tvars = []
        cls.__parameters__ = tuple(tvars)


_PROTOCOL_MACHINERY = frozenset({
    '__abstractmethods__', '__annotations__', '__dict__', '__doc__', '__init__', '__module__', '__new__',
    '__slots__', '__subclasshook__', '__weakref__', '__class_getitem__', '__parameters__', '__orig_bases__',
    '__orig_class__', '_is_protocol', '_is_runtime_protocol', '__qualname__', '__init_subclass__',
    '__match_args__', '__protocol_attrs__', '_abc_impl', '_abc_registry', '_abc_cache', '_abc_negative_cache',
    '_MutableMapping__marker',
})


def _protocol_attrs(cls):
    """The members a class must have to match the protocol: everything the protocol
    classes in its MRO define or annotate, minus typing's own bookkeeping."""
    attrs = set()
    for base in cls.__mro__[:-1]:
        if base.__name__ in ('Protocol', 'Generic'):
            continue
        annotations = base.__dict__.get('__annotations__', {})
        for attr in list(base.__dict__) + list(annotations):
            if not attr.startswith('_abc_') and attr not in _PROTOCOL_MACHINERY:
                attrs.add(attr)
    return attrs


def _callable_members_only(cls):
    return all(callable(getattr(cls, attr, None)) for attr in _protocol_attrs(cls))


def _require_runtime_checkable(cls):
    if cls._is_protocol and not getattr(cls, '_is_runtime_protocol', False):
        # typing's own modules (abc, functools) may check any protocol.
        if sys._getframemodulename(2) not in ('abc', 'functools'):
            raise TypeError('Instance and class checks can only be used with @runtime_checkable protocols')


class _ProtocolMeta(abc.ABCMeta):
    def __instancecheck__(cls, instance):
        if not getattr(cls, '_is_protocol', False):
            return super().__instancecheck__(instance)
        _require_runtime_checkable(cls)
        if _callable_members_only(cls) and issubclass(type(instance), cls):
            return True
        for attr in _protocol_attrs(cls):
            if not hasattr(instance, attr):
                return super().__instancecheck__(instance)
            if callable(getattr(cls, attr, None)) and getattr(instance, attr) is None:
                return super().__instancecheck__(instance)
        return True

    def __subclasscheck__(cls, other):
        if not getattr(cls, '_is_protocol', False):
            return super().__subclasscheck__(other)
        _require_runtime_checkable(cls)
        if not isinstance(other, type):
            raise TypeError('issubclass() arg 1 must be a class')
        if not _callable_members_only(cls):
            raise TypeError("Protocols with non-method members don't support issubclass()")
        if cls in other.__mro__:
            return True
        for attr in _protocol_attrs(cls):
            for base in other.__mro__:
                if attr in base.__dict__:
                    if base.__dict__[attr] is None:
                        return False
                    break
                annotations = base.__dict__.get('__annotations__', {})
                if isinstance(annotations, dict) and attr in annotations and issubclass(other, Generic) \
                        and getattr(other, '_is_protocol', False):
                    break
            else:
                return False
        return True


def _no_init(self, *args, **kwargs):
    if type(self)._is_protocol:
        raise TypeError('Protocols cannot be instantiated')


class Protocol(Generic, metaclass=_ProtocolMeta):
    """Base class of structural types: a class matches by having the members."""
    __slots__ = ()
    _is_protocol = True
    _is_runtime_protocol = False

    def __init_subclass__(cls, *args, **kwargs):
        super().__init_subclass__(*args, **kwargs)
        if not cls.__dict__.get('_is_protocol', False):
            cls._is_protocol = any(b is Protocol for b in cls.__bases__)
        if not cls._is_protocol:
            return
        for base in cls.__bases__:
            if not (base in (object, Generic) or base.__module__ in ('collections.abc', 'abc')
                    or (isinstance(base, _ProtocolMeta) and base._is_protocol)):
                raise TypeError('Protocols can only inherit from other protocols, got %r' % base)
        if cls.__init__ is Protocol.__init__:
            cls.__init__ = _no_init


def runtime_checkable(cls):
    """Lets isinstance()/issubclass() check a protocol by its members."""
    if not issubclass(cls, Generic) or not getattr(cls, '_is_protocol', False):
        raise TypeError('@runtime_checkable can be only applied to protocol classes, got %r' % cls)
    cls._is_runtime_protocol = True
    return cls


_GENERIC_FORMS.extend((Generic, Protocol))
