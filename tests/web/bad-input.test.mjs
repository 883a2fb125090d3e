// Bad input (issue 6): a megabyte of output, reprs that raise or never end, a
// 10,000-deep recursion and damaged or runaway share links. Whatever the worker is
// doing, the page must answer at once, say clearly what happened, and never freeze
// (web/src/app/session.ts, transcript.ts, panes/frames, panes/stack, app/link.ts;
// core/trace's EvalGuard and pause flag).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import lzString from 'lz-string'; // CommonJS: no named exports under Node
import {
  launchBrowser, openPlayground, saveArtifact, step, usePlayground, waitForPaused, waitForState,
} from './harness.mjs';

const { compressToEncodedURIComponent } = lzString;

const MEGABYTE = 'for i in range(1024):\n    print("x" * 1023)\nprint("end")\n';

/** A trivial page.evaluate must come back within a second, however busy the worker is. */
async function assertResponsive(page) {
  const started = Date.now();
  assert.equal(await page.evaluate(() => 1 + 1), 2);
  const ms = Date.now() - started;
  assert.ok(ms < 1000, `the page took ${ms} ms to answer`);
}

/** Checks responsiveness every 100 ms until `done()` holds on the page. */
async function staysResponsiveUntil(page, done, timeout = 30_000) {
  const deadline = Date.now() + timeout;
  for (;;) {
    await assertResponsive(page);
    if (await page.evaluate(done)) return;
    if (Date.now() > deadline) throw new Error(`not done within ${timeout} ms`);
    await page.waitForTimeout(100);
  }
}

const innermost = (snapshot) => snapshot.frames[snapshot.frames.length - 1];

