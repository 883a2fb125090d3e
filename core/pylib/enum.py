# enum for Terrarium, written from the Python 3.11 documentation and CPython 3.11's
# observable behaviour (repr/str/format, error messages, flag boundaries).
# Provides: EnumType (EnumMeta), Enum, ReprEnum, IntEnum, StrEnum, Flag, IntFlag, auto,
# unique, member, nonmember, property, FlagBoundary (STRICT, CONFORM, EJECT, KEEP).
# Omits: pickling by name, verify/EnumCheck, global_enum, DeprecationWarnings, and (until
# sys._getframe exists) the caller's __module__ for classes made by the functional API.
# One module, as in CPython: the metaclass and the base classes it builds refer to each other.

import sys as _sys

_builtin_property = property   # this module defines its own `property` below


def _is_dunder(name):
    return (len(name) > 4 and name[:2] == name[-2:] == '__'
            and name[2] != '_' and name[-3] != '_')


def _is_sunder(name):
    return (len(name) > 2 and name[0] == name[-1] == '_'
            and name[1] != '_' and name[-2] != '_')


def _is_private(class_name, name):
    # A mangled private name (_Color__secret) is an ordinary attribute, never a member.
    prefix = '_%s__' % class_name.lstrip('_')
    return name.startswith(prefix) and not name.endswith('__')


def _is_descriptor(obj):
    return (hasattr(obj, '__get__') or hasattr(obj, '__set__')
            or hasattr(obj, '__delete__'))


def _is_single_bit(value):
    return value > 0 and value & (value - 1) == 0


def _bits_text(num, width):
    # CPython's flag errors show a sign digit, a space, then the bits: '0b0 0111'.
    return '0b%s %s' % ('1' if num < 0 else '0', format(abs(num), 'b').zfill(width))


_AUTO_UNSET = object()


class auto:
    """Stands for a value that _generate_next_value_ picks when the class body assigns it."""

    def __init__(self, value=_AUTO_UNSET):
        self.value = value

    def __repr__(self):
        return 'auto(%s)' % ('_auto_null' if self.value is _AUTO_UNSET else repr(self.value))


class member:
    """Forces a value (even a function) to become a member."""

    def __init__(self, value):
        self.value = value


class nonmember:
    """Keeps a value out of the members."""

    def __init__(self, value):
        self.value = value


class property:
    """The name/value attributes of members: read-only on members, and when a member has
    the same name as the attribute, reading it from the class gives that member."""

    def __init__(self, fget=None, member=None):
        self.fget = fget
        self.member = member
        self.__doc__ = getattr(fget, '__doc__', None)

    def __set_name__(self, ownerclass, name):
        self.name = name
        self.clsname = ownerclass.__name__

    def __get__(self, instance, ownerclass=None):
        if instance is None:
            if self.member is not None:
                return self.member
            raise AttributeError('%r has no attribute %r' % (ownerclass, self.name))
        return self.fget(instance)

    def __set__(self, instance, value):
        raise AttributeError("<enum %r> cannot set attribute %r" % (self.clsname, self.name))

    def __delete__(self, instance):
        raise AttributeError("<enum %r> cannot delete attribute %r" % (self.clsname, self.name))


class _EnumDict(dict):
    """The class-body namespace of an enum: it decides, as each name is assigned, whether
    the name is a member, and resolves auto() right away so later lines see the value."""

    def __init__(self, class_name, generate):
        super().__init__()
        self._class_name = class_name
        self._generate = generate
        self._member_names = {}   # a dict used as an ordered set
        self._last_values = []
        self._ignore = ()

    def __setitem__(self, key, value):
        if _is_private(self._class_name, key):
            pass
        elif _is_sunder(key):
            self._set_sunder(key, value)
            if key == '_generate_next_value_':
                return super().__setitem__(key, staticmethod(self._generate))
        elif _is_dunder(key):
            if key == '__order__':
                key = '_order_'
        elif key in self._member_names:
            raise TypeError('%r already defined as %r' % (key, self[key]))
        elif key in self._ignore:
            pass
        elif isinstance(value, nonmember):
            value = value.value
        elif _is_descriptor(value) and not isinstance(value, member):
            pass
        else:
            if key in self:
                raise TypeError('%r already defined as %r' % (key, self[key]))
            if isinstance(value, member):
                value = value.value
            if isinstance(value, auto):
                if value.value is _AUTO_UNSET:
                    value.value = self._generate(key, 1, len(self._member_names),
                                                 self._last_values[:])
                value = value.value
            self._member_names[key] = None
            self._last_values.append(value)
        super().__setitem__(key, value)

    def _set_sunder(self, key, value):
        allowed = ('_order_', '_generate_next_value_', '_missing_', '_ignore_',
                   '_numeric_repr_')
        if key not in allowed:
            raise ValueError('_sunder_ names, such as %r, are reserved for future Enum use'
                             % key)
        if key == '_generate_next_value_':
            if self._member_names:
                raise TypeError('_generate_next_value_ must be defined before members')
            self._generate = getattr(value, '__func__', value)
        elif key == '_ignore_':
            names = value.replace(',', ' ').split() if isinstance(value, str) else list(value)
            clash = set(names) & set(self._member_names)
            if clash:
                raise ValueError('_ignore_ cannot specify already set names: %r'
                                 % (tuple(clash),))
            self._ignore = names


