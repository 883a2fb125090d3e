// Stepping through bytecode (web/src/panes/bytecode, stack, frames, controls;
// web/src/app/session.ts): each instruction of `return a + b` highlighted in
// turn with the value stack it sees; Back returns to the same state; the
// animated run steps by itself and pauses. Saves a screenshot of each pane.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { paneState, saveArtifact, step, usePlayground, waitForPaused, waitForState } from './harness.mjs';

const PROGRAM = 'def f(a, b):\n    return a + b\n\nprint(f(1, 2))\n';

/** Steps one instruction at a time until `done(snapshot, panes)` holds. */
async function stepUntil(page, done, limit = 200) {
  for (let i = 0; i < limit; i++) {
    const snapshot = await step(page, 'step-instruction');
    const panes = await paneState(page);
    if (done(snapshot, panes)) return { snapshot, panes };
  }
  throw new Error(`condition not reached in ${limit} instructions`);
}

const innermost = (snapshot) => snapshot.frames[snapshot.frames.length - 1];

describe('stepping bytecode', { timeout: 60_000 }, () => {
  const ctx = usePlayground({ isolation: true });

  test('LOAD_FAST, LOAD_FAST, BINARY_OP in turn, with the stack they see', async () => {
    const page = ctx.page;
    await waitForState(page, 'ready');
    await page.evaluate((s) => window.__terrarium.setSource(s), PROGRAM);
    const first = await stepUntil(page, (s, p) => p.opname === 'LOAD_FAST' && innermost(s).qualname === 'f');
    assert.deepEqual(first.panes.stack, []);
    assert.equal(first.snapshot.line, 2);
    assert.deepEqual(innermost(first.snapshot).locals.map((v) => [v.name, v.repr]), [['a', '1'], ['b', '2']]);

    const second = await step(page, 'step-instruction');
    assert.equal((await paneState(page)).opname, 'LOAD_FAST');
    assert.deepEqual((await paneState(page)).stack, ['1']);
    assert.deepEqual(innermost(second).stack.map((v) => v.repr), ['1']);

    await step(page, 'step-instruction');
    const atAdd = await paneState(page);
    assert.equal(atAdd.opname, 'BINARY_OP');
    assert.deepEqual(atAdd.stack, ['2', '1']); // top of stack first
    await saveArtifact(page, 'section[data-pane="bytecode"]', 'bytecode');
    await saveArtifact(page, 'section[data-pane="stack"]', 'stack');
    await saveArtifact(page, 'section[data-pane="frames"]', 'frames');
    await saveArtifact(page, '#controls', 'controls');
    await saveArtifact(page, 'section[data-pane="editor"]', 'editor');
    await saveArtifact(page, '.status-bar', 'status-bar');

    await step(page, 'step-instruction');
    const afterAdd = await paneState(page);
    assert.equal(afterAdd.opname, 'RETURN_VALUE');
    assert.deepEqual(afterAdd.stack, ['3']);
    assert.match(await page.textContent('#status-step'), /line 2/);
  });

  test('Back returns to the same state', async () => {
    const page = ctx.page;
    const before = await page.evaluate(() => window.__terrarium.snapshot());
    const panesBefore = await paneState(page);
    await step(page, 'step-instruction');
    await step(page, 'step-instruction');
    await step(page, 'step-back');
    const back = await step(page, 'step-back');
    assert.deepEqual(back, before);
    assert.deepEqual(await paneState(page), panesBefore);
    // Shift+F10 is Back too (documented in the button's tooltip).
    assert.match(await page.getAttribute('#step-back', 'title'), /Shift\+F10/);
    await page.keyboard.press('Shift+F10');
    const viaKey = await waitForPaused(page);
    assert.equal(viaKey.step, before.step - 1);
  });

  test('the animated run steps by itself until paused', async () => {
    const page = ctx.page;
    const start = await page.evaluate(() => window.__terrarium.snapshot().step);
    await page.fill('#speed', '30');
    await page.click('#animate');
    await page.waitForFunction((s) => window.__terrarium.snapshot().step >= s + 3, start, { timeout: 5000 });
    await page.click('#pause');
    await page.waitForFunction(() => !window.__terrarium.autoplaying());
    await waitForPaused(page);
    const paused = await page.evaluate(() => window.__terrarium.snapshot().step);
    await page.waitForTimeout(300);
    assert.equal(await page.evaluate(() => window.__terrarium.snapshot().step), paused);
    await page.click('#stop');
    await waitForState(page, 'ready');
    assert.equal(await page.evaluate(() => window.__terrarium.snapshot()), null);
  });

  test('a step back shows the output up to its step, counted in UTF-16 units', async () => {
    const page = ctx.page;
    await waitForState(page, 'ready');
    const first = 'h\u00e9llo \u{1F600} \u4e16\u754c\n'; // é, an emoji outside the BMP, CJK
    await page.evaluate((s) => window.__terrarium.setSource(s), `print(${JSON.stringify(first.trimEnd())})\nprint("end")\n`);
    await page.click('#continue');
    const end = await waitForPaused(page);
    assert.equal(end.reason, 'finished');
    assert.equal(end.outputLength, first.length + 'end\n'.length);
    let snapshot = end;
    while (snapshot.outputLength === end.outputLength) snapshot = await step(page, 'step-back');
    assert.equal(snapshot.outputLength, first.length);
    assert.equal(await page.evaluate(() => window.__terrarium.terminalText()), first.trimEnd());
    await page.click('#stop');
    await waitForState(page, 'ready');
  });

  test('stepping a program that does not compile shows its SyntaxError', async () => {
    const page = ctx.page;
    await waitForState(page, 'ready');
    const source = await page.evaluate(() => window.__terrarium.getSource());
    await page.evaluate(() => window.__terrarium.setSource('x = (1,\n'));
    await page.click('#step-instruction');
    await waitForState(page, 'ready');
    assert.match(await page.evaluate(() => window.__terrarium.terminalText()), /SyntaxError/);
    assert.match(await page.textContent('#status-message'), /exit status 1/);
    assert.equal(await page.evaluate(() => window.__terrarium.snapshot()), null);
    await page.evaluate((s) => window.__terrarium.setSource(s), source);
  });
});
