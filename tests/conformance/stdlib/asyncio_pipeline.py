# asyncio Queue pipeline (course module 2) with generator-based coroutines: bounded
# queues, sentinels, task_done()/join(), cancelling idle workers, gather with
# return_exceptions, the *_nowait forms, PriorityQueue and LifoQueue. Only sleep(0) is
# used, so the log order is fixed by the loop's FIFO ready queue.
import asyncio
import types

log = []
STOP = object()


@types.coroutine
def producer(out_q, lines):
    for n, line in enumerate(lines):
        yield from out_q.put((n, line))
        log.append(f"produce {n} (qsize={out_q.qsize()})")
    yield from out_q.put(STOP)
    log.append("produce STOP")


@types.coroutine
def parser(in_q, out_q):
    while True:
        item = yield from in_q.get()
        if item is STOP:
            in_q.task_done()
            log.append("parser saw STOP")
            return "parser done"
        n, line = item
        key, _, value = line.partition("=")
        yield from out_q.put((n, key.strip(), value.strip()))
        log.append(f"parse {n} -> {key.strip()}")
        in_q.task_done()


@types.coroutine
def consumer(name, in_q, sink):
    try:
        while True:
            n, key, value = yield from in_q.get()
            yield from asyncio.sleep(0)
            sink[key] = value.upper() if value else None
            log.append(f"{name} stored {key}")
            in_q.task_done()
    except asyncio.CancelledError:
        log.append(f"{name} cancelled")
        raise


@types.coroutine
def main():
    lines = ["host = example", "port = 8080", "debug=", "user = ada", "mode = fast"]
    raw_q = asyncio.Queue(maxsize=2)
    parsed_q = asyncio.Queue(maxsize=1)
    sink = {}
    consumers = [asyncio.create_task(consumer(f"c{i}", parsed_q, sink), name=f"c{i}") for i in range(2)]
    parse_task = asyncio.create_task(parser(raw_q, parsed_q))
    yield from producer(raw_q, lines)
    print("parser result:", (yield from parse_task))
    yield from raw_q.join()
    yield from parsed_q.join()
    print("queues drained:", raw_q.empty(), parsed_q.empty())
    for t in consumers:
        t.cancel()
    outcomes = yield from asyncio.gather(*consumers, return_exceptions=True)
    print("consumer outcomes:", [type(o).__name__ for o in outcomes])
    print("cancelled flags:", [t.cancelled() for t in consumers], [t.get_name() for t in consumers])
    print("sink:", sink)

    q = asyncio.Queue(maxsize=1)
    q.put_nowait("only")
    print("full:", q.full(), "maxsize:", q.maxsize)
    for action in (lambda: q.put_nowait("more"), q.get_nowait, q.get_nowait):
        try:
            print("nowait ->", action())
        except (asyncio.QueueFull, asyncio.QueueEmpty) as exc:
            print("nowait ->", type(exc).__name__)
    try:
        q.task_done()
        q.task_done()
    except ValueError as exc:
        print(type(exc).__name__, exc)

    pq = asyncio.PriorityQueue()
    for item in [(3, "low"), (1, "urgent"), (2, "normal"), (1, "also urgent")]:
        pq.put_nowait(item)
    print("priority order:", [pq.get_nowait()[1] for _ in range(pq.qsize())])
    lq = asyncio.LifoQueue()
    for i in range(3):
        lq.put_nowait(i)
    print("lifo order:", [lq.get_nowait() for _ in range(3)])
    print("str:", str(asyncio.Queue(3)))


asyncio.run(main())
print("event log:")
for entry in log:
    print(" ", entry)
