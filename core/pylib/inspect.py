# inspect for Terrarium (subset), written from the Python 3.11 documentation.
# Provides: signature() / Signature / Parameter / BoundArguments (bind, bind_partial,
# apply_defaults, replace, str/repr/equality), unwrap, cleandoc, getdoc, formatannotation,
# and the predicates isclass, isfunction, ismethod, isroutine, isbuiltin,
# isgeneratorfunction, iscoroutinefunction, isasyncgenfunction, isabstract; from
# _inspect_generators: generator/coroutine states, isgenerator, iscoroutine, isawaitable,
# isasyncgen, isframe, currentframe.
# Omits: tracebacks and source (stack, getsource...), getmembers, the
# signatures of built-in functions (ValueError), and exact partial() signatures beyond
# the common cases.

_CO_GENERATOR = 0x20
_CO_COROUTINE = 0x80
_CO_ASYNC_GENERATOR = 0x200
_CO_VARARGS = 0x04
_CO_VARKEYWORDS = 0x08


class _empty:
    """Marker object for Signature.empty and Parameter.empty."""


class _void:
    """A private marker - used in Parameter & Signature."""


class _ParameterKind(int):
    def __new__(cls, value, name, description):
        self = int.__new__(cls, value)
        self._name_ = name
        self.description = description
        return self

    @property
    def name(self):
        return self._name_

    @property
    def value(self):
        return int(self)

    def __repr__(self):
        return '<_ParameterKind.%s: %d>' % (self._name_, int(self))

    def __str__(self):
        return self._name_


_POSITIONAL_ONLY = _ParameterKind(0, 'POSITIONAL_ONLY', 'positional-only')
_POSITIONAL_OR_KEYWORD = _ParameterKind(1, 'POSITIONAL_OR_KEYWORD', 'positional or keyword')
_VAR_POSITIONAL = _ParameterKind(2, 'VAR_POSITIONAL', 'variadic positional')
_KEYWORD_ONLY = _ParameterKind(3, 'KEYWORD_ONLY', 'keyword-only')
_VAR_KEYWORD = _ParameterKind(4, 'VAR_KEYWORD', 'variadic keyword')
_KINDS = (_POSITIONAL_ONLY, _POSITIONAL_OR_KEYWORD, _VAR_POSITIONAL, _KEYWORD_ONLY, _VAR_KEYWORD)


def formatannotation(annotation, base_module=None):
    if isinstance(annotation, type):
        module = getattr(annotation, '__module__', None)
        if module in ('builtins', base_module):
            return annotation.__qualname__
        return '%s.%s' % (module, annotation.__qualname__)
    return repr(annotation).replace('typing.', '')


class Parameter:
    POSITIONAL_ONLY = _POSITIONAL_ONLY
    POSITIONAL_OR_KEYWORD = _POSITIONAL_OR_KEYWORD
    VAR_POSITIONAL = _VAR_POSITIONAL
    KEYWORD_ONLY = _KEYWORD_ONLY
    VAR_KEYWORD = _VAR_KEYWORD
    empty = _empty

    def __init__(self, name, kind, *, default=_empty, annotation=_empty):
        if kind not in _KINDS:
            raise ValueError('value %r is not a valid Parameter.kind' % (kind,))
        kind = _KINDS[kind]
        if default is not _empty and kind in (_VAR_POSITIONAL, _VAR_KEYWORD):
            raise ValueError('%s parameters cannot have default values' % kind.description)
        if not isinstance(name, str):
            raise TypeError('name must be a str, not a %s' % type(name).__name__)
        if not name.isidentifier():
            raise ValueError('%r is not a valid parameter name' % name)
        self._name = name
        self._kind = kind
        self._default = default
        self._annotation = annotation

    name = property(lambda self: self._name)
    kind = property(lambda self: self._kind)
    default = property(lambda self: self._default)
    annotation = property(lambda self: self._annotation)

    def replace(self, *, name=_void, kind=_void, annotation=_void, default=_void):
        return type(self)(self._name if name is _void else name,
                          self._kind if kind is _void else kind,
                          default=self._default if default is _void else default,
                          annotation=self._annotation if annotation is _void else annotation)

    def __str__(self):
        text = self._name
        if self._annotation is not _empty:
            text = '%s: %s' % (text, formatannotation(self._annotation))
        if self._default is not _empty:
            sep = ' = ' if self._annotation is not _empty else '='
            text = '%s%s%r' % (text, sep, self._default)
        if self._kind == _VAR_POSITIONAL:
            text = '*' + text
        elif self._kind == _VAR_KEYWORD:
            text = '**' + text
        return text

    def __repr__(self):
        return '<%s "%s">' % (type(self).__name__, self)

    def __hash__(self):
        return hash((self._name, self._kind, self._annotation, self._default))

    def __eq__(self, other):
        if self is other:
            return True
        if not isinstance(other, Parameter):
            return NotImplemented
        return (self._name == other._name and self._kind == other._kind
                and self._default == other._default and self._annotation == other._annotation)


