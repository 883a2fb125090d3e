# Callback handles and the loop's exception handler: Handle/TimerHandle reprs (callback
# with its arguments), cancelled handles, a Future's callback list in its repr, and a
# failing callback handed to the exception handler while the loop goes on. Callbacks
# are builtins so that no file path appears in the output.
import asyncio
import types

seen = []


@types.coroutine
def main():
    loop = asyncio.get_running_loop()
    h = loop.call_soon(seen.append, "soon")
    t = loop.call_at(12.5, seen.append, ["at"])
    print(h)
    print(t)
    t.cancel()
    print(t, t.cancelled(), t.when())
    fut = loop.create_future()
    for _ in range(4):
        fut.add_done_callback(seen.append)
    print(fut)
    fut.cancel()
    print(fut)

    reports = []
    loop.set_exception_handler(lambda lp, ctx: reports.append((ctx["message"], repr(ctx["exception"]))))
    print("handler installed:", loop.get_exception_handler() is not None)
    loop.call_soon(int, "not a number")
    loop.call_soon(seen.append, "after the failure")
    yield from asyncio.sleep(0)
    print("reports:", reports)
    print("seen:", seen[:2], len(seen))
    try:
        loop.set_exception_handler(42)
    except TypeError as exc:
        print("TypeError:", exc)
    loop.set_exception_handler(None)
    try:
        loop.call_later(None, print)
    except TypeError as exc:
        print("TypeError:", exc)
    try:
        loop.run_until_complete(fut)
    except RuntimeError as exc:
        print("RuntimeError:", exc)
    print("running:", loop.is_running(), "| closed:", loop.is_closed())


asyncio.run(main())
