# threading.Thread: names, states and reprs, start/join errors, daemon flags, the thread
# registry, subclasses, Timer and a replaced excepthook.
import sys
import threading


def shown(thread):
    # The ident at the end of the repr differs from run to run.
    text = repr(thread)
    head, _, last = text.rpartition(" ")
    return head + " IDENT)>" if last[:-2].isdigit() else text


def work(results, n):
    results.append(n * n)


results = []
t = threading.Thread(target=work, args=(results, 7))
print(shown(t), t.name, t.ident, t.native_id, t.daemon, t.is_alive())
t.start()
t.join()
print(shown(t), results, t.is_alive(), type(t.ident).__name__, type(t.native_id).__name__)
print(threading.Thread(target=lambda: None).name, threading.Thread(name=42).name,
      threading.Thread(target=print, name="custom").name)

for label, action in [("start twice", t.start),
                      ("join self", threading.current_thread().join),
                      ("join unstarted", threading.Thread().join)]:
    try:
        action()
    except RuntimeError as exc:
        print(label, "->", exc)

print("-- daemon flag")
release = threading.Event()
d = threading.Thread(target=release.wait, daemon=True)
print(d.daemon, shown(d))
d.start()
print(shown(d).replace("started daemon", "STARTED daemon"))
try:
    d.daemon = False
except RuntimeError as exc:
    print(exc)
print("alive:", d.is_alive(), "| in enumerate:", d in threading.enumerate(),
      "| active_count:", threading.active_count())
release.set()
d.join()
print("after join:", d.is_alive(), "| active_count:", threading.active_count(),
      "| enumerate:", [x.name for x in threading.enumerate()])

print("-- current and main thread")
seen = {}


def who():
    me = threading.current_thread()
    seen["name"] = me.name
    seen["is main"] = me is threading.main_thread()
    seen["ident matches"] = me.ident == threading.get_ident()
    seen["native"] = me.native_id == threading.get_native_id()


w = threading.Thread(target=who, name="who")
w.start()
w.join()
print(seen)
main = threading.main_thread()
print(main.name, shown(main), main.daemon, main is threading.current_thread())


class Counter(threading.Thread):
    def __init__(self, limit):
        super().__init__(name=f"counter-{limit}")
        self.limit = limit
        self.total = 0

    def run(self):
        for i in range(self.limit):
            self.total += i


counters = [Counter(n) for n in (10, 100, 1000)]
for c in counters:
    c.start()
for c in counters:
    c.join()
print([(c.name, c.total) for c in counters])

print("-- Timer")
fired = []
timer = threading.Timer(0.01, fired.append, args=["fired"])
timer.start()
timer.join()
cancelled = threading.Timer(30, fired.append, args=["never"])
cancelled.start()
cancelled.cancel()
cancelled.join()
print(fired, cancelled.finished.is_set(), isinstance(timer, threading.Thread))

print("-- excepthook")
reports = []


def hook(args):
    reports.append((type(args).__name__, args.exc_type.__name__, str(args.exc_value),
                    args.exc_traceback is not None, args.thread.name))


print(threading.excepthook is threading.__excepthook__)
threading.excepthook = hook


def fail(kind):
    raise kind("broken on purpose")


for kind in (KeyError, ValueError):
    f = threading.Thread(target=fail, args=(kind,), name=f"fail-{kind.__name__}")
    f.start()
    f.join()
s = threading.Thread(target=lambda: sys.exit(3), name="exits")
s.start()
s.join()
print(reports)
threading.excepthook = threading.__excepthook__
print(threading.TIMEOUT_MAX > 0, threading.ThreadError.__name__, callable(threading.stack_size))