# Filled in once the classes exist; EnumType needs them to recognise its own kinds.
Enum = ReprEnum = Flag = None


class EnumType(type):
    """The metaclass of enums: turns the class body's member names into singleton members
    and makes the class iterable, indexable by name and callable for lookup by value."""

    @classmethod
    def __prepare__(metacls, cls, bases, **kwds):
        _, first_enum = metacls._find_data_type_(cls, bases)
        generate = getattr(first_enum, '_generate_next_value_', None)
        return _EnumDict(cls, generate)

    def __new__(metacls, cls, bases, classdict, *, boundary=None, **kwds):
        member_type, first_enum = metacls._find_data_type_(cls, bases)
        for name in classdict._ignore:
            classdict.pop(name, None)
        names = list(classdict._member_names)
        values = [classdict[name] for name in names]
        bad = [name for name in names if name in ('mro', '')]
        if bad:
            raise ValueError('invalid enum member name(s) %s' % ','.join(map(repr, bad)))
        body = {k: v for k, v in classdict.items() if k not in classdict._member_names}
        body.pop('_ignore_', None)
        order = body.pop('_order_', None)
        setup = _ClassSetup(bases, first_enum, member_type, body, names, values, boundary)
        body['_enum_setup_'] = setup   # last, so its __set_name__ runs after the others'
        try:
            enum_class = super().__new__(metacls, cls, bases, body, **kwds)
        except RuntimeError:
            # type.__new__ wraps errors raised in __set_name__; a bad member's is ours.
            if setup.error is None:
                raise
        if setup.error is not None:
            raise setup.error
        if order is not None:
            if isinstance(order, str):
                order = order.replace(',', ' ').split()
            if order != enum_class._member_names_:
                raise TypeError('member order does not match _order_:\n  %r\n  %r'
                                % (enum_class._member_names_, order))
        return enum_class

    @staticmethod
    def _find_data_type_(class_name, bases):
        """Returns (data type mixed in, or object; the last base, which must be an enum)."""
        if not bases:
            return object, Enum
        first_enum = bases[-1]
        if not isinstance(first_enum, EnumType):
            raise TypeError('new enumerations should be created as '
                            '`EnumName([mixin_type, ...] [data_type,] enum_type)`')
        for base in bases:
            if isinstance(base, EnumType) and base._member_names_:
                raise TypeError('<enum %r> cannot extend %r' % (class_name, base))
        data_types = set()
        for chain in bases:
            candidate = None
            for base in chain.__mro__:
                if base is object:
                    continue
                if isinstance(base, EnumType):
                    if base._member_type_ is not object:
                        data_types.add(base._member_type_)
                        break
                elif '__new__' in base.__dict__ or '__dataclass_fields__' in base.__dict__:
                    data_types.add(candidate or base)
                    break
                else:
                    candidate = candidate or base
        if len(data_types) > 1:
            raise TypeError('too many data types for %r: %r' % (class_name, data_types))
        return (data_types.pop() if data_types else object), first_enum

    def __call__(cls, value, names=None, *, module=None, qualname=None, type=None,
                 start=1, boundary=None):
        if names is None:
            return cls._lookup_(value)
        return cls._create_(value, names, module=module, qualname=qualname, type=type,
                            start=start, boundary=boundary)

    def _create_(cls, class_name, names, *, module=None, qualname=None, type=None,
                 start=1, boundary=None):
        """The functional API: Enum('Animal', 'ANT BEE') and friends."""
        metacls = cls.__class__
        bases = (cls,) if type is None else (type, cls)
        _, first_enum = cls._find_data_type_(class_name, bases)
        classdict = metacls.__prepare__(class_name, bases)
        if isinstance(names, str):
            names = names.replace(',', ' ').split()
        if isinstance(names, (tuple, list)) and names and isinstance(names[0], str):
            pairs, last_values = [], []
            for count, name in enumerate(names):
                value = first_enum._generate_next_value_(name, start, count, last_values[:])
                last_values.append(value)
                pairs.append((name, value))
            names = pairs
        for item in names:
            if isinstance(item, str):
                item = (item, names[item])
            classdict[item[0]] = item[1]
        if module is None:
            try:
                module = _sys._getframe(2).f_globals['__name__']
            except (AttributeError, ValueError, KeyError):
                pass
        if module is not None:
            classdict['__module__'] = module
        if qualname is not None:
            classdict['__qualname__'] = qualname
        return metacls.__new__(metacls, class_name, bases, classdict, boundary=boundary)

    def _lookup_(cls, value):
        if type(value) is cls:
            return value
        try:
            return cls._value2member_map_[value]
        except KeyError:
            pass
        except TypeError:
            for found in cls._member_map_.values():
                if found._value_ == value:
                    return found
        not_valid = ValueError('%r is not a valid %s' % (value, cls.__qualname__))
        try:
            result = cls._missing_(value)
        except Exception as exc:
            if not isinstance(exc, ValueError):
                exc.__context__ = not_valid
            raise
        if isinstance(result, cls) or (result is not None and _is_flag(cls)
                                       and cls._boundary_ is EJECT):
            return result
        if result is None:
            raise not_valid
        error = TypeError('error in %s._missing_: returned %r instead of None or a valid '
                          'member' % (cls.__name__, result))
        error.__context__ = not_valid
        raise error

    def __contains__(cls, obj):
        if not isinstance(obj, Enum):
            raise TypeError("unsupported operand type(s) for 'in': '%s' and '%s'"
                            % (type(obj).__qualname__, cls.__class__.__qualname__))
        return isinstance(obj, cls) and obj._name_ in cls._member_map_

    def __getitem__(cls, name):
        return cls._member_map_[name]

    def __iter__(cls):
        return (cls._member_map_[name] for name in cls._member_names_)

    def __reversed__(cls):
        return (cls._member_map_[name] for name in reversed(cls._member_names_))

    def __len__(cls):
        return len(cls._member_names_)

    def __bool__(cls):
        return True

    @_builtin_property
    def __members__(cls):
        return _read_only_view(cls._member_map_)

    def __repr__(cls):
        kind = 'flag' if _is_flag(cls) else 'enum'
        return '<%s %r>' % (kind, cls.__name__)

    def __setattr__(cls, name, value):
        if name in cls.__dict__.get('_member_map_', {}):
            raise AttributeError('cannot reassign member %r' % name)
        super().__setattr__(name, value)

    def __delattr__(cls, name):
        if name in cls.__dict__.get('_member_map_', {}):
            raise AttributeError('%r cannot delete member %r.' % (cls.__name__, name))
        super().__delattr__(name)

    def __dir__(cls):
        names = {'__class__', '__contains__', '__doc__', '__getitem__', '__iter__',
                 '__len__', '__members__', '__module__', '__name__', '__qualname__',
                 '__init_subclass__'}
        names.update(cls._member_names_)
        for klass in cls.__mro__:
            if isinstance(klass, EnumType) and klass not in (Enum, ReprEnum, Flag):
                names.update(n for n, v in klass.__dict__.items()
                             if not n.startswith('_') and not isinstance(v, Enum))
        if cls._member_type_ is not object:
            names.update(dir(cls._member_type_))
        return sorted(names)


