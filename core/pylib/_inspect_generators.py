# The generator and coroutine part of inspect for Terrarium, written from the Python 3.11
# documentation: the life-cycle states (getgeneratorstate, getcoroutinestate), their
# frame locals, the is* predicates for awaitables and frames, and currentframe().
import sys as _sys
import types as _types

GEN_CREATED = 'GEN_CREATED'
GEN_RUNNING = 'GEN_RUNNING'
GEN_SUSPENDED = 'GEN_SUSPENDED'
GEN_CLOSED = 'GEN_CLOSED'
CORO_CREATED = 'CORO_CREATED'
CORO_RUNNING = 'CORO_RUNNING'
CORO_SUSPENDED = 'CORO_SUSPENDED'
CORO_CLOSED = 'CORO_CLOSED'


def _state(running, suspended, frame, prefix):
    # Checked in this order: a running frame is not suspended, a finished one has no frame.
    if running:
        return prefix + '_RUNNING'
    if suspended:
        return prefix + '_SUSPENDED'
    if frame is None:
        return prefix + '_CLOSED'
    return prefix + '_CREATED'


def getgeneratorstate(generator):
    return _state(generator.gi_running, generator.gi_suspended, generator.gi_frame, 'GEN')


def getcoroutinestate(coroutine):
    return _state(coroutine.cr_running, coroutine.cr_suspended, coroutine.cr_frame, 'CORO')


def getgeneratorlocals(generator):
    if not isinstance(generator, _types.GeneratorType):
        raise TypeError("{!r} is not a Python generator".format(generator))
    frame = generator.gi_frame
    return frame.f_locals if frame is not None else {}


def getcoroutinelocals(coroutine):
    frame = getattr(coroutine, "cr_frame", None)
    return frame.f_locals if frame is not None else {}


def isgenerator(obj):
    return isinstance(obj, _types.GeneratorType)


def iscoroutine(obj):
    return isinstance(obj, _types.CoroutineType)


def isasyncgen(obj):
    return isinstance(obj, _types.AsyncGeneratorType)


def isframe(obj):
    return isinstance(obj, _types.FrameType)


def isawaitable(obj):
    if isinstance(obj, _types.CoroutineType):
        return True
    if isinstance(obj, _types.GeneratorType) and obj.gi_code.co_flags & 0x100:
        return True
    return hasattr(type(obj), '__await__')


def currentframe():
    """The caller's frame object."""
    return _sys._getframe(1)
