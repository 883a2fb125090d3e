# threading's synchronisation objects built from _thread's locks: Condition, Semaphore,
# BoundedSemaphore, Event and Barrier. Threads themselves, their registry and the module
# functions live in threading.py, which re-exports everything here.
# CPython: Lib/threading.py (same classes, same error messages).
import _thread
from collections import deque as _deque
from time import monotonic as _time

__all__ = ['Condition', 'Semaphore', 'BoundedSemaphore', 'Event', 'Barrier', 'BrokenBarrierError']

_allocate_lock = _thread.allocate_lock


def _default_lock():
    return _thread.RLock()


class Condition:
    """A lock plus a queue of waiting threads that notify() wakes in arrival order."""
    __module__ = 'threading'

    def __init__(self, lock=None):
        if lock is None:
            lock = _default_lock()
        self._lock = lock
        self.acquire = lock.acquire
        self.release = lock.release
        # An RLock knows how to let go of every level of recursion and take them back,
        # and who owns it; a plain lock falls back on the methods below.
        for name in ('_release_save', '_acquire_restore', '_is_owned'):
            method = getattr(lock, name, None)
            if method is not None:
                setattr(self, name, method)
        self._waiters = _deque()  # one held lock per waiting thread, released to wake it

    def __enter__(self):
        return self._lock.__enter__()

    def __exit__(self, *args):
        return self._lock.__exit__(*args)

    def __repr__(self):
        return "<Condition(%s, %d)>" % (self._lock, len(self._waiters))

    def _release_save(self):
        self._lock.release()

    def _acquire_restore(self, state):
        self._lock.acquire()

    def _is_owned(self):
        # A plain lock does not record its owner: held by someone is the best answer.
        if self._lock.acquire(False):
            self._lock.release()
            return False
        return True

    def wait(self, timeout=None):
        if not self._is_owned():
            raise RuntimeError("cannot wait on un-acquired lock")
        waiter = _allocate_lock()
        waiter.acquire()
        self._waiters.append(waiter)
        saved = self._release_save()
        woken = False
        try:
            if timeout is None:
                waiter.acquire()
                woken = True
            elif timeout > 0:
                woken = waiter.acquire(True, timeout)
            else:
                woken = waiter.acquire(False)
            return woken
        finally:
            self._acquire_restore(saved)
            if not woken:
                try:
                    self._waiters.remove(waiter)
                except ValueError:
                    pass  # notify() took it off the queue just after the timeout

    def wait_for(self, predicate, timeout=None):
        deadline = None
        waittime = timeout
        result = predicate()
        while not result:
            if waittime is not None:
                if deadline is None:
                    deadline = _time() + waittime
                else:
                    waittime = deadline - _time()
                    if waittime <= 0:
                        break
            self.wait(waittime)
            result = predicate()
        return result

    def notify(self, n=1):
        if not self._is_owned():
            raise RuntimeError("cannot notify on un-acquired lock")
        waiters = self._waiters
        while waiters and n > 0:
            waiter = waiters[0]
            try:
                waiter.release()
            except RuntimeError:
                pass  # its wait timed out meanwhile: wake someone else instead
            else:
                n -= 1
            try:
                waiters.remove(waiter)
            except ValueError:
                pass

    def notify_all(self):
        self.notify(len(self._waiters))

    notifyAll = notify_all  # the pre-3.10 spelling (no DeprecationWarning here)


class Semaphore:
    """A counter that acquire() takes down (waiting at zero) and release() brings up."""
    __module__ = 'threading'

    def __init__(self, value=1):
        if value < 0:
            raise ValueError("semaphore initial value must be >= 0")
        self._cond = Condition(_allocate_lock())
        self._value = value

    def acquire(self, blocking=True, timeout=None):
        if not blocking and timeout is not None:
            raise ValueError("can't specify timeout for non-blocking acquire")
        taken = False
        deadline = None
        with self._cond:
            while self._value == 0:
                if not blocking:
                    break
                if timeout is not None:
                    if deadline is None:
                        deadline = _time() + timeout
                    else:
                        timeout = deadline - _time()
                        if timeout <= 0:
                            break
                self._cond.wait(timeout)
            else:
                self._value -= 1
                taken = True
        return taken

    __enter__ = acquire

    def release(self, n=1):
        if n < 1:
            raise ValueError('n must be one or more')
        with self._cond:
            self._value += n
            for _ in range(n):
                self._cond.notify()

    def __exit__(self, t, v, tb):
        self.release()