EnumMeta = EnumType


class _ClassSetup:
    """Placed in a new enum's namespace so that type.__new__, through __set_name__, lets
    it create the members before __init_subclass__ runs (which may list them)."""

    def __init__(self, bases, first_enum, member_type, body, names, values, boundary):
        self.bases = bases
        self.first_enum = first_enum
        self.member_type = member_type
        self.body = dict(body)
        self.names = names
        self.values = values
        self.boundary = boundary or getattr(first_enum, '_boundary_', None)
        self.error = None

    def __set_name__(self, enum_class, attribute):
        type.__delattr__(enum_class, attribute)
        try:
            self._populate(enum_class)
        except Exception as exc:
            self.error = exc
            raise

    def _populate(self, enum_class):
        member_type, first_enum, body = self.member_type, self.first_enum, self.body
        setup = {
            '_member_names_': [], '_member_map_': {}, '_value2member_map_': {},
            '_member_type_': member_type,
            '_new_member_': _member_creator(body, first_enum, member_type),
        }
        if self.boundary is not None:
            setup['_boundary_'] = self.boundary
        for key, value in setup.items():
            type.__setattr__(enum_class, key, value)
        _keep_enum_methods(enum_class, first_enum, member_type, body)
        if ReprEnum is not None and ReprEnum in self.bases:
            _take_str_and_format_from(enum_class, member_type, body)
        for name, value in zip(self.names, self.values):
            _add_member(enum_class, name, value)
        if _is_flag(enum_class):
            _compute_flag_masks(enum_class)


