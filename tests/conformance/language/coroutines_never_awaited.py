# A coroutine freed before it ever ran prints CPython's RuntimeWarning to stderr, once
# per location (the warnings module's default action); closed or awaited ones do not.
# Also: which comprehensions may be asynchronous, checked at compile time.


async def job(n):
    return n


def forget():
    job(1)


forget()
forget()  # the same location: no second warning
for i in range(3):
    job(i)
c = job(2)
c.close()  # closing counts as finishing it
c = job(3)
try:
    c.send(None)
except StopIteration as stop:
    print("awaited by hand:", stop.value)
del c
print("after the warnings")

for source in (
    "[x async for x in y]",
    "def f():\n    return [x async for x in y]",
    "def f():\n    return (x async for x in y)",
    "async def f():\n    return [x async for x in y]",
    "async def f():\n    return [await x for x in y]",
    "def f():\n    return [await x for x in y]",
    "async def f():\n    return [[z async for z in x] for x in y]",
    "def f():\n    await g()",
    "async def f():\n    def g():\n        await h()",
):
    try:
        compile(source, "<test>", "exec")
        print("ok:", source.replace("\n", " | "))
    except SyntaxError as exc:
        print("SyntaxError:", exc.msg, "| line", exc.lineno)
