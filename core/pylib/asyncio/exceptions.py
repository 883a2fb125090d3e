# asyncio's exception types. CancelledError is a BaseException (as in 3.8+) so that
# `except Exception` does not swallow a cancellation; TimeoutError is the builtin one.
__all__ = ('CancelledError', 'InvalidStateError', 'TimeoutError')

TimeoutError = TimeoutError


class CancelledError(BaseException):
    """The Future or Task was cancelled."""


class InvalidStateError(Exception):
    """The operation is not allowed in this state."""
