// The threads pane (web/src/panes/threads, app/thread-event-feed.ts, vm/thread-events.ts,
// core/trace/thread_event_recorder): Beazley's GIL lanes for a program run in the
// playground. On the isolated page the lanes fill in while the program runs (read from
// shared wasm memory); without isolation the events arrive with the end of the run.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import lzString from 'lz-string'; // CommonJS: no named exports under Node
import { runProgram, saveArtifact, usePlayground, waitForState } from './harness.mjs';

const { compressToEncodedURIComponent } = lzString;

const PRIMES = `import threading

def count_primes(limit):
    found = 0
    for k in range(2, limit):
        for d in range(2, int(k ** 0.5) + 1):
            if k % d == 0:
                break
        else:
            found += 1
    return found

results = {}
def work(name):
    results[name] = count_primes(200000)

threads = [threading.Thread(target=work, args=(i,)) for i in range(2)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print("primes", results[0], results[1])
`;

const SLEEPERS = `import threading, time

def nap():
    for _ in range(3):
        time.sleep(0.02)

threads = [threading.Thread(target=nap, name=name) for name in ("napper", "dozer, who sleeps the longest")]
for t in threads:
    t.start()
for t in threads:
    t.join()
print("rested")
`;

const lanes = (page) => page.evaluate(() => window.__terrarium.threadLanes());

/** Every held span of every lane, in time order, with its lane's thread. */
function heldSpans(view) {
  return view.lanes
    .flatMap((lane) => lane.spans.filter((s) => s.state === 'held').map((s) => ({ ...s, thread: lane.thread })))
    .sort((a, b) => a.from - b.from || a.to - b.to);
}

