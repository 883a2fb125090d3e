# Waiting on several awaitables: gather, shield, wait, wait_for, as_completed.
# Every wake-up goes through done callbacks (queued with call_soon), so the order in
# which tasks see results matches CPython's. CPython: Lib/asyncio/tasks.py.
import types

from . import coroutines
from . import events
from . import exceptions
from . import futures
from .tasks import ensure_future

__all__ = ('gather', 'shield', 'wait', 'wait_for', 'as_completed',
           'FIRST_COMPLETED', 'FIRST_EXCEPTION', 'ALL_COMPLETED')

FIRST_COMPLETED = 'FIRST_COMPLETED'
FIRST_EXCEPTION = 'FIRST_EXCEPTION'
ALL_COMPLETED = 'ALL_COMPLETED'


class _GatheringFuture(futures.Future):
    """gather()'s outer future: cancelling it cancels every child."""

    def __init__(self, children, *, loop):
        super().__init__(loop=loop)
        self._children = children
        self._cancel_requested = False

    def cancel(self, msg=None):
        if self.done():
            return False
        cancelled_any = False
        for child in self._children:
            if child.cancel(msg=msg):
                cancelled_any = True
        if cancelled_any:
            self._cancel_requested = True
        return cancelled_any


def _child_outcome(fut):
    if fut.cancelled():
        return exceptions.CancelledError('' if fut._cancel_message is None else fut._cancel_message)
    exc = fut.exception()
    return fut.result() if exc is None else exc


def gather(*coros_or_futures, return_exceptions=False):
    """Run the awaitables concurrently; the results come back in argument order."""
    if not coros_or_futures:
        outer = events.get_event_loop().create_future()
        outer.set_result([])
        return outer
    children = []
    by_argument = {}
    loop = None
    outer = None
    pending = 0

    def on_child_done(fut):
        nonlocal pending
        pending -= 1
        if outer is None or outer.done():
            if not fut.cancelled():
                fut.exception()  # retrieved: no "never retrieved" report
            return
        if not return_exceptions:
            if fut.cancelled():
                outer.set_exception(fut._make_cancelled_error())
                return
            exc = fut.exception()
            if exc is not None:
                outer.set_exception(exc)
                return
        if pending == 0:
            results = [_child_outcome(child) for child in children]
            if outer._cancel_requested:
                outer.set_exception(fut._make_cancelled_error())
            else:
                outer.set_result(results)

    for arg in coros_or_futures:
        if arg in by_argument:
            fut = by_argument[arg]  # the same awaitable twice runs once
        else:
            fut = ensure_future(arg, loop=loop)
            if loop is None:
                loop = futures._get_loop(fut)
            pending += 1
            by_argument[arg] = fut
            fut.add_done_callback(on_child_done)
        children.append(fut)
    outer = _GatheringFuture(children, loop=loop)
    return outer


def shield(arg):
    """Protect the awaitable from cancellation of the one awaiting it."""
    inner = ensure_future(arg)
    if inner.done():
        return inner
    loop = futures._get_loop(inner)
    outer = loop.create_future()

    def on_inner_done(inner):
        if outer.cancelled():
            if not inner.cancelled():
                inner.exception()
            return
        if inner.cancelled():
            outer.cancel()
        else:
            exc = inner.exception()
            if exc is not None:
                outer.set_exception(exc)
            else:
                outer.set_result(inner.result())

    def on_outer_done(outer):
        if not inner.done():
            inner.remove_done_callback(on_inner_done)

    inner.add_done_callback(on_inner_done)
    outer.add_done_callback(on_outer_done)
    return outer


def _release_waiter(waiter, *args):
    if not waiter.done():
        waiter.set_result(None)


@types.coroutine
def _cancel_and_wait(fut, loop):
    waiter = loop.create_future()

    def release(*args):
        _release_waiter(waiter)

    fut.add_done_callback(release)
    try:
        fut.cancel()
        # Wait for the cancellation to land, not for the cancel() call alone.
        yield from waiter
    finally:
        fut.remove_done_callback(release)