describe('bad input', { timeout: 120_000 }, () => {
  const ctx = usePlayground({ isolation: true });

  test('a megabyte of output in a plain run', async () => {
    const page = ctx.page;
    await waitForState(page, 'ready');
    await page.evaluate((s) => window.__terrarium.setSource(s), MEGABYTE);
    await page.click('#run');
    await staysResponsiveUntil(page, () => window.__terrarium.state() === 'ready');
    await page.waitForFunction(() => window.__terrarium.terminalText().endsWith('end'), null, { timeout: 10_000 });
    assert.match(await page.textContent('#status-message'), /exit status 0/);
  });

  test('a megabyte of output in a debug session, and a step back over it', async () => {
    const page = ctx.page;
    await page.evaluate((s) => window.__terrarium.setSource(s), MEGABYTE);
    await page.click('#continue');
    await staysResponsiveUntil(page, () => window.__terrarium.state() === 'paused');
    const end = await page.evaluate(() => window.__terrarium.snapshot());
    assert.equal(end.reason, 'finished');
    assert.equal(end.outputLength, 1024 * 1024 + 4);
    await page.waitForFunction(() => window.__terrarium.terminalText().endsWith('end'), null, { timeout: 10_000 });
    // Back to before the last print: the terminal shows the megabyte without 'end'.
    let snapshot = end;
    while (snapshot.outputLength === end.outputLength) snapshot = await step(page, 'step-back');
    assert.equal(snapshot.outputLength, 1024 * 1024);
    await assertResponsive(page);
    await page.waitForFunction(() => !window.__terrarium.terminalText().endsWith('end'), null, { timeout: 10_000 });
    await page.click('#stop');
    await waitForState(page, 'ready');
  });

  test('reprs that raise or never end show as such in the stack and frames panes', async () => {
    const page = ctx.page;
    const program = [
      'class Bad:',
      '    def __repr__(self):',
      '        raise ValueError("no")',
      'class Slow:',
      '    def __repr__(self):',
      '        while True:',
      '            pass',
      'b = Bad()',
      's = Slow()',
      'pair = [b, s]',
      'print("ok")',
      '',
    ].join('\n');
    await page.evaluate((s) => window.__terrarium.setSource(s), program);
    // Step until both objects sit on the value stack for BUILD_LIST.
    const bothOnStack = (s) => s.frames.length > 0 && innermost(s).stack.length === 2
      && innermost(s).stack.every((v) => v.repr.startsWith('<repr '));
    let snapshot = await step(page, 'step-instruction');
    for (let i = 0; i < 100 && !bothOnStack(snapshot); i++) {
      snapshot = await step(page, 'step-instruction');
      await assertResponsive(page);
    }
    assert.deepEqual(innermost(snapshot).stack.map((v) => v.repr), ['<repr raised ValueError>', '<repr took too long>']);
    const stackText = await page.textContent('#stack');
    assert.match(stackText, /<repr raised ValueError>/);
    assert.match(stackText, /<repr took too long>/);
    const framesText = await page.textContent('#frames');
    assert.match(framesText, /<repr raised ValueError>/);
    assert.match(framesText, /<repr took too long>/);
    await saveArtifact(page, 'section[data-pane="stack"]', 'stack-bad-repr');
    // The program itself is untouched by what the panes did: it runs to the end.
    await page.click('#continue');
    const end = await waitForPaused(page);
    assert.equal(end.reason, 'finished');
    assert.equal(end.status, 0);
    await page.click('#stop');
    await waitForState(page, 'ready');
  });

  test('a 10,000-deep recursion while stepping', async () => {
    const page = ctx.page;
    const program = [
      'import sys',
      'sys.setrecursionlimit(20000)',
      'def down(n):',
      '    if n == 0:',
      '        return 0',
      '    return down(n - 1) + 1',
      'print(down(10000))',
      '',
    ].join('\n');
    await page.evaluate((s) => window.__terrarium.setSource(s), program);
    // About 11 instructions a level: the budget pauses Continue deep inside.
    await page.evaluate(() => window.__terrarium.setStepBudget(100_000));
    await page.click('#continue');
    await staysResponsiveUntil(page, () => window.__terrarium.state() === 'paused');
    let snapshot = await page.evaluate(() => window.__terrarium.snapshot());
    assert.equal(snapshot.reason, 'budget');
    assert.ok(snapshot.frames.length > 5000, `${snapshot.frames.length} frames`);
    snapshot = await step(page, 'step-instruction');
    await assertResponsive(page);
    assert.equal(innermost(snapshot).qualname, 'down');
    // The frames pane draws the innermost frames and says how many it left out.
    assert.match(await page.textContent('#frames'), /more frames/);
    assert.ok(await page.locator('#frames .frame-card').count() < 100);
    await saveArtifact(page, 'section[data-pane="frames"]', 'frames-deep-recursion');
    await page.click('#continue');
    await staysResponsiveUntil(page, () => window.__terrarium.state() === 'paused');
    const end = await page.evaluate(() => window.__terrarium.snapshot());
    assert.equal(end.reason, 'finished');
    assert.equal(end.status, 0);
    assert.match(await page.evaluate(() => window.__terrarium.terminalText()), /^10000$/m);
    await page.click('#stop');
    await waitForState(page, 'ready');
    await page.evaluate(() => window.__terrarium.setStepBudget(1_000_000));
  });

  test('damaged links show a message and load the sample', async () => {
    const damaged = [
      'N4Ig!!not-lz-string',
      compressToEncodedURIComponent('this is not JSON'),
      compressToEncodedURIComponent(JSON.stringify({ v: 1, code: 'print(1)', panes: [], step: -3 })),
      compressToEncodedURIComponent(JSON.stringify({ v: 99, code: 'print(1)', panes: [], step: 0 })),
    ];
    for (const packed of damaged) {
      await ctx.page.goto('about:blank'); // a hash-only change would not reload
      await openPlayground(ctx.page, `${ctx.server.url}#s=${packed}`);
      await waitForState(ctx.page, 'ready');
      await assertResponsive(ctx.page);
      assert.match(await ctx.page.textContent('#status-message'), /damaged/, packed);
      assert.match(await ctx.page.evaluate(() => window.__terrarium.getSource()), /Fibonacci/);
    }
  });

  test('a link into an endless loop at a far step can be stopped', async () => {
    const code = 'i = 0\nwhile True:\n    i += 1\n';
    const packed = compressToEncodedURIComponent(
      JSON.stringify({ v: 1, code, panes: ['terminal', 'bytecode', 'stack', 'frames'], step: 1e12 }),
    );
    const fresh = await launchBrowser();
    try {
      const page = fresh.page;
      await openPlayground(page, `${ctx.server.url}#s=${packed}`);
      await page.waitForFunction(() => window.__terrarium.state() === 'stepping', null, { timeout: 15_000 });
      await page.waitForTimeout(300);
      await assertResponsive(page);
      assert.equal(await page.evaluate(() => window.__terrarium.state()), 'stepping');
      await page.click('#stop');
      await staysResponsiveUntil(page, () => window.__terrarium.state() === 'ready', 10_000);
      assert.equal(await page.evaluate(() => window.__terrarium.snapshot()), null);
      assert.deepEqual(fresh.errors, []);
    } finally {
      await fresh.close();
    }
  });
});