class BoundArguments:
    def __init__(self, signature, arguments):
        self.arguments = arguments
        self._signature = signature

    @property
    def signature(self):
        return self._signature

    @property
    def args(self):
        args = []
        for name, param in self._signature.parameters.items():
            if param.kind in (_VAR_KEYWORD, _KEYWORD_ONLY):
                break
            if name not in self.arguments:
                break
            value = self.arguments[name]
            if param.kind == _VAR_POSITIONAL:
                args.extend(value)
            else:
                args.append(value)
        return tuple(args)

    @property
    def kwargs(self):
        kwargs = {}
        started = False
        for name, param in self._signature.parameters.items():
            if not started:
                if param.kind in (_VAR_KEYWORD, _KEYWORD_ONLY):
                    started = True
                elif name not in self.arguments:
                    started = True
                    continue
            if not started or name not in self.arguments:
                continue
            value = self.arguments[name]
            if param.kind == _VAR_KEYWORD:
                kwargs.update(value)
            else:
                kwargs[name] = value
        return kwargs

    def apply_defaults(self):
        arguments = self.arguments
        ordered = {}
        for name, param in self._signature.parameters.items():
            if name in arguments:
                ordered[name] = arguments[name]
            elif param.default is not _empty:
                ordered[name] = param.default
            elif param.kind == _VAR_POSITIONAL:
                ordered[name] = ()
            elif param.kind == _VAR_KEYWORD:
                ordered[name] = {}
        self.arguments = ordered

    def __eq__(self, other):
        if self is other:
            return True
        if not isinstance(other, BoundArguments):
            return NotImplemented
        return self.signature == other.signature and self.arguments == other.arguments

    def __repr__(self):
        args = ['%s=%r' % (name, value) for name, value in self.arguments.items()]
        return '<%s (%s)>' % (type(self).__name__, ', '.join(args))


