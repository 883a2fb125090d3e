# threading's synchronisation objects: Lock, RLock, Condition, Semaphore,
# BoundedSemaphore, Event, Barrier and local, with their error messages.
import threading


def run_all(threads):
    for t in threads:
        t.start()
    for t in threads:
        t.join()


print("-- Lock")
lock = threading.Lock()
print(lock.acquire(), lock.locked(), lock.acquire(False), lock.acquire(True, 0.01))
lock.release()
print(lock.locked())
for action in (lock.release, lambda: lock.acquire(False, 1), lambda: lock.acquire(timeout=-5)):
    try:
        action()
    except (RuntimeError, ValueError) as exc:
        print(type(exc).__name__, exc)
with lock:
    print("inside with:", lock.locked())
print("after with:", lock.locked())

print("-- RLock")
rlock = threading.RLock()
print(rlock.acquire(), rlock.acquire(), rlock.acquire(blocking=False))
for _ in range(3):
    rlock.release()
try:
    rlock.release()
except RuntimeError as exc:
    print(type(exc).__name__, exc)
other = []
rlock.acquire()
t = threading.Thread(target=lambda: other.append(rlock.acquire(blocking=False)))
t.start()
t.join()
rlock.release()
print("another thread could take it:", other)

print("-- Condition")
cond = threading.Condition()
for action in (cond.notify, cond.notify_all, cond.wait):
    try:
        action()
    except RuntimeError as exc:
        print(type(exc).__name__, exc)
with cond:
    print("wait timeout:", cond.wait(0.01), "| wait_for timeout:", cond.wait_for(lambda: False, 0.01))
items = []


def consumer():
    with cond:
        cond.wait_for(lambda: len(items) == 3)
        items.append("consumed")


c = threading.Thread(target=consumer)
c.start()
for i in range(3):
    with cond:
        items.append(i)
        cond.notify()
c.join()
print(items)
plain = threading.Condition(threading.Lock())
with plain:
    print("plain lock condition:", plain.wait(0))

print("-- Semaphore and BoundedSemaphore")
sem = threading.Semaphore(2)
print(sem.acquire(), sem.acquire(), sem.acquire(blocking=False), sem.acquire(timeout=0.01))
sem.release(2)
print(sem.acquire(False), sem.acquire(False))
for action in (lambda: threading.Semaphore(-1), lambda: sem.acquire(False, 1), lambda: sem.release(0)):
    try:
        action()
    except ValueError as exc:
        print(type(exc).__name__, exc)
bounded = threading.BoundedSemaphore(1)
with bounded:
    print("inside bounded:", bounded.acquire(False))
try:
    bounded.release()
except ValueError as exc:
    print(type(exc).__name__, exc)

print("-- Event")
ev = threading.Event()
print(ev.is_set(), ev.wait(0), ev.wait(0.01))
waiters = []
ts = [threading.Thread(target=lambda i=i: waiters.append((i, ev.wait()))) for i in range(3)]
for t in ts:
    t.start()
ev.set()
for t in ts:
    t.join()
print(sorted(waiters), ev.wait(), ev.is_set())
ev.clear()
print(ev.is_set())

print("-- Barrier")
actions = []
barrier = threading.Barrier(3, action=lambda: actions.append("all arrived"))
print(barrier.parties, barrier.n_waiting, barrier.broken)
indexes = []
run_all([threading.Thread(target=lambda: indexes.append(barrier.wait())) for _ in range(3)])
run_all([threading.Thread(target=lambda: indexes.append(barrier.wait())) for _ in range(3)])
print(sorted(indexes), actions)
lonely = threading.Barrier(2)
try:
    lonely.wait(timeout=0.01)
except threading.BrokenBarrierError as exc:
    print(type(exc).__name__, repr(exc), lonely.broken, issubclass(threading.BrokenBarrierError, RuntimeError))
try:
    lonely.wait()
except threading.BrokenBarrierError:
    print("broken stays broken")
lonely.reset()
print("after reset:", lonely.broken)
aborted = threading.Barrier(2)
outcome = []


def waiter():
    try:
        aborted.wait()
    except threading.BrokenBarrierError:
        outcome.append("woken by abort")


w = threading.Thread(target=waiter)
w.start()
while aborted.n_waiting == 0:
    pass
aborted.abort()
w.join()
print(outcome, aborted.broken)

print("-- local")
data = threading.local()
data.value = "main"
seen = []


def show(name):
    seen.append((name, "has value" if hasattr(data, "value") else "empty"))
    data.value = name
    seen.append((name, data.value))


run_all([threading.Thread(target=show, args=(f"t{i}",)) for i in range(3)])
print(sorted(seen), data.value)


class Defaults(threading.local):
    def __init__(self, start):
        self.count = start


counts = Defaults(10)
got = []


def bump():
    counts.count += 1
    got.append(counts.count)


run_all([threading.Thread(target=bump) for _ in range(2)])
print(got, counts.count)
