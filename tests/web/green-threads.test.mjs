// Python threads on a page that is not cross-origin isolated (no SharedArrayBuffer, so
// no pthreads): the worker loads the green-thread module (wasm/green) for programs that
// use threads, and runs them as fibers switched at the GIL's points by a seeded
// scheduler — the same output as CPython, the same interleaving for the same seed, a
// report when every thread waits for ever, and Stop still ends the run.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  courseLab, openPlayground, runAndStop, runProgram, saveArtifact, usePlayground, waitForState, waitForTerminal,
} from './harness.mjs';

// Two threads append in turns; which one ran when shows in the signature it prints.
const RACE = `import threading
log = []
def step(name):
    log.append(name)
def work(name):
    for _ in range(20000):
        step(name)
threads = [threading.Thread(target=work, args=(n,)) for n in "ab"]
for t in threads:
    t.start()
for t in threads:
    t.join()
turns = [i for i in range(1, len(log)) if log[i] != log[i - 1]]
print("turns", len(turns), "at", turns[:6])
`;

const DEADLOCK = `import threading, time
a = threading.Lock()
b = threading.Lock()
def one():
    with a:
        time.sleep(0.01)
        with b:
            pass
def two():
    with b:
        time.sleep(0.01)
        with a:
            pass
t1 = threading.Thread(target=one, name="first")
t2 = threading.Thread(target=two, name="second")
t1.start(); t2.start()
t1.join(); t2.join()
`;

const unwrapped = (s) => s.replace(/\n/g, '');

describe('threads on a page that is not isolated (green threads)', { timeout: 60_000 }, () => {
  const ctx = usePlayground({ isolation: false });

  test('a course lab with a thread pool prints what CPython prints', async () => {
    assert.equal(await ctx.page.evaluate(() => crossOriginIsolated), false);
    await waitForState(ctx.page, 'ready');
    assert.equal(await ctx.page.evaluate(() => window.__terrarium.build()), 'single-threaded');
    for (const name of ['m6_thread_pool_executor', 'm6_queue_workers', 'm6_threading_primitives']) {
      const lab = courseLab(name);
      if (!lab) return;
      const text = await runProgram(ctx.page, lab.source);
      assert.equal(unwrapped(text), unwrapped(lab.expected), name);
    }
  });

  test('the same seed replays the same interleaving; another seed gives another', async () => {
    const runWithSeed = async (seed) => {
      await openPlayground(ctx.page, `${ctx.server.url}#seed=${seed}`);
      const text = await runProgram(ctx.page, RACE);
      assert.match(text, /^turns \d+ at \[/);
      return text;
    };
    const first = await runWithSeed(3);
    assert.ok(Number(first.split(' ')[1]) > 3, `the threads hardly took turns: ${first}`);
    assert.equal(await runWithSeed(3), first);
    // A share link keeps the seed: opened again, the race runs as it was shared.
    await ctx.page.click('#share');
    await ctx.page.waitForFunction(() => location.hash.startsWith('#s=') && location.hash.endsWith('&seed=3'));
    const link = await ctx.page.evaluate(() => location.href);
    await openPlayground(ctx.page, link);
    assert.equal(await runProgram(ctx.page, RACE), first);
    const others = [];
    for (const seed of [4, 5, 6]) others.push(await runWithSeed(seed));
    assert.ok(others.some((t) => t !== first), `every seed gave ${first}`);
    await saveArtifact(ctx.page, 'section[data-pane="terminal"]', 'green-threads-race');
  });

  test('a process pool says at once that it needs threads', async () => {
    const text = unwrapped(await runProgram(ctx.page,
      'from concurrent.futures import ProcessPoolExecutor\nProcessPoolExecutor(2)\n'));
    assert.match(text, /NotImplementedError: process pools need isolated interpreters, each on a thread of its own/);
  });

  test('a deadlock is reported with who waits where, and Stop ends it', async () => {
    await openPlayground(ctx.page, ctx.server.url);
    // The green module loads with the first program that imports a thread module; load
    // it first so the deadlock is reached well before Stop is pressed.
    await runProgram(ctx.page, 'import threading\nprint("warm", threading.active_count())');
    await waitForTerminal(ctx.page, ['warm 1']);
    const latency = await runAndStop(ctx.page, DEADLOCK);
    assert.ok(latency !== null && latency < 1000, `stop took ${latency} ms`);
    const text = unwrapped(await waitForTerminal(ctx.page, ['KeyboardInterrupt']));
    assert.match(text, /Deadlock: every thread is waiting/);
    assert.match(text, /first waits in one\(\) at .*:7 for <_thread\.lock object at 0x[0-9a-f]+>, held by second/);
    assert.match(text, /second waits in two\(\) at .*:12 for <_thread\.lock object at 0x[0-9a-f]+>, held by first/);
    await saveArtifact(ctx.page, 'section[data-pane="terminal"]', 'green-threads-deadlock');
    const after = await runProgram(ctx.page, 'import threading\nprint("threads left", threading.active_count())');
    assert.match(after, /threads left 1/);
  });
});