class Signature:
    empty = _empty

    def __init__(self, parameters=None, *, return_annotation=_empty, __validate_parameters__=True):
        params = {}
        if parameters is not None:
            last_kind = _POSITIONAL_ONLY
            seen_default = False
            for param in parameters:
                kind = param.kind
                if __validate_parameters__:
                    if kind < last_kind:
                        raise ValueError('wrong parameter order: %s parameter before %s parameter'
                                         % (last_kind.description, kind.description))
                    if kind in (_POSITIONAL_ONLY, _POSITIONAL_OR_KEYWORD):
                        if param.default is _empty:
                            if seen_default:
                                raise ValueError('non-default argument follows default argument')
                        else:
                            seen_default = True
                    if param.name in params:
                        raise ValueError('duplicate parameter name: %r' % param.name)
                last_kind = kind
                params[param.name] = param
        self._parameters = params
        self._return_annotation = return_annotation

    @property
    def parameters(self):
        return self._parameters

    @property
    def return_annotation(self):
        return self._return_annotation

    @classmethod
    def from_callable(cls, obj, *, follow_wrapped=True):
        return signature(obj, follow_wrapped=follow_wrapped)

    def replace(self, *, parameters=_void, return_annotation=_void):
        if parameters is _void:
            parameters = self._parameters.values()
        if return_annotation is _void:
            return_annotation = self._return_annotation
        return type(self)(parameters, return_annotation=return_annotation)

    def _key(self):
        positional = tuple(p for p in self._parameters.values() if p.kind != _KEYWORD_ONLY)
        keyword_only = {p.name: p for p in self._parameters.values() if p.kind == _KEYWORD_ONLY}
        return positional, keyword_only, self._return_annotation

    def __eq__(self, other):
        if self is other:
            return True
        if not isinstance(other, Signature):
            return NotImplemented
        return self._key() == other._key()

    def __hash__(self):
        positional, keyword_only, ret = self._key()
        return hash((positional, frozenset(keyword_only.values()), ret))

    def _bind(self, args, kwargs, partial=False):
        arguments = {}
        kwargs = dict(kwargs)
        params = list(self._parameters.values())
        index = 0          # next parameter
        rest = None        # parameters left for the keyword phase
        # Phase 1: positional arguments.
        for position, value in enumerate(args):
            if index >= len(params):
                raise TypeError('too many positional arguments') from None
            param = params[index]
            if param.kind in (_VAR_KEYWORD, _KEYWORD_ONLY):
                raise TypeError('too many positional arguments') from None
            if param.kind == _VAR_POSITIONAL:
                arguments[param.name] = tuple(args[position:])
                index += 1
                break
            if param.name in kwargs and param.kind != _POSITIONAL_ONLY:
                raise TypeError('multiple values for argument %r' % param.name) from None
            arguments[param.name] = value
            index += 1
        else:
            # Positional arguments ran out: look at the next parameter.
            if index < len(params):
                param = params[index]
                if param.kind == _VAR_POSITIONAL:
                    index += 1
                elif param.name in kwargs:
                    if param.kind == _POSITIONAL_ONLY:
                        raise TypeError('%r parameter is positional only, but was passed as '
                                        'a keyword' % param.name)
                elif param.kind == _VAR_KEYWORD or param.default is not _empty or partial:
                    pass
                else:
                    raise TypeError('missing a required argument: %r' % param.name) from None
        rest = params[index:]
        # Phase 2: keyword arguments.
        kwargs_param = None
        for param in rest:
            if param.kind == _VAR_KEYWORD:
                kwargs_param = param
                continue
            if param.kind == _VAR_POSITIONAL:
                continue
            if param.name in kwargs:
                if param.kind == _POSITIONAL_ONLY:
                    raise TypeError('%r parameter is positional only, but was passed as '
                                    'a keyword' % param.name)
                arguments[param.name] = kwargs.pop(param.name)
            elif not partial and param.default is _empty:
                raise TypeError('missing a required argument: %r' % param.name) from None
        if kwargs:
            if kwargs_param is not None:
                arguments[kwargs_param.name] = kwargs
            else:
                raise TypeError('got an unexpected keyword argument %r' % next(iter(kwargs)))
        return BoundArguments(self, arguments)

    def bind(self, /, *args, **kwargs):
        return self._bind(args, kwargs)

    def bind_partial(self, /, *args, **kwargs):
        return self._bind(args, kwargs, partial=True)

    def __str__(self):
        result = []
        pending_slash = False
        need_star = True
        for param in self._parameters.values():
            kind = param.kind
            if kind == _POSITIONAL_ONLY:
                pending_slash = True
            elif pending_slash:
                result.append('/')
                pending_slash = False
            if kind == _VAR_POSITIONAL:
                need_star = False
            elif kind == _KEYWORD_ONLY and need_star:
                result.append('*')
                need_star = False
            result.append(str(param))
        if pending_slash:
            result.append('/')
        text = '(%s)' % ', '.join(result)
        if self._return_annotation is not _empty:
            text += ' -> %s' % formatannotation(self._return_annotation)
        return text

    def __repr__(self):
        return '<%s %s>' % (type(self).__name__, self)


# ---- building signatures ----------------------------------------------------------------