def _read_only_view(mapping):
    try:
        from types import MappingProxyType
    except ImportError:
        return dict(mapping)
    return MappingProxyType(mapping)


def _member_creator(body, first_enum, member_type):
    """The __new__ that builds this enum's members: one written in the class body, else one
    inherited from an enum base (StrEnum's), else the data type's."""
    new = body.get('__new__')
    if new is not None:
        return getattr(new, '__func__', new)
    inherited = getattr(first_enum, '_new_member_', None)
    if inherited is not None and inherited is not object.__new__:
        return inherited
    return member_type.__new__


def _is_flag(enum_class):
    # Flag and its subclasses are the enums with a boundary.
    return getattr(enum_class, '_boundary_', None) is not None


def _keep_enum_methods(enum_class, first_enum, member_type, body):
    # A data type comes before Enum in the MRO (IntEnum: int, ReprEnum, Enum), so its repr,
    # str and format would win; the enum's own take their place unless the body defines one.
    for name in ('__repr__', '__str__', '__format__'):
        if name in body:
            continue
        found = getattr(enum_class, name)
        if found is getattr(member_type, name) or found is getattr(object, name):
            type.__setattr__(enum_class, name, getattr(first_enum, name))
    # Likewise IntFlag's int comes before Flag, whose operators must give flags.
    if Flag is not None and issubclass(enum_class, Flag):
        for name in ('__or__', '__and__', '__xor__', '__ror__', '__rand__', '__rxor__',
                     '__invert__'):
            if name not in body:
                type.__setattr__(enum_class, name, Flag.__dict__[name])


def _take_str_and_format_from(enum_class, member_type, body):
    # ReprEnum keeps only the enum repr: str() and format() are the data type's.
    if '__format__' not in body:
        type.__setattr__(enum_class, '__format__', member_type.__format__)
    if '__str__' not in body:
        method = member_type.__str__
        if method is object.__str__:
            method = member_type.__repr__
        type.__setattr__(enum_class, '__str__', method)


def _add_member(enum_class, name, value):
    member_type = enum_class._member_type_
    new = enum_class._new_member_
    args = value if isinstance(value, tuple) and member_type is not tuple else (value,)
    if new is object.__new__:
        made = object.__new__(enum_class)
    else:
        made = new(enum_class, *args)
    if not hasattr(made, '_value_'):
        if member_type is object:
            made._value_ = value
        else:
            try:
                made._value_ = member_type(*args)
            except Exception:
                made._value_ = value
    value = made._value_
    made._name_ = name
    made.__objclass__ = enum_class
    made.__init__(*args)
    made._sort_order_ = len(enum_class._member_map_)
    canonical = _find_existing(enum_class, value)
    is_flag = _is_flag(enum_class)
    if canonical is not None:
        made = canonical
    elif not is_flag or _is_single_bit(value):
        enum_class._member_names_.append(name)
    _store_member(enum_class, name, made)
    enum_class._member_map_[name] = made
    try:
        enum_class._value2member_map_.setdefault(value, made)
    except TypeError:
        pass   # unhashable values are found by the linear search in _lookup_


def _find_existing(enum_class, value):
    try:
        return enum_class._value2member_map_.get(value)
    except TypeError:
        for existing in enum_class._member_map_.values():
            if existing._value_ == value:
                return existing
    return None


