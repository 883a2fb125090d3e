# abc for Terrarium: abstract base classes, written from the Python 3.11 documentation.
# Provides ABCMeta (register, __subclasshook__, abstract-method bookkeeping and the
# "Can't instantiate abstract class" check), ABC, abstractmethod, abstractclassmethod,
# abstractstaticmethod, abstractproperty, get_cache_token, update_abstractmethods.
# Note: isinstance()/issubclass() reach registered virtual subclasses and
# __subclasshook__ only if the interpreter consults a metaclass's __instancecheck__ /
# __subclasscheck__; real subclassing always works.


def abstractmethod(funcobj):
    funcobj.__isabstractmethod__ = True
    return funcobj


class abstractclassmethod(classmethod):
    __isabstractmethod__ = True

    def __init__(self, callable):
        callable.__isabstractmethod__ = True
        super().__init__(callable)


class abstractstaticmethod(staticmethod):
    __isabstractmethod__ = True

    def __init__(self, callable):
        callable.__isabstractmethod__ = True
        super().__init__(callable)


class abstractproperty(property):
    __isabstractmethod__ = True


def _is_abstract(value):
    if getattr(value, '__isabstractmethod__', False):
        return True
    # classmethod/staticmethod/property wrapping an abstract function.
    for attr in ('__func__', 'fget', 'fset', 'fdel'):
        inner = getattr(value, attr, None)
        if inner is not None and getattr(inner, '__isabstractmethod__', False):
            return True
    return False


def _compute_abstracts(cls, namespace=None):
    # Terrarium note: `cls.__dict__` is unreliable on classes made by a Python metaclass,
    # so the class body's namespace is passed in and inherited names go through getattr.
    abstracts = set()
    if namespace is None:
        namespace = {}
    for name, value in namespace.items():
        if _is_abstract(value):
            abstracts.add(name)
    for base in cls.__bases__:
        for name in getattr(base, '__abstractmethods__', ()):
            if name not in namespace and _is_abstract(getattr(cls, name, None)):
                abstracts.add(name)
    return frozenset(abstracts)


def update_abstractmethods(cls):
    if hasattr(cls, '__abstractmethods__'):
        names = set(cls.__abstractmethods__)
        for base in cls.__bases__:
            names.update(getattr(base, '__abstractmethods__', ()))
        cls.__abstractmethods__ = frozenset(
            name for name in names if _is_abstract(getattr(cls, name, None)))
    return cls


_token = [0]


def get_cache_token():
    return _token[0]


class ABCMeta(type):
    def __new__(mcls, name, bases, namespace, /, **kwargs):
        cls = super().__new__(mcls, name, bases, namespace, **kwargs)
        cls.__abstractmethods__ = _compute_abstracts(cls, namespace)
        cls._abc_registry = []
        return cls

    def __call__(cls, *args, **kwargs):
        abstracts = cls.__abstractmethods__
        if abstracts:
            names = sorted(abstracts)
            raise TypeError("Can't instantiate abstract class %s with abstract method%s %s"
                            % (cls.__name__, 's' if len(names) > 1 else '', ', '.join(names)))
        return super().__call__(*args, **kwargs)

    def register(cls, subclass):
        if not isinstance(subclass, type):
            raise TypeError('Can only register classes')
        if cls._abc_subclass(subclass):
            return subclass
        if isinstance(subclass, ABCMeta) and ABCMeta._abc_subclass(subclass, cls):
            raise RuntimeError('Refusing to create an inheritance cycle')
        cls._abc_registry.append(subclass)
        _token[0] += 1
        return subclass

    def _abc_subclass(cls, subclass):
        """issubclass(subclass, cls) including virtual subclasses and __subclasshook__."""
        if cls in getattr(subclass, '__mro__', ()):
            return True
        hook = getattr(cls, '__subclasshook__', None)   # a bound classmethod
        if hook is not None:
            ok = hook(subclass)
            if ok is not NotImplemented:
                return bool(ok)
        for registered in cls._abc_registry:
            if registered in getattr(subclass, '__mro__', ()):
                return True
            if isinstance(registered, ABCMeta) and ABCMeta._abc_subclass(registered, subclass):
                return True
        for sub in type.__subclasses__(cls) if hasattr(type, '__subclasses__') else ():
            if isinstance(sub, ABCMeta) and sub is not cls and ABCMeta._abc_subclass(sub, subclass):
                return True
        return False

    def __subclasscheck__(cls, subclass):
        return ABCMeta._abc_subclass(cls, subclass)

    def __instancecheck__(cls, instance):
        return ABCMeta._abc_subclass(cls, type(instance))


class ABC(metaclass=ABCMeta):
    """Helper base class: `class C(ABC)` instead of `metaclass=ABCMeta`."""
    __slots__ = ()
