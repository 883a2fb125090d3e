# _thread locks: acquire/release, timeouts, context managers, RLock recursion and the
# methods threading.Condition uses, with CPython's error texts.
import _thread


def attempt(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)


lock = _thread.allocate_lock()
print(type(lock).__name__, type(lock) is _thread.LockType, _thread.error is RuntimeError)
print(lock.locked(), lock.acquire(), lock.locked(), lock.acquire(False), lock.acquire(timeout=0.01))
lock.release()
attempt("release unlocked", lock.release)
attempt("non-blocking with timeout", lambda: lock.acquire(False, 1))
attempt("negative timeout", lambda: lock.acquire(timeout=-2))
attempt("timeout type", lambda: lock.acquire(timeout="soon"))
attempt("too many", lambda: lock.acquire(1, 2, 3))
attempt("bad keyword", lambda: lock.acquire(wait=1))
attempt("release args", lambda: lock.release(1))
attempt("new lock", _thread.LockType)
with lock:
    print("inside", lock.locked())
print("after", lock.locked())
print(repr(lock).startswith("<unlocked _thread.lock object at 0x"))
print(lock.acquire_lock(), lock.locked_lock(), lock.release_lock(), lock.locked())

r = _thread.RLock()
print(r.acquire(), r.acquire(), r._recursion_count(), r._is_owned())
state = r._release_save()
print(state[0], state[1] == _thread.get_ident(), r._is_owned(), r._recursion_count())
r._acquire_restore(state)
print(r._recursion_count())
r.release()
r.release()
attempt("rlock release", r.release)
attempt("rlock save", r._release_save)
attempt("rlock restore", lambda: r._acquire_restore(1))
attempt("rlock non-blocking timeout", lambda: r.acquire(False, 1))
with r:
    with r:
        print("nested", r._recursion_count())
print(repr(r).startswith("<unlocked _thread.RLock object owner=0 count=0 at 0x"))


class MyRLock(_thread.RLock):
    pass


print(MyRLock().acquire(blocking=False), _thread.TIMEOUT_MAX > 1e9)