def unwrap(func, *, stop=None):
    seen = {id(func)}
    f = func
    while hasattr(f, '__wrapped__') and not (stop is not None and stop(f)):
        f = f.__wrapped__
        if id(f) in seen:
            raise ValueError('wrapper loop when unwrapping %r' % (func,))
        seen.add(id(f))
    return f


def _from_function(func, cls=Signature):
    code = func.__code__
    names = code.co_varnames
    npos = code.co_argcount
    nposonly = code.co_posonlyargcount
    nkwonly = code.co_kwonlyargcount
    defaults = func.__defaults__ or ()
    kwdefaults = func.__kwdefaults__ or {}
    annotations = getattr(func, '__annotations__', None) or {}
    params = []
    first_default = npos - len(defaults)
    for i in range(npos):
        name = names[i]
        kind = _POSITIONAL_ONLY if i < nposonly else _POSITIONAL_OR_KEYWORD
        default = defaults[i - first_default] if i >= first_default else _empty
        params.append(Parameter(name, kind, default=default,
                                annotation=annotations.get(name, _empty)))
    index = npos
    kwonly_names = names[npos:npos + nkwonly]
    index += nkwonly
    if code.co_flags & _CO_VARARGS:
        name = names[index]
        index += 1
        params.append(Parameter(name, _VAR_POSITIONAL, annotation=annotations.get(name, _empty)))
    for name in kwonly_names:
        params.append(Parameter(name, _KEYWORD_ONLY, default=kwdefaults.get(name, _empty),
                                annotation=annotations.get(name, _empty)))
    if code.co_flags & _CO_VARKEYWORDS:
        name = names[index]
        params.append(Parameter(name, _VAR_KEYWORD, annotation=annotations.get(name, _empty)))
    return cls(params, return_annotation=annotations.get('return', _empty),
               __validate_parameters__=False)


def _drop_first(sig):
    params = list(sig.parameters.values())
    if not params or params[0].kind in (_VAR_KEYWORD, _KEYWORD_ONLY):
        raise ValueError('invalid method signature')
    if params[0].kind != _VAR_POSITIONAL:
        params = params[1:]
    return sig.replace(parameters=params)


def _is_python_function(obj):
    return hasattr(obj, '__code__') and hasattr(obj, '__defaults__')


def _signature(obj, follow_wrapped):
    if not callable(obj):
        raise TypeError('%r is not a callable object' % (obj,))
    if hasattr(obj, '__func__') and hasattr(obj, '__self__'):
        # Bound method: the function's signature without its first parameter.
        sig = _signature(obj.__func__, follow_wrapped)
        return sig if obj.__self__ is None else _drop_first(sig)
    if follow_wrapped:
        obj = unwrap(obj, stop=lambda f: hasattr(f, '__signature__'))
        if hasattr(obj, '__func__') and hasattr(obj, '__self__'):
            return _signature(obj, follow_wrapped)
    sig = getattr(obj, '__signature__', None)
    if sig is not None:
        if not isinstance(sig, Signature):
            raise TypeError('unexpected object %r in __signature__ attribute' % (sig,))
        return sig
    if _is_python_function(obj):
        return _from_function(obj)
    partial_type = _partial_type()
    if partial_type is not None and isinstance(obj, partial_type):
        return _partial_signature(_signature(obj.func, follow_wrapped), obj.args, obj.keywords)
    if isinstance(obj, type):
        # The first user-level __call__ of the metaclass, __new__ or __init__ decides.
        for name, skip in (('__new__', True), ('__init__', True)):
            meth = getattr(obj, name, None)
            if meth is not None and _is_python_function(getattr(meth, '__func__', meth)):
                func = getattr(meth, '__func__', meth)
                return _drop_first(_signature(func, follow_wrapped))
        return Signature()
    call = getattr(type(obj), '__call__', None)
    if call is not None and _is_python_function(call):
        return _drop_first(_signature(call, follow_wrapped))
    raise ValueError('no signature found for builtin %r' % (obj,))


