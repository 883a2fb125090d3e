// Python threads in the browser on the cross-origin isolated page: real pthreads (Web
// Workers sharing the wasm memory) under the GIL. Pages that are not isolated run them
// as green threads: green-threads.test.mjs.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { courseLab, runAndStop, runProgram, usePlayground, waitForState, waitForTerminal } from './harness.mjs';

const COUNTER = `import threading
import queue

counter = 0
lock = threading.Lock()

def add(n):
    global counter
    for _ in range(n):
        with lock:
            counter += 1

threads = [threading.Thread(target=add, args=(2000,)) for _ in range(4)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print("counter", counter)

jobs = queue.Queue()
results = queue.Queue()
def worker():
    while (item := jobs.get()) is not None:
        results.put(item * item)
workers = [threading.Thread(target=worker) for _ in range(3)]
for w in workers:
    w.start()
for i in range(10):
    jobs.put(i)
for _ in workers:
    jobs.put(None)
for w in workers:
    w.join()
print("squares", sorted(results.get() for _ in range(10)))
print("alive", threading.active_count())
`;

// Two threads taking two locks in opposite order: a real deadlock, which Stop must end.
const DEADLOCK = `import threading, time
a, b = threading.Lock(), threading.Lock()
def one():
    with a:
        time.sleep(0.05)
        with b:
            pass
def two():
    with b:
        time.sleep(0.05)
        with a:
            pass
t1, t2 = threading.Thread(target=one), threading.Thread(target=two)
t1.start(); t2.start()
t1.join(); t2.join()
`;

describe('threads on the isolated page (threaded build)', { timeout: 60_000 }, () => {
  const ctx = usePlayground({ isolation: true });

  test('threads, locks and queues give exact results', async () => {
    const text = await runProgram(ctx.page, COUNTER);
    assert.deepEqual(text.split('\n'), [
      'counter 8000', 'squares [0, 1, 4, 9, 16, 25, 36, 49, 64, 81]', 'alive 1',
    ]);
  });

  test('twenty threads sleeping at once (the I/O-bound lab) overlap their sleeps', async () => {
    const text = await runProgram(ctx.page, `import threading, time
t0 = time.perf_counter()
threads = [threading.Thread(target=time.sleep, args=(0.3,)) for _ in range(20)]
for t in threads:
    t.start()
print("alive", threading.active_count())
for t in threads:
    t.join()
print("overlapped", time.perf_counter() - t0 < 20 * 0.3 / 4)
`);
    assert.deepEqual(text.split('\n'), ['alive 21', 'overlapped True']);
  });

  test('a course lab with a thread pool prints what CPython prints', async () => {
    const lab = courseLab('m6_thread_pool_executor');
    if (!lab) return;
    const text = await runProgram(ctx.page, lab.source);
    // The terminal wraps long lines into rows: compare the text without line breaks.
    const unwrapped = (s) => s.replace(/\n/g, '');
    assert.equal(unwrapped(text), unwrapped(lab.expected));
  });

  test('a process pool runs its workers in isolated interpreters on pthreads', async () => {
    const text = await runProgram(ctx.page, `from concurrent.futures import ProcessPoolExecutor
import multiprocessing as mp
def square(x):
    return x * x
if __name__ == "__main__":
    with ProcessPoolExecutor(2) as ex:
        print(list(ex.map(square, range(8))))
    with mp.Pool(2) as pool:
        print(pool.map(square, [1, 2, 3]), mp.current_process().name)
`);
    assert.deepEqual(text.split('\n'), ['[0, 1, 4, 9, 16, 25, 36, 49]', '[1, 4, 9] MainProcess']);
  });

  test('a deadlock is reported after a second: who waits where, for which lock, held by whom', async () => {
    await waitForState(ctx.page, 'ready');
    await ctx.page.evaluate((source) => window.__terrarium.setSource(source), DEADLOCK);
    await ctx.page.click('#run');
    const text = (await waitForTerminal(ctx.page, ['held by'], 5000)).replace(/\n/g, '');
    assert.match(text, /Deadlock: every thread is waiting/);
    assert.match(text, /Thread-\d+ \(one\) waits in one\(\) at main\.py:6 for <_thread\.lock object at 0x[0-9a-f]+>, held by Thread-\d+ \(two\)/);
    assert.match(text, /MainThread waits in _wait_for_tstate_lock\(\)/);
    assert.equal(await ctx.page.evaluate(() => window.__terrarium.state()), 'running');  // it hangs, as CPython would
    await ctx.page.click('#stop');
    await waitForTerminal(ctx.page, ['KeyboardInterrupt']);
    await waitForState(ctx.page, 'ready');
  });

  test('Stop ends two deadlocked threads and the VM keeps working', async () => {
    const latency = await runAndStop(ctx.page, DEADLOCK);
    assert.ok(latency !== null && latency < 1000, `stop took ${latency} ms`);
    await waitForTerminal(ctx.page, ['KeyboardInterrupt']);
    const text = await runProgram(ctx.page, 'import threading\nprint("threads left", threading.active_count())');
    assert.match(text, /threads left 1/);
  });
});