class BoundedSemaphore(Semaphore):
    """A Semaphore that refuses to be released above its initial value."""
    __module__ = 'threading'

    def __init__(self, value=1):
        Semaphore.__init__(self, value)
        self._initial_value = value

    def release(self, n=1):
        if n < 1:
            raise ValueError('n must be one or more')
        with self._cond:
            if self._value + n > self._initial_value:
                raise ValueError("Semaphore released too many times")
            self._value += n
            for _ in range(n):
                self._cond.notify()


class Event:
    """A flag that set() raises, clear() lowers and wait() blocks on while it is low."""
    __module__ = 'threading'

    def __init__(self):
        self._cond = Condition(_allocate_lock())
        self._flag = False

    def is_set(self):
        return self._flag

    isSet = is_set  # the pre-3.10 spelling (no DeprecationWarning here)

    def set(self):
        with self._cond:
            self._flag = True
            self._cond.notify_all()

    def clear(self):
        with self._cond:
            self._flag = False

    def wait(self, timeout=None):
        with self._cond:
            signaled = self._flag
            if not signaled:
                signaled = self._cond.wait(timeout)
            return signaled


class BrokenBarrierError(RuntimeError):
    __module__ = 'threading'


# A Barrier's states: threads gather while FILLING; the last one to arrive switches to
# DRAINING, and the barrier refills once every thread has left. RESETTING drains
# the waiters of a reset() with BrokenBarrierError; BROKEN stays until reset().
_FILLING, _DRAINING, _RESETTING, _BROKEN = 0, 1, -1, -2


class Barrier:
    """Lets `parties` threads wait until all of them have arrived, then frees them."""
    __module__ = 'threading'

    def __init__(self, parties, action=None, timeout=None):
        self._cond = Condition(_allocate_lock())
        self._action = action
        self._timeout = timeout
        self._parties = parties
        self._state = _FILLING
        self._count = 0  # threads inside wait()

    def wait(self, timeout=None):
        if timeout is None:
            timeout = self._timeout
        with self._cond:
            self._enter()
            index = self._count
            self._count += 1
            try:
                if index + 1 == self._parties:
                    self._release()
                else:
                    self._wait(timeout)
                return index
            finally:
                self._count -= 1
                self._exit()

    def _enter(self):
        # Threads of the previous round may still be leaving: wait until they have.
        while self._state in (_RESETTING, _DRAINING):
            self._cond.wait()
        if self._state < 0:
            raise BrokenBarrierError

    def _release(self):
        try:
            if self._action:
                self._action()
            self._state = _DRAINING
            self._cond.notify_all()
        except:
            self._break()
            raise

    def _wait(self, timeout):
        if not self._cond.wait_for(lambda: self._state != _FILLING, timeout):
            self._break()
            raise BrokenBarrierError
        if self._state < 0:
            raise BrokenBarrierError

    def _exit(self):
        if self._count == 0 and self._state in (_RESETTING, _DRAINING):
            self._state = _FILLING
            self._cond.notify_all()

    def reset(self):
        with self._cond:
            if self._count > 0:
                if self._state == _FILLING:
                    self._state = _RESETTING
                elif self._state == _BROKEN:
                    self._state = _RESETTING
            else:
                self._state = _FILLING
            self._cond.notify_all()

    def abort(self):
        with self._cond:
            self._break()

    def _break(self):
        self._state = _BROKEN
        self._cond.notify_all()

    @property
    def parties(self):
        return self._parties

    @property
    def n_waiting(self):
        return self._count if self._state == _FILLING else 0

    @property
    def broken(self):
        return self._state == _BROKEN
