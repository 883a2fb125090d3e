# threading: Thread objects over _thread's start_new_thread, the registry of live threads
# (current_thread, enumerate, active_count), excepthook, Timer and the join of
# non-daemon threads at exit (_shutdown, called by the interpreter). Conditions,
# semaphores, events and barriers are in _threading_sync.py and re-exported here.
# CPython: Lib/threading.py (same names, states and messages; no fork or trace hooks;
# the old camelCase aliases work without their DeprecationWarning: no warnings module).
import _thread
import functools
import sys as _sys
from collections import namedtuple as _namedtuple
from itertools import count as _count

from _threading_sync import (Condition, Semaphore, BoundedSemaphore, Event, Barrier,
                             BrokenBarrierError)

__all__ = ['get_ident', 'active_count', 'Condition', 'current_thread', 'enumerate',
           'main_thread', 'TIMEOUT_MAX', 'Event', 'Lock', 'RLock', 'Semaphore',
           'BoundedSemaphore', 'Thread', 'Barrier', 'BrokenBarrierError', 'Timer',
           'ThreadError', 'ExceptHookArgs', 'local', 'stack_size', 'excepthook',
           'get_native_id']

_start_new_thread = _thread.start_new_thread
_allocate_lock = _thread.allocate_lock
_set_sentinel = _thread._set_sentinel
get_ident = _thread.get_ident
get_native_id = _thread.get_native_id
_HAVE_THREAD_NATIVE_ID = True
ThreadError = _thread.error
TIMEOUT_MAX = _thread.TIMEOUT_MAX
stack_size = _thread.stack_size
_report_name = _thread._report_name
local = _thread._local
Lock = _allocate_lock
_CRLock = _thread.RLock


def RLock(*args, **kwargs):
    """A lock its owner may acquire again; it is free once released as often."""
    return _CRLock(*args, **kwargs)


# ---- the registry -----------------------------------------------------------------
# _active maps the ident of every running Thread to it; _limbo holds threads between
# start() and the moment their bootstrap has recorded its ident.
_active_limbo_lock = RLock()
_active = {}
_limbo = {}
# Each non-daemon thread's sentinel lock (released when its thread state is gone):
# _shutdown() acquires them all, which is how the interpreter waits for those threads.
_shutdown_locks_lock = _allocate_lock()
_shutdown_locks = set()

_counter = _count(1).__next__


def _newname(name_template):
    return name_template % _counter()


def _maintain_shutdown_locks():
    # Threads joined by hand leave their released lock behind: drop them so the set
    # does not grow with every short-lived thread.
    finished = [lock for lock in _shutdown_locks if not lock.locked()]
    _shutdown_locks.difference_update(finished)


# ---- excepthook -------------------------------------------------------------------
# CPython's is a struct sequence from _thread, built from one sequence; a named tuple
# of the same name and fields stands in when _thread has none.
try:
    from _thread import _ExceptHookArgs as ExceptHookArgs
except ImportError:
    _ExceptHookArgs = _namedtuple('_ExceptHookArgs', 'exc_type exc_value exc_traceback thread')

    def ExceptHookArgs(args):
        return _ExceptHookArgs(*args)


def excepthook(args, /):
    """Report an exception that ended a thread's run(), as CPython does, on stderr."""
    if args.exc_type == SystemExit:
        return  # a thread ending by sys.exit() is not an error
    if _sys is not None and _sys.stderr is not None:
        stderr = _sys.stderr
    elif args.thread is not None:
        stderr = args.thread._stderr
        if stderr is None:
            return
    else:
        return
    name = args.thread.name if args.thread is not None else get_ident()
    print(f"Exception in thread {name}:", file=stderr, flush=True)
    _sys.__excepthook__(args.exc_type, args.exc_value, args.exc_traceback)
    stderr.flush()


__excepthook__ = excepthook


def _make_invoke_excepthook():
    # Keeps the hooks of the moment the thread was made, for when the module's globals
    # are already gone (a daemon thread failing during interpreter shutdown).
    old_excepthook = excepthook
    old_sys_excepthook = _sys.excepthook
    if old_excepthook is None:
        raise RuntimeError("threading.excepthook is None")
    if old_sys_excepthook is None:
        raise RuntimeError("sys.excepthook is None")
    sys_exc_info = _sys.exc_info
    local_sys = _sys

    def invoke_excepthook(thread):
        args = None
        try:
            hook = excepthook  # looked up now: programs replace threading.excepthook
            if hook is None:
                hook = old_excepthook
            args = ExceptHookArgs([*sys_exc_info(), thread])
            hook(args)
        except Exception as exc:
            exc.__suppress_context__ = True
            del exc
            sys_hook = local_sys.excepthook if local_sys is not None else None
            if sys_hook is None:
                sys_hook = old_sys_excepthook
            sys_hook(*sys_exc_info())
        finally:
            args = None  # no reference cycle through the traceback
    return invoke_excepthook