def _store_member(enum_class, name, made):
    # A member named like an inherited attribute (name, value, a mixin method) is reached
    # through an enum.property, so members keep the attribute and the class the member.
    for klass in enum_class.__mro__[1:]:
        if name in klass.__dict__:
            inherited = klass.__dict__[name]
            fget = inherited.fget if isinstance(inherited, property) else None
            if fget is None:
                fget = lambda self, attr=inherited: (
                    attr.__get__(self, type(self)) if hasattr(attr, '__get__') else attr)
            shadow = property(fget, made)
            shadow.__set_name__(enum_class, name)
            type.__setattr__(enum_class, name, shadow)
            return
    type.__setattr__(enum_class, name, made)


def _compute_flag_masks(flag_class):
    singles = 0
    every = 0
    for found in flag_class._member_map_.values():
        every |= found._value_
        if _is_single_bit(found._value_):
            singles |= found._value_
    type.__setattr__(flag_class, '_singles_mask_', singles)
    type.__setattr__(flag_class, '_flag_mask_', every)
    type.__setattr__(flag_class, '_all_bits_', 2 ** every.bit_length() - 1)


class Enum(metaclass=EnumType):
    """Base class of enumerations; members are singletons compared by identity."""

    def __init__(self, *args, **kwds):
        pass

    def _generate_next_value_(name, start, count, last_values):
        # One more than the last value that supports it, else start.
        for last in reversed(last_values):
            try:
                return last + 1
            except TypeError:
                pass
        return start

    @classmethod
    def _missing_(cls, value):
        return None

    def __repr__(self):
        return '<%s.%s: %r>' % (self.__class__.__name__, self._name_, self._value_)

    def __str__(self):
        return '%s.%s' % (self.__class__.__name__, self._name_)

    def __format__(self, format_spec):
        return str.__format__(str(self), format_spec)

    def __hash__(self):
        return hash(self._name_)

    def __dir__(self):
        names = {'__class__', '__doc__', '__eq__', '__hash__', '__module__', 'name', 'value'}
        names.update(n for n in self.__dict__ if not n.startswith('_'))
        for klass in type(self).__mro__:
            if isinstance(klass, EnumType) and klass not in (Enum, ReprEnum, Flag):
                names.update(n for n, v in klass.__dict__.items()
                             if not n.startswith('_') and not isinstance(v, Enum))
        return sorted(names)

    def __reduce_ex__(self, proto):
        return self.__class__, (self._value_,)

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self

    @property
    def name(self):
        """The name of the member."""
        return self._name_

    @property
    def value(self):
        """The value of the member."""
        return self._value_


class ReprEnum(Enum):
    """Only the repr is the enum's; str() and format() are the mixed-in type's."""


class IntEnum(int, ReprEnum):
    """Members are ints."""


class StrEnum(str, ReprEnum):
    """Members are strs; auto() gives the lower-cased member name."""

    def __new__(cls, *values):
        if len(values) > 3:
            raise TypeError('too many arguments for str(): %r' % (values,))
        if len(values) == 1 and not isinstance(values[0], str):
            raise TypeError('%r is not a string' % (values[0],))
        if len(values) >= 2 and not isinstance(values[1], str):
            raise TypeError('encoding must be a string, not %r' % (values[1],))
        if len(values) == 3 and not isinstance(values[2], str):
            raise TypeError('errors must be a string, not %r' % (values[2],))
        text = str(*values)
        made = str.__new__(cls, text)
        made._value_ = text
        return made

    def _generate_next_value_(name, start, count, last_values):
        return name.lower()


def unique(enumeration):
    """Class decorator: raises ValueError when any member is an alias."""
    aliases = ['%s -> %s' % (alias, found.name)
               for alias, found in enumeration.__members__.items() if alias != found.name]
    if aliases:
        raise ValueError('duplicate values found in %r: %s' % (enumeration, ', '.join(aliases)))
    return enumeration


# ---- flags ------------------------------------------------------------------------------

class FlagBoundary(StrEnum):
    """What a Flag does with a value that has bits no member names."""
    STRICT = auto()    # raise ValueError
    CONFORM = auto()   # drop the unknown bits
    EJECT = auto()     # return a plain int
    KEEP = auto()      # keep the unknown bits in the flag


STRICT, CONFORM, EJECT, KEEP = FlagBoundary


