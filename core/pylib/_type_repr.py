# How types.GenericAlias, types.UnionType and typing's forms print their arguments:
# a class as its qualified name (builtins unqualified), ... as "...", anything else by
# repr(). Shared so that list[int], int | None and typing.List[int] agree.


def type_repr(obj):
    """NoneType prints as "NoneType" (list[NoneType]); unions print it as "None" themselves."""
    if isinstance(obj, type) and not _is_alias(obj):
        if obj.__module__ == 'builtins':
            return obj.__qualname__
        return f'{obj.__module__}.{obj.__qualname__}'
    if obj is ...:
        return '...'
    if _is_function(obj):
        return f'{obj.__module__}.{obj.__qualname__}'
    return repr(obj)


def _is_alias(obj):
    return hasattr(obj, '__origin__')


def _is_function(obj):
    return type(obj).__name__ == 'function'


def collect_parameters(args):
    """The type variables in args, in first-seen order (the __parameters__ of an alias)."""
    params = []
    for arg in args:
        if isinstance(arg, type):
            continue
        if hasattr(arg, '__typing_subst__') or getattr(arg, '_is_type_variable', False):
            if arg not in params:
                params.append(arg)
            continue
        if isinstance(arg, (list, tuple)):
            found = collect_parameters(arg)
        else:
            found = getattr(arg, '__parameters__', ())
        for param in found:
            if param not in params:
                params.append(param)
    return tuple(params)
