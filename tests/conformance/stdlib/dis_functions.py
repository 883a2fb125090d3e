# dis.dis on functions, methods, classes, source strings and code objects, with file=,
# depth= and show_caches=. Output goes to a sink whose text has code-object addresses
# masked ("at 0x..." differs from run to run) and this file's path shortened.
import dis


class Sink:
    def __init__(self):
        self.parts = []

    def write(self, text):
        self.parts.append(text)

    def text(self):
        out = "".join(self.parts)
        pieces = out.split(" at 0x")
        for i in range(1, len(pieces)):
            pieces[i] = "?" + pieces[i][pieces[i].index(","):]
        return " at 0x".join(pieces).replace(Sink.text.__code__.co_filename, "<this file>")


def show(x, **kwargs):
    sink = Sink()
    dis.dis(x, file=sink, **kwargs)
    print(sink.text(), end="")
    print("=" * 40)


def add(a, b=1):
    return a + b


def loops(items):
    total = 0
    for i, item in enumerate(items):
        if item is None or i > 10:
            continue
        while total < 100 and item:
            total += item
            break
    return total


def handlers(path):
    try:
        value = int(path)
    except (ValueError, TypeError) as exc:
        print("bad", exc)
        value = -1
    except Exception:
        raise
    else:
        value += 1
    finally:
        print("done")
    with open(path) as f:
        pass
    return value


def strings(name, width):
    return f"{name!r:>{width}} {name!s} {name!a} {width:03d}" + "%s" % name


def calls(obj, *args, **kwargs):
    obj.method(1, key=2)
    print(*args, sep="-", **kwargs)
    return [x for x in args if x], {k: v for k, v in kwargs.items()}, lambda: obj


def closures(x):
    def inner(y):
        nonlocal x
        x += y
        return x
    return inner


def generator(n):
    received = yield n
    yield from range(received or 0)


def unpacking(seq):
    a, *rest, b = seq
    (c, d), e = seq[:2], seq[-1]
    del a
    return rest[::2], seq[1:b], c, d, e


def matching(command):
    match command:
        case [x, y, *_]:
            return x + y
        case {"key": value, **others}:
            return value
        case str() | bytes() as raw if raw:
            return raw
        case _:
            return None


class Shape:
    sides = 0

    def __init__(self, name):
        self.name = name

    @classmethod
    def make(cls):
        return cls("shape")

    @staticmethod
    def describe():
        return "shape"

    @property
    def label(self):
        return self.name.upper()


for target in (add, loops, handlers, strings, calls, closures, generator, unpacking, matching):
    show(target)
show(Shape)
show(Shape("s").make)
show(Shape.__init__)
show(add.__code__)
show(closures, depth=0)
show(calls, depth=1)
show(add, show_caches=True)
show(add, adaptive=True)
show("x = 1\ny = x * 2")
show("a + b")
show(generator(3))
try:
    dis.dis(42)
except TypeError as exc:
    print("TypeError:", exc)
try:
    dis.code_info(3.5)
except TypeError as exc:
    print("TypeError:", exc)
