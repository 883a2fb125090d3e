# queue: the FIFO, LIFO, priority and simple queues, blocking and timed put/get across
# threads, Full/Empty, task_done()/join() and their errors.
import queue
import threading

print("-- orders")
for cls in (queue.Queue, queue.LifoQueue, queue.PriorityQueue):
    q = cls()
    for item in (3, 1, 2):
        q.put(item)
    print(cls.__name__, q.qsize(), [q.get() for _ in range(3)], q.empty(), q.full())
pq = queue.PriorityQueue()
for item in [(2, "b"), (1, "z"), (1, "a")]:
    pq.put_nowait(item)
print([pq.get_nowait() for _ in range(3)])
print(queue.Queue[int], issubclass(queue.Full, Exception), queue.Empty.__mro__[1].__name__)

print("-- bounded queue")
q = queue.Queue(maxsize=2)
q.put(1)
q.put(2, block=False)
print(q.full(), q.qsize(), q.maxsize)
for label, action in [("put_nowait", lambda: q.put_nowait(3)),
                      ("put timeout", lambda: q.put(3, timeout=0.01)),
                      ("put block=False", lambda: q.put(3, False, 5)),
                      ("put negative timeout", lambda: q.put(3, timeout=-1))]:
    try:
        action()
    except (queue.Full, ValueError) as exc:
        print(label, "->", type(exc).__name__, exc)
print(q.get(), q.get(), q.empty())
for label, action in [("get_nowait", q.get_nowait),
                      ("get timeout", lambda: q.get(timeout=0.01)),
                      ("get negative timeout", lambda: q.get(timeout=-1))]:
    try:
        action()
    except (queue.Empty, ValueError) as exc:
        print(label, "->", type(exc).__name__, exc)

print("-- a blocked producer waits for room")
small = queue.Queue(maxsize=1)
produced = []


def producer():
    for i in range(5):
        small.put(i)
        produced.append(i)
    small.put(None)


p = threading.Thread(target=producer)
p.start()
consumed = []
while (item := small.get()) is not None:
    consumed.append(item)
p.join()
print(consumed, produced)

print("-- task_done and join")
tasks = queue.Queue()
done = []
lock = threading.Lock()


def worker():
    while True:
        item = tasks.get()
        if item is None:
            tasks.task_done()
            return
        with lock:
            done.append(item * 10)
        tasks.task_done()


workers = [threading.Thread(target=worker) for _ in range(3)]
for w in workers:
    w.start()
for i in range(9):
    tasks.put(i)
tasks.join()
print(sorted(done), tasks.unfinished_tasks)
for _ in workers:
    tasks.put(None)
tasks.join()
for w in workers:
    w.join()
try:
    tasks.task_done()
except ValueError as exc:
    print(type(exc).__name__, exc)

print("-- SimpleQueue")
sq = queue.SimpleQueue()
print(sq.empty(), sq.qsize())
sq.put("a")
sq.put_nowait("b")
sq.put("c", block=False, timeout=1)
print(sq.qsize(), sq.get(), sq.get_nowait(), sq.get(False), sq.empty())
for label, action in [("get_nowait", sq.get_nowait), ("get timeout", lambda: sq.get(timeout=0.01)),
                      ("negative timeout", lambda: sq.get(timeout=-1)),
                      ("nonblocking negative", lambda: sq.get(False, -1))]:
    try:
        action()
    except (queue.Empty, ValueError) as exc:
        print(label, "->", type(exc).__name__, exc)
got = []
reader = threading.Thread(target=lambda: got.extend(sq.get() for _ in range(3)))
reader.start()
for word in ("x", "y", "z"):
    sq.put(word)
reader.join()
print(got, queue.SimpleQueue[str])