class Flag(Enum, boundary=STRICT):
    """Members are bit flags combined with | & ^ ~; single-bit members are canonical, any
    other value (0, several bits) is an alias or a pseudo-member made on demand."""

    _numeric_repr_ = repr

    def _generate_next_value_(name, start, count, last_values):
        # The next power of two above the highest value so far.
        if not count:
            return start if start is not None else 1
        highest = 0
        for value in last_values:
            if not isinstance(value, int):
                raise TypeError('invalid flag value %r' % (value,)) from None
            highest = max(highest, value)
        return 2 ** highest.bit_length()

    @classmethod
    def _missing_(cls, value):
        if not isinstance(value, int):
            raise ValueError('%r is not a valid %s' % (value, cls.__qualname__))
        all_bits, known = cls._all_bits_, cls._flag_mask_
        if not ~all_bits <= value <= all_bits or value & (all_bits ^ known):
            boundary = cls._boundary_
            if boundary is STRICT:
                width = max(value.bit_length(), known.bit_length())
                raise ValueError('%r invalid value %r\n    given %s\n  allowed %s'
                                 % (cls, value, _bits_text(value, width),
                                    _bits_text(known, width)))
            if boundary is CONFORM:
                value &= known
            elif boundary is EJECT:
                return value
            elif value < 0:   # KEEP: wrap into enough bits to hold it
                value += max(all_bits + 1, 2 ** value.bit_length())
        negative = value if value < 0 else None
        if negative is not None:
            value += all_bits + 1
        if cls._member_type_ is object:
            pseudo = object.__new__(cls)
        else:
            pseudo = cls._member_type_.__new__(cls, value)
        pseudo._value_ = value
        pseudo._name_ = cls._compose_name(value)
        pseudo = cls._value2member_map_.setdefault(value, pseudo)
        if negative is not None:
            cls._value2member_map_[negative] = pseudo
        return pseudo

    @classmethod
    def _compose_name(cls, value):
        # 'R|W' from the named members inside value (single bits first, then aliases),
        # with any bits left over written as a number (kept by the KEEP boundary).
        parts, covered = [], 0
        for found in cls._member_map_.values():
            bits = found._value_
            if (_is_single_bit(bits) and bits & value) or (
                    bits and bits & value == bits and bits & ~covered and bits & ~cls._singles_mask_):
                if found._name_ not in parts:
                    parts.append(found._name_)
                    covered |= bits
        if not covered:
            return None
        if value & ~covered:
            parts.append(cls._numeric_repr_(value & ~covered))
        return '|'.join(parts)

    def __repr__(self):
        cls_name = self.__class__.__name__
        if self._name_ is None:
            return '<%s: %r>' % (cls_name, self._value_)
        return '<%s.%s: %r>' % (cls_name, self._name_, self._value_)

    def __str__(self):
        cls_name = self.__class__.__name__
        if self._name_ is None:
            return '%s(%r)' % (cls_name, self._value_)
        return '%s.%s' % (cls_name, self._name_)

    def __bool__(self):
        return bool(self._value_)

    def __len__(self):
        return self._value_.bit_count()

    def __iter__(self):
        cls = self.__class__
        return (cls._member_map_[name] for name in cls._member_names_
                if cls._member_map_[name]._value_ & self._value_)

    def __contains__(self, other):
        if not isinstance(other, self.__class__):
            raise TypeError("unsupported operand type(s) for 'in': '%s' and '%s'"
                            % (type(other).__qualname__, self.__class__.__qualname__))
        return other._value_ & self._value_ == other._value_

    def _other_value(self, other):
        # Flags combine with their own class; IntFlag also with plain ints.
        if isinstance(other, self.__class__):
            return other._value_
        if self._member_type_ is not object and isinstance(other, self._member_type_):
            return other
        return NotImplemented

    def __or__(self, other):
        other = self._other_value(other)
        if other is NotImplemented:
            return other
        return self.__class__(self._value_ | other)

    def __and__(self, other):
        other = self._other_value(other)
        if other is NotImplemented:
            return other
        return self.__class__(self._value_ & other)

    def __xor__(self, other):
        other = self._other_value(other)
        if other is NotImplemented:
            return other
        return self.__class__(self._value_ ^ other)

    def __invert__(self):
        cls = self.__class__
        if cls._boundary_ in (EJECT, KEEP):
            return cls(~self._value_)
        return cls(cls._singles_mask_ & ~self._value_)

    __ror__ = __or__
    __rand__ = __and__
    __rxor__ = __xor__


class IntFlag(int, ReprEnum, Flag, boundary=KEEP):
    """Flags that are also ints."""
