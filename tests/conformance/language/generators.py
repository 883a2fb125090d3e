def gen(n):
    for i in range(n):
        x = yield i
        if x:
            print("got", x)
    return "done"

g = gen(3)
print(next(g), g.send("hello"), next(g))
try:
    next(g)
except StopIteration as e:
    print("stop", e.value if hasattr(e, "value") else e.args)
print(sum(x * 2 for x in range(5)), list(c for c in "abc"))
def deleg():
    r = yield from gen(2)
    print("delegated result", r)
    yield "last"
print(list(deleg()))
def closer():
    try:
        yield 1
        yield 2
    finally:
        print("closing")
c = closer()
print(next(c))
c.close()
def thrower():
    try:
        yield 1
    except ValueError as e:
        print("caught", e)
        yield 99
t = thrower()
next(t)
print(t.throw(ValueError("boom")))
def bad():
    raise StopIteration
    yield
try:
    list(bad())
except RuntimeError as e:
    print("RuntimeError", e)
for v in closer():
    print("v", v)
    break
print("end")
