# What refuses to cross between interpreters, named as pickle names it. Terrarium has
# no pickle module yet: copying is _interpreters' (cross_value.cpp), which raises
# TypeError with pickle's texts; a function pickle cannot find by name is a
# PicklingError in CPython, so that one is given its class here.
# CPython: Lib/pickle.py (PickleError, PicklingError), Modules/_pickle.c save_global().

__all__ = ['PickleError', 'PicklingError', 'crossing_error']


class PickleError(Exception):
    pass


class PicklingError(PickleError):
    pass


PickleError.__module__ = PicklingError.__module__ = '_pickle'


def crossing_error(exc):
    """The exception a pool reports for a value that could not cross."""
    text = str(exc) if type(exc) is TypeError else ''
    if text.startswith("Can't pickle ") and 'attribute lookup' in text:
        return PicklingError(text)
    return exc