@types.coroutine
def wait(fs, *, timeout=None, return_when=ALL_COMPLETED):
    """Wait for the futures in `fs`; returns the sets (done, pending)."""
    if futures.isfuture(fs) or coroutines.iscoroutine(fs):
        raise TypeError(f'expect a list of futures, not {type(fs).__name__}')
    if not fs:
        raise ValueError('Set of Tasks/Futures is empty.')
    if return_when not in (FIRST_COMPLETED, FIRST_EXCEPTION, ALL_COMPLETED):
        raise ValueError(f'Invalid return_when value: {return_when}')
    # CPython keeps a set here; a dict keeps the same members in a reproducible order.
    fs = list(dict.fromkeys(fs))
    if any(coroutines.iscoroutine(f) for f in fs):
        raise TypeError('Passing coroutines is forbidden, use tasks explicitly.')
    loop = events.get_running_loop()
    waiter = loop.create_future()
    timeout_handle = None
    if timeout is not None:
        timeout_handle = loop.call_later(timeout, _release_waiter, waiter)
    remaining = len(fs)

    def on_completion(f):
        nonlocal remaining
        remaining -= 1
        if (remaining <= 0 or return_when == FIRST_COMPLETED or
                return_when == FIRST_EXCEPTION and not f.cancelled() and f.exception() is not None):
            if timeout_handle is not None:
                timeout_handle.cancel()
            if not waiter.done():
                waiter.set_result(None)

    for f in fs:
        f.add_done_callback(on_completion)
    try:
        yield from waiter
    finally:
        if timeout_handle is not None:
            timeout_handle.cancel()
        for f in fs:
            f.remove_done_callback(on_completion)
    done, pending = set(), set()
    for f in fs:
        (done if f.done() else pending).add(f)
    return done, pending


@types.coroutine
def wait_for(fut, timeout):
    """Await `fut`, cancelling it and raising TimeoutError after `timeout` seconds."""
    loop = events.get_running_loop()
    if timeout is None:
        return (yield from coroutines.steps(fut))
    if timeout <= 0:
        fut = ensure_future(fut, loop=loop)
        if fut.done():
            return fut.result()
        yield from _cancel_and_wait(fut, loop)
        try:
            return fut.result()
        except exceptions.CancelledError as exc:
            raise TimeoutError() from exc
    waiter = loop.create_future()
    timeout_handle = loop.call_later(timeout, _release_waiter, waiter)

    def release(*args):
        _release_waiter(waiter)

    fut = ensure_future(fut, loop=loop)
    fut.add_done_callback(release)
    try:
        try:
            yield from waiter
        except exceptions.CancelledError:
            if fut.done():
                return fut.result()
            fut.remove_done_callback(release)
            yield from _cancel_and_wait(fut, loop)
            raise
        if fut.done():
            return fut.result()
        fut.remove_done_callback(release)
        yield from _cancel_and_wait(fut, loop)
        try:
            return fut.result()
        except exceptions.CancelledError as exc:
            raise TimeoutError() from exc
    finally:
        timeout_handle.cancel()


def as_completed(fs, *, timeout=None):
    """An iterator of awaitables that give the results in the order they finish."""
    if futures.isfuture(fs) or coroutines.iscoroutine(fs):
        raise TypeError(f'expect an iterable of futures, not {type(fs).__name__}')
    from .queues import Queue
    finished = Queue()
    loop = events.get_event_loop()
    todo = dict.fromkeys(ensure_future(f, loop=loop) for f in dict.fromkeys(fs))
    timeout_handle = None

    def on_timeout():
        for f in todo:
            f.remove_done_callback(on_completion)
            finished.put_nowait(None)  # each waiting awaitable then raises TimeoutError
        todo.clear()

    def on_completion(f):
        if not todo:
            return
        del todo[f]
        finished.put_nowait(f)
        if not todo and timeout_handle is not None:
            timeout_handle.cancel()

    @types.coroutine
    def wait_for_one():
        f = yield from finished.get()
        if f is None:
            raise exceptions.TimeoutError
        return f.result()

    for f in todo:
        f.add_done_callback(on_completion)
    if todo and timeout is not None:
        timeout_handle = loop.call_later(timeout, on_timeout)
    for _ in range(len(todo)):
        yield wait_for_one()