describe('GIL lanes on the cross-origin isolated page (threaded build)', () => {
  const ctx = usePlayground({ isolation: true });

  test('two CPU-bound threads take turns: three lanes, many hand-offs, one holder at a time', async () => {
    const { page } = ctx;
    await waitForState(page, 'ready', 30_000);
    assert.equal(await page.evaluate(() => window.__terrarium.build()), 'threaded');
    assert.equal(await page.locator('section[data-pane="threads"]').isVisible(), false, 'hidden until a thread starts');

    await page.evaluate((s) => window.__terrarium.setSource(s), PRIMES);
    await page.click('#run');
    // Live: the worker lanes appear while the program still runs.
    await page.waitForFunction(() => (window.__terrarium.threadLanes()?.lanes.length ?? 0) >= 3, null, { timeout: 20_000 });
    assert.equal(await page.evaluate(() => window.__terrarium.state()), 'running', 'lanes drawn during the run');
    assert.ok(await page.locator('section[data-pane="threads"]').isVisible(), 'the pane shows itself');
    await waitForState(page, 'ready', 120_000);
    assert.match(await page.evaluate(() => window.__terrarium.terminalText()), /primes 17984 17984/);

    const view = await lanes(page);
    // Labelled with threading's names (3.11's default names say the target).
    assert.deepEqual(view.lanes.map((l) => l.label), ['MainThread', 'Thread-1 (work)', 'Thread-2 (work)']);
    assert.equal(view.dropped, 0);

    // Hand-offs between the two workers: consecutive held spans of different workers.
    const held = heldSpans(view);
    const workers = new Set(view.lanes.slice(1).map((l) => l.thread));
    let workerHandoffs = 0;
    const workerHeld = held.filter((s) => workers.has(s.thread));
    for (let i = 1; i < workerHeld.length; i++) if (workerHeld[i].thread !== workerHeld[i - 1].thread) workerHandoffs++;
    assert.ok(workerHandoffs >= 20, `only ${workerHandoffs} hand-offs between the workers`);
    assert.ok(view.summary.handoffs >= workerHandoffs);

    // No two lanes hold the GIL at the same instant.
    for (let i = 1; i < held.length; i++) {
      assert.ok(held[i - 1].to <= held[i].from,
        `thread ${held[i - 1].thread} held it until ${held[i - 1].to} µs, thread ${held[i].thread} from ${held[i].from} µs`);
    }
    // The workers dropped it for the interval, and at their end.
    for (const lane of view.lanes.slice(1)) {
      assert.ok(lane.drops.some((d) => d.reason === 'interval'), `${lane.label}: no interval drop`);
      assert.equal(lane.drops.at(-1).reason, 'exit');
    }

    const summary = await page.locator('.threads-summary').textContent();
    assert.match(summary, new RegExp(`^${view.summary.handoffs} GIL hand-offs, longest wait [0-9.]+ ms$`));
    await saveArtifact(page, 'section[data-pane="threads"]', 'gil-lanes');

    // Zoom after the run: the window narrows, the data stays.
    const before = await page.locator('.threads-canvas').screenshot();
    await page.click('.threads-button[data-key="threadsZoomIn"]');
    await page.waitForTimeout(100);
    assert.notDeepEqual(await page.locator('.threads-canvas').screenshot(), before, 'zoom redrew the lanes');
    assert.equal((await lanes(page)).summary.handoffs, view.summary.handoffs);
  });

  test('threads that sleep drop the GIL for a blocking call, and hovering a marker says so', async () => {
    const { page } = ctx;
    const out = await runProgram(page, SLEEPERS);
    assert.match(out, /rested/);
    const view = await lanes(page);
    assert.deepEqual(view.lanes.map((l) => l.label), ['MainThread', 'napper', 'dozer, who sleeps the longest']);
    for (const lane of view.lanes.slice(1)) {
      const blocking = lane.drops.filter((d) => d.reason === 'blocking-call');
      assert.ok(blocking.length >= 3, `${lane.label}: ${blocking.length} blocking-call drops`);
    }
    // A name too long for the label column ends in an ellipsis on the canvas.
    await saveArtifact(page, 'section[data-pane="threads"]', 'gil-lanes-names');
    // The main thread waited on a lock (join) while the workers slept.
    assert.ok(view.lanes[0].spans.some((s) => s.state === 'lock'), 'join() shows as a lock wait');

    // Find a blocking-call marker of the first sleeper on the canvas and hover it.
    await page.click('.threads-button[data-key="threadsFit"]');
    await page.waitForTimeout(100);
    const spot = await page.evaluate(() => {
      const v = window.__terrarium.threadLanes();
      const canvas = document.querySelector('.threads-canvas');
      const box = canvas.getBoundingClientRect();
      const drop = v.lanes[1].drops.find((d) => d.reason === 'blocking-call');
      const labelWidth = 96;
      const x = box.left + labelWidth + (drop.at / v.summary.endUs) * (box.width - labelWidth);
      const laneTop = 22 + 8 + 1 * (22 + 8);
      return { x, y: box.top + laneTop };
    });
    await page.mouse.move(spot.x, spot.y);
    const tooltip = page.locator('.threads-tooltip');
    await tooltip.waitFor({ state: 'visible', timeout: 2000 });
    assert.match(await tooltip.textContent(), /^napper let go of the GIL at [0-9.]+ ms: blocking call$/);
  });

  test('an embed with panes=threads shows only the lanes, and runs by itself', async () => {
    const { page, server } = ctx;
    const shared = compressToEncodedURIComponent(JSON.stringify({ v: 1, code: SLEEPERS, panes: [], step: 0 }));
    await page.goto(`${server.url}embed.html#s=${shared}&panes=threads&autorun=1`);
    await page.waitForFunction(() => window.__terrarium !== undefined);
    await page.waitForFunction(() => window.__terrarium.threadLanes()?.lanes.length === 3
      && window.__terrarium.state() === 'ready', null, { timeout: 30_000 });
    assert.deepEqual(await page.evaluate(() => window.__terrarium.panes()), ['threads']);
    assert.ok(await page.locator('section[data-pane="threads"]').isVisible());
    assert.equal(await page.locator('section[data-pane="editor"]').isVisible(), false);
    const box = await page.locator('section[data-pane="threads"]').boundingBox();
    assert.ok(box.height > 300, `the lanes fill the embed (${box.height} px high)`);
  });
});

describe('GIL lanes without shared memory (single-threaded build)', () => {
  const ctx = usePlayground({ isolation: false });

  test('the events arrive with the end of the run', async () => {
    const { page } = ctx;
    await waitForState(page, 'ready', 30_000);
    assert.equal(await page.evaluate(() => window.__terrarium.build()), 'single-threaded');
    await runProgram(page, 'import time\ntime.sleep(0.03)\nprint("ok")\n');
    const view = await lanes(page);
    assert.equal(view.lanes.length, 1);
    assert.equal(view.lanes[0].label, 'main thread', 'threading never named it: the fallback label');
    assert.ok(view.lanes[0].drops.some((d) => d.reason === 'blocking-call'), 'sleep dropped the GIL');
    // Only the main thread ran: the pane stays out of the way.
    assert.equal(await page.locator('section[data-pane="threads"]').isVisible(), false);
  });
});