def _partial_type():
    try:
        from functools import partial
    except ImportError:
        return None
    return partial


def _partial_signature(sig, args, keywords):
    bound = sig.bind_partial(*args, **keywords)
    params = []
    consumed = set(list(sig.parameters)[:len(args)]) if args else set()
    to_keyword_only = False
    for name, param in sig.parameters.items():
        if name in consumed and param.kind not in (_VAR_POSITIONAL, _VAR_KEYWORD):
            continue
        if name in keywords and param.kind not in (_VAR_POSITIONAL, _VAR_KEYWORD):
            if param.kind == _POSITIONAL_ONLY:
                continue
            to_keyword_only = True
            params.append(param.replace(default=bound.arguments[name], kind=_KEYWORD_ONLY))
            continue
        if to_keyword_only and param.kind == _POSITIONAL_OR_KEYWORD:
            params.append(param.replace(kind=_KEYWORD_ONLY))
        elif to_keyword_only and param.kind == _VAR_POSITIONAL:
            continue
        else:
            params.append(param)
    return sig.replace(parameters=params)


def signature(obj, *, follow_wrapped=True, globals=None, locals=None, eval_str=False):
    """Return a Signature object for the callable obj."""
    return _signature(obj, follow_wrapped)


# ---- predicates and docs ----------------------------------------------------------------

def isclass(obj):
    return isinstance(obj, type)


def isfunction(obj):
    return type(obj).__name__ == 'function' and _is_python_function(obj)


def ismethod(obj):
    return type(obj).__name__ == 'method'


def isbuiltin(obj):
    return type(obj).__name__ in ('builtin_function_or_method',)


def isroutine(obj):
    return isfunction(obj) or ismethod(obj) or isbuiltin(obj) or \
        type(obj).__name__ in ('method_descriptor', 'wrapper_descriptor', 'method-wrapper')


def _has_code_flag(obj, flag):
    while ismethod(obj):
        obj = obj.__func__
    obj = unwrap(obj) if hasattr(obj, '__wrapped__') and not isfunction(obj) else obj
    return isfunction(obj) and bool(obj.__code__.co_flags & flag)


def isgeneratorfunction(obj):
    return _has_code_flag(obj, _CO_GENERATOR)


def iscoroutinefunction(obj):
    return _has_code_flag(obj, _CO_COROUTINE)


def isasyncgenfunction(obj):
    return _has_code_flag(obj, _CO_ASYNC_GENERATOR)


def isabstract(obj):
    return isinstance(obj, type) and bool(getattr(obj, '__abstractmethods__', False))


def getmro(cls):
    return cls.__mro__


def cleandoc(doc):
    """Strip the indentation common to the second and later lines, and blank edges."""
    lines = doc.expandtabs().split('\n')
    margin = None
    for line in lines[1:]:
        content = len(line.lstrip())
        if content:
            indent = len(line) - content
            margin = indent if margin is None else min(margin, indent)
    if lines:
        lines[0] = lines[0].lstrip()
    if margin is not None:
        for i in range(1, len(lines)):
            lines[i] = lines[i][margin:]
    while lines and not lines[-1]:
        lines.pop()
    while lines and not lines[0]:
        lines.pop(0)
    return '\n'.join(lines)


def getdoc(obj):
    doc = getattr(obj, '__doc__', None)
    if doc is None and isinstance(obj, type):
        for base in obj.__mro__[1:]:
            doc = getattr(base, '__doc__', None)
            if doc is not None:
                break
    if not isinstance(doc, str):
        return None
    return cleandoc(doc)


from _inspect_generators import (  # noqa: E402  (generator states and awaitable predicates)
    GEN_CREATED, GEN_RUNNING, GEN_SUSPENDED, GEN_CLOSED, CORO_CREATED, CORO_RUNNING, CORO_SUSPENDED,
    CORO_CLOSED, getgeneratorstate, getcoroutinestate, getgeneratorlocals, getcoroutinelocals, isgenerator,
    iscoroutine, isasyncgen, isframe, isawaitable, currentframe)
