# _thread.start_new_thread: arguments, keyword arguments, thread identities, joining
# through locks and _set_sentinel, SystemExit ending a thread quietly, and the report
# of an exception nobody caught ("Exception ignored in thread started by"). The exit
# status at the end makes the runner compare stderr too.
import _thread
import sys

results = []
results_lock = _thread.allocate_lock()


def spawn(f, *args, **kwargs):
    """Starts f in a thread and returns a lock that is free once the thread is gone."""
    started = _thread.allocate_lock()
    started.acquire()
    box = []

    def boot():
        sentinel = _thread._set_sentinel()
        sentinel.acquire()
        box.append(sentinel)
        started.release()
        f(*args, **kwargs)

    _thread.start_new_thread(boot, ())
    started.acquire()
    return box[0]


def join(sentinel):
    sentinel.acquire()
    sentinel.release()


def record(name, value=0, *, scale=1):
    with results_lock:
        results.append((name, value * scale, _thread.get_ident() != main_ident))


main_ident = _thread.get_ident()
threads = [spawn(record, "t%d" % i, i, scale=10) for i in range(5)]
for t in threads:
    join(t)
print(sorted(results))
print("count after join", _thread._count())


def quits():
    record("before exit")
    _thread.exit()
    record("never")


join(spawn(quits))
print(results[-1])


class Boom:
    """Started directly, so the report names it by this repr (no address in it)."""

    def __call__(self):
        sentinel = _thread._set_sentinel()
        sentinel.acquire()
        boxes.append(sentinel)
        started.release()
        raise ValueError("from a thread")

    def __repr__(self):
        return "<Boom>"


boxes = []
started = _thread.allocate_lock()
started.acquire()
_thread.start_new_thread(Boom(), ())
started.acquire()
join(boxes[0])  # the report (on stderr) is written before the sentinel is released
print("main continues")

for args in [(1, ()), (print, []), (print, (), []), (print,)]:
    try:
        _thread.start_new_thread(*args)
    except TypeError as e:
        print("TypeError:", e)
try:
    _thread.start_new_thread(print, (), x=1)
except TypeError as e:
    print("TypeError:", e)
idents = set()


def ident():
    with results_lock:
        idents.add(_thread.get_ident())
        idents.add(_thread.get_native_id() > 0)


join(spawn(ident))
print(len(idents), main_ident not in idents)
sys.exit(3)