# ---- Thread -----------------------------------------------------------------------
class Thread:
    """A thread of control: run() executes in a new OS thread once start() is called."""

    _initialized = False

    def __init__(self, group=None, target=None, name=None, args=(), kwargs=None, *, daemon=None):
        assert group is None, "group argument must be None for now"
        if kwargs is None:
            kwargs = {}
        if name:
            name = str(name)
        else:
            name = _newname("Thread-%d")
            if target is not None:
                try:
                    name += f" ({target.__name__})"
                except AttributeError:
                    pass
        self._target = target
        self._name = name
        self._args = args
        self._kwargs = kwargs
        self._daemonic = daemon if daemon is not None else current_thread().daemon
        self._ident = None
        self._native_id = None
        self._tstate_lock = None
        self._started = Event()
        self._is_stopped = False
        self._initialized = True
        self._stderr = _sys.stderr
        self._invoke_excepthook = _make_invoke_excepthook()

    def __repr__(self):
        assert self._initialized, "Thread.__init__() was not called"
        status = "initial"
        if self._started.is_set():
            status = "started"
        self.is_alive()  # notices a finished thread
        if self._is_stopped:
            status = "stopped"
        if self._daemonic:
            status += " daemon"
        if self._ident is not None:
            status += " %s" % self._ident
        return "<%s(%s, %s)>" % (self.__class__.__name__, self._name, status)

    def start(self):
        if not self._initialized:
            raise RuntimeError("thread.__init__() not called")
        if self._started.is_set():
            raise RuntimeError("threads can only be started once")
        with _active_limbo_lock:
            _limbo[self] = self
        try:
            _start_new_thread(self._bootstrap, ())
        except Exception:
            with _active_limbo_lock:
                del _limbo[self]
            raise
        self._started.wait()

    def run(self):
        try:
            if self._target is not None:
                self._target(*self._args, **self._kwargs)
        finally:
            # The thread object may outlive the thread: do not keep its arguments alive.
            del self._target, self._args, self._kwargs

    def _bootstrap(self):
        try:
            self._bootstrap_inner()
        except:
            if self._daemonic and _sys is None:
                return  # a daemon thread woken during interpreter shutdown
            raise

    def _set_ident(self):
        self._ident = get_ident()
        # Terrarium: the threads pane and traces label this thread's lane with its name.
        _report_name(self._ident, self._name)

    def _set_native_id(self):
        self._native_id = get_native_id()

    def _set_tstate_lock(self):
        self._tstate_lock = _set_sentinel()
        self._tstate_lock.acquire()
        if not self.daemon:
            with _shutdown_locks_lock:
                _maintain_shutdown_locks()
                _shutdown_locks.add(self._tstate_lock)

    def _bootstrap_inner(self):
        try:
            self._set_ident()
            self._set_tstate_lock()
            self._set_native_id()
            self._started.set()
            with _active_limbo_lock:
                _active[self._ident] = self
                del _limbo[self]
            try:
                self.run()
            except:
                self._invoke_excepthook(self)
        finally:
            self._delete()

    def _stop(self):
        # Called once the sentinel lock shows the thread state is gone.
        lock = self._tstate_lock
        if lock is not None:
            assert not lock.locked()
        self._is_stopped = True
        self._tstate_lock = None
        if not self.daemon:
            with _shutdown_locks_lock:
                _maintain_shutdown_locks()

    def _delete(self):
        with _active_limbo_lock:
            del _active[get_ident()]

    def join(self, timeout=None):
        if not self._initialized:
            raise RuntimeError("Thread.__init__() not called")
        if not self._started.is_set():
            raise RuntimeError("cannot join thread before it is started")
        if self is current_thread():
            raise RuntimeError("cannot join current thread")
        if timeout is None:
            self._wait_for_tstate_lock()
        else:
            self._wait_for_tstate_lock(timeout=max(timeout, 0))

    def _wait_for_tstate_lock(self, block=True, timeout=-1):
        lock = self._tstate_lock
        if lock is None:
            assert self._is_stopped  # already joined
            return
        try:
            if lock.acquire(block, timeout):
                lock.release()
                self._stop()
        except:
            if lock.locked():
                lock.release()  # interrupted just after taking it
                self._stop()
            raise

    @property
    def name(self):
        assert self._initialized, "Thread.__init__() not called"
        return self._name

    @name.setter
    def name(self, name):
        assert self._initialized, "Thread.__init__() not called"
        self._name = str(name)
        # Only while the thread runs (its sentinel lock held; a dummy thread has none):
        # an ended thread's ident may belong to a new one.
        lock = self._tstate_lock
        if self._started.is_set() and not self._is_stopped and (lock is None or lock.locked()):
            _report_name(self._ident, self._name)

    @property
    def ident(self):
        assert self._initialized, "Thread.__init__() not called"
        return self._ident

    @property
    def native_id(self):
        assert self._initialized, "Thread.__init__() not called"
        return self._native_id

    def is_alive(self):
        assert self._initialized, "Thread.__init__() not called"
        if self._is_stopped or not self._started.is_set():
            return False
        self._wait_for_tstate_lock(False)
        return not self._is_stopped

    @property
    def daemon(self):
        assert self._initialized, "Thread.__init__() not called"
        return self._daemonic

    @daemon.setter
    def daemon(self, daemonic):
        if not self._initialized:
            raise RuntimeError("Thread.__init__() not called")
        if self._started.is_set():
            raise RuntimeError("cannot set daemon status of active thread")
        self._daemonic = daemonic

    # Pre-3.10 spellings, deprecated in CPython.
    def isDaemon(self):
        return self.daemon

    def setDaemon(self, daemonic):
        self.daemon = daemonic

    def getName(self):
        return self.name

    def setName(self, name):
        self.name = name


