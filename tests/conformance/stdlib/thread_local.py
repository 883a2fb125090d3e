# _thread._local: attributes per thread, __init__ run again in each new thread with the
# arguments the local was made with, subclasses, and the errors for bad arguments.
import _thread

done = _thread.allocate_lock()
log = []

data = _thread._local()
data.name = "main"
print(type(data).__name__, data.__dict__)


def in_thread():
    try:
        log.append(data.name)
    except AttributeError as e:
        log.append(str(e))
    data.name = "thread"
    log.append(data.__dict__)
    done.release()


done.acquire()
_thread.start_new_thread(in_thread, ())
done.acquire()
print(log, data.name)


class Counter(_thread._local):
    created = 0

    def __init__(self, start, *, step=1):
        Counter.created += 1
        self.value = start
        self.step = step

    def bump(self):
        self.value += self.step
        return self.value


counter = Counter(10, step=5)
print(counter.bump(), counter.bump())


def bump_in_thread():
    log.append(("thread sees", counter.value, counter.bump()))
    done.release()


_thread.start_new_thread(bump_in_thread, ())
done.acquire()
print(log[-1], counter.value, Counter.created)

try:
    _thread._local(1)
except TypeError as e:
    print("TypeError:", e)
try:
    data.__dict__ = {}
except AttributeError as e:
    print("AttributeError:", e)
del data.name
print(hasattr(data, "name"))
