# The event loop programs see: a thin Python shell over the C++ loop core
# (_asyncio_loop.Loop), which owns the ready queue, the timers, the clock and the
# stepping. This file keeps the API, the running-loop checks and error handling.
# CPython: Lib/asyncio/base_events.py (BaseEventLoop).
import _asyncio_loop
import types

from . import events
from . import futures
from . import tasks

__all__ = ('EventLoop',)


def _run_until_complete_cb(fut):
    if not fut.cancelled():
        exc = fut.exception()
        if isinstance(exc, (SystemExit, KeyboardInterrupt)):
            return  # the loop stops by the exception itself
    futures._get_loop(fut).stop()


class EventLoop:
    def __init__(self):
        self._core = _asyncio_loop.Loop()
        self._observed = self._core.observed
        self._closed = False
        self._running = False
        self._exception_handler = None
        self._task_factory = None
        self._default_executor = None
        self._executor_shutdown_called = False
        # Results other threads still owe this loop through call_soon_threadsafe(), and
        # the Event they set when one arrives (made with the first debt: threading is
        # only imported by programs that use threads).
        self._threads_owed = 0
        self._thread_wakeup = None

    def __repr__(self):
        return (f'<{type(self).__name__} running={self.is_running()} '
                f'closed={self.is_closed()} debug=False>')

    # ---- scheduling ---------------------------------------------------------------
    def call_soon(self, callback, *args, context=None):
        self._check_closed()
        handle = events.Handle(callback, args, self)
        self._core.call_soon(handle)
        return handle

    def call_soon_threadsafe(self, callback, *args, context=None):
        self._check_closed()
        handle = events.Handle(callback, args, self)
        # The GIL makes this call one step for the C++ core, whichever thread makes it;
        # wake() ends the core's wait for a timer, the Event a wait with none.
        self._core.call_soon(handle)
        self._core.wake()
        wakeup = self._thread_wakeup
        if wakeup is not None:
            wakeup.set()
        return handle

    def _owe_thread_call(self):
        if self._thread_wakeup is None:
            import threading
            self._thread_wakeup = threading.Event()
        self._threads_owed += 1

    def _thread_call_arrived(self):
        self._threads_owed -= 1

    def call_later(self, delay, callback, *args, context=None):
        if delay is None:
            raise TypeError('delay must not be None')
        return self.call_at(self.time() + delay, callback, *args, context=context)

    def call_at(self, when, callback, *args, context=None):
        if when is None:
            raise TypeError('when cannot be None')
        self._check_closed()
        timer = events.TimerHandle(when, callback, args, self)
        self._core.call_at(when, timer)
        return timer

    def time(self):
        return self._core.time()

    def create_future(self):
        return futures.Future(loop=self)

    def create_task(self, coro, *, name=None, context=None):
        self._check_closed()
        if self._task_factory is None:
            task = tasks.Task(coro, loop=self, name=name)
        else:
            task = self._task_factory(self, coro)
            tasks._set_task_name(task, name)
        return task

    def set_task_factory(self, factory):
        if factory is not None and not callable(factory):
            raise TypeError('task factory must be a callable or None')
        self._task_factory = factory

    def get_task_factory(self):
        return self._task_factory

    # ---- running ------------------------------------------------------------------
    def run_forever(self):
        self._check_closed()
        self._check_running()
        self._running = True
        events._set_running_loop(self)
        try:
            # Also returns when nothing is left to run or wait for, where CPython would
            # block for ever; run_until_complete() then reports the unfinished future.
            while not self._core.run_until_stopped() and self._threads_owed:
                # Nothing to run, but a thread will call back: CPython's loop would block
                # in its selector, ours waits for call_soon_threadsafe() to wake it.
                self._thread_wakeup.wait()
                self._thread_wakeup.clear()
        finally:
            self._running = False
            events._set_running_loop(None)

    def run_until_complete(self, future):
        self._check_closed()
        self._check_running()
        new_task = not futures.isfuture(future)
        future = tasks.ensure_future(future, loop=self)
        future.add_done_callback(_run_until_complete_cb)
        try:
            self.run_forever()
        except BaseException:
            if new_task and future.done() and not future.cancelled():
                future.exception()  # it is reported by the exception already
            raise
        finally:
            future.remove_done_callback(_run_until_complete_cb)
        if not future.done():
            raise RuntimeError('Event loop stopped before Future completed.')
        return future.result()

    def stop(self):
        self._core.stop()

    def is_running(self):
        return self._running

    def is_closed(self):
        return self._closed

    def close(self):
        if self._running:
            raise RuntimeError('Cannot close a running event loop')
        if self._closed:
            return
        self._closed = True
        self._core.clear()
        executor = self._default_executor
        if executor is not None:
            self._default_executor = None
            executor.shutdown(wait=False)

    def _check_closed(self):
        if self._closed:
            raise RuntimeError('Event loop is closed')

    def _check_running(self):
        if self._running:
            raise RuntimeError('This event loop is already running')
        if events._get_running_loop() is not None:
            raise RuntimeError('Cannot run the event loop while another loop is running')

    def get_debug(self):
        return False

    def set_debug(self, enabled):
        pass

    # Coroutines that finish at once, as CPython's do with no async generators and no
    # executor: asyncio.run() still awaits each, which costs the loop two passes.
    @types.coroutine
    def shutdown_asyncgens(self):
        return
        yield

    @types.coroutine
    def shutdown_default_executor(self):
        """Shut the default executor down from a helper thread, so the loop keeps
        running while the executor's workers finish."""
        self._executor_shutdown_called = True
        if self._default_executor is None:
            return
        import threading
        future = self.create_future()
        self._owe_thread_call()
        thread = threading.Thread(target=self._do_shutdown, args=(future,))
        thread.start()
        try:
            yield from future
        finally:
            thread.join()

    def _do_shutdown(self, future):
        try:
            self._default_executor.shutdown(wait=True)
            if not self.is_closed():
                self.call_soon_threadsafe(self._shutdown_done, future, None)
        except Exception as ex:
            if not self.is_closed():
                self.call_soon_threadsafe(self._shutdown_done, future, ex)

    def _shutdown_done(self, future, exc):
        self._thread_call_arrived()
        if exc is None:
            future.set_result(None)
        else:
            future.set_exception(exc)

    # ---- threads ------------------------------------------------------------------
    def run_in_executor(self, executor, func, *args):
        """Run func(*args) in `executor` (a lazily made ThreadPoolExecutor when None)
        and return an asyncio Future for its result."""
        self._check_closed()
        if executor is None:
            executor = self._default_executor
            if self._executor_shutdown_called:
                raise RuntimeError('Executor shutdown has been called')
            if executor is None:
                import concurrent.futures
                executor = concurrent.futures.ThreadPoolExecutor(thread_name_prefix='asyncio')
                self._default_executor = executor
        return futures.wrap_future(executor.submit(func, *args), loop=self)

    def set_default_executor(self, executor):
        import concurrent.futures
        if not isinstance(executor, concurrent.futures.ThreadPoolExecutor):
            raise TypeError('executor must be ThreadPoolExecutor')
        self._default_executor = executor

    # ---- errors -------------------------------------------------------------------
    def set_exception_handler(self, handler):
        if handler is not None and not callable(handler):
            raise TypeError(f'A callable object or None is expected, got {handler!r}')
        self._exception_handler = handler

    def get_exception_handler(self):
        return self._exception_handler

    def default_exception_handler(self, context):
        events._default_exception_handler(context)

    def call_exception_handler(self, context):
        if self._exception_handler is None:
            events._default_exception_handler(context)
        else:
            self._exception_handler(self, context)

    # The host's view (modules/asyncio_loop_events.hpp): Terrarium only.
    def _emit(self, kind, subject, detail=''):
        self._core.emit(kind, subject, detail)

    def set_virtual_clock(self, enabled):
        """Terrarium: run timers on a simulated clock that jumps instead of sleeping."""
        self._core.set_virtual_clock(enabled)