class Timer(Thread):
    """Calls function(*args, **kwargs) after `interval` seconds unless cancel()led first."""

    def __init__(self, interval, function, args=None, kwargs=None):
        Thread.__init__(self)
        self.interval = interval
        self.function = function
        self.args = args if args is not None else []
        self.kwargs = kwargs if kwargs is not None else {}
        self.finished = Event()

    def cancel(self):
        self.finished.set()

    def run(self):
        self.finished.wait(self.interval)
        if not self.finished.is_set():
            self.function(*self.args, **self.kwargs)
        self.finished.set()


class _MainThread(Thread):
    # The thread that imported threading first stands for the interpreter's main thread.
    def __init__(self):
        Thread.__init__(self, name="MainThread", daemon=False)
        self._set_tstate_lock()
        self._started.set()
        self._set_ident()
        self._set_native_id()
        with _active_limbo_lock:
            _active[self._ident] = self


class _DummyThread(Thread):
    # Stands for a thread started by _thread directly, which threading never saw start:
    # always alive and daemonic, and it cannot be joined.
    def __init__(self):
        Thread.__init__(self, name=_newname("Dummy-%d"), daemon=True)
        self._started.set()
        self._set_ident()
        self._set_native_id()
        with _active_limbo_lock:
            _active[self._ident] = self

    def _stop(self):
        pass

    def is_alive(self):
        assert not self._is_stopped and self._started.is_set()
        return True

    def join(self, timeout=None):
        assert False, "cannot join a dummy thread"


# ---- module functions -------------------------------------------------------------
def current_thread():
    """The Thread object of the caller (a dummy one for threads threading did not start)."""
    try:
        return _active[get_ident()]
    except KeyError:
        return _DummyThread()


def active_count():
    """How many Thread objects are alive (started and not yet finished)."""
    with _active_limbo_lock:
        return len(_active) + len(_limbo)


def enumerate():
    """A list of every Thread object alive: daemonic, dummy and the main thread too."""
    with _active_limbo_lock:
        return list(_active.values()) + list(_limbo.values())


currentThread = current_thread
activeCount = active_count


def main_thread():
    """The main Thread object: the one the interpreter started with."""
    return _main_thread


_main_thread = _MainThread()

# ---- interpreter exit -------------------------------------------------------------
_threading_atexits = []
_SHUTTING_DOWN = False


def _register_atexit(func, *arg, **kwargs):
    # Runs func at _shutdown(), before non-daemon threads are joined (concurrent.futures
    # uses it to let its workers finish their queues).
    if _SHUTTING_DOWN:
        raise RuntimeError("can't register atexit after shutdown")
    _threading_atexits.append(functools.partial(func, *arg, **kwargs))


def _shutdown():
    """Wait for every non-daemon thread to finish (the interpreter calls it at exit)."""
    if _main_thread._is_stopped:
        return  # already called
    global _SHUTTING_DOWN
    _SHUTTING_DOWN = True
    for atexit_call in reversed(_threading_atexits):
        atexit_call()
    if _main_thread.ident == get_ident():
        tlock = _main_thread._tstate_lock
        assert tlock is not None
        assert tlock.locked()
        tlock.release()
        _main_thread._stop()
    # Threads may start others while we wait: repeat until no sentinel is left.
    while True:
        with _shutdown_locks_lock:
            locks = list(_shutdown_locks)
            _shutdown_locks.clear()
        if not locks:
            break
        for lock in locks:
            lock.acquire()
            lock.release()
