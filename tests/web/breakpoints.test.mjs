// Breakpoints set by clicking Monaco's glyph margin (web/src/panes/editor/gutter.ts):
// Continue stops on the line; F10 steps over to the next one.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { saveArtifact, usePlayground, waitForPaused, waitForState } from './harness.mjs';

const PROGRAM = 'x = 1\ny = 2\nz = x + y\nprint(z)\n';

/** Clicks the glyph margin beside a 1-based source line. */
async function clickGutter(page, line) {
  const point = await page.evaluate((n) => {
    const rows = [...document.querySelectorAll('#editor .view-line')]
      .sort((a, b) => parseFloat(a.style.top) - parseFloat(b.style.top));
    const row = rows[n - 1].getBoundingClientRect();
    const margin = document.querySelector('#editor .glyph-margin').getBoundingClientRect();
    return { x: margin.left + margin.width / 2, y: row.top + row.height / 2 };
  }, line);
  await page.mouse.click(point.x, point.y);
}

describe('gutter breakpoints', { timeout: 60_000 }, () => {
  const ctx = usePlayground({ isolation: true });

  test('Continue stops at a breakpoint set in the gutter', async () => {
    const page = ctx.page;
    await waitForState(page, 'ready');
    await page.waitForFunction(() => window.__terrarium.monacoReady(), null, { timeout: 15_000 });
    await page.evaluate((s) => window.__terrarium.setSource(s), PROGRAM);
    await clickGutter(page, 3);
    await page.waitForSelector('#editor .breakpoint-glyph');

    await page.click('#continue');
    const hit = await waitForPaused(page);
    assert.equal(hit.reason, 'breakpoint');
    assert.equal(hit.line, 3);
    const locals = hit.frames[0].locals.map((v) => v.name);
    assert.ok(locals.includes('y') && !locals.includes('z'), `locals: ${locals}`);
    assert.match(await page.textContent('#status-message'), /breakpoint/);

    await page.keyboard.press('F10');
    const next = await waitForPaused(page);
    assert.equal(next.line, 4);

    // A second click removes it: Continue then runs to the end.
    await clickGutter(page, 3);
    await page.waitForSelector('#editor .breakpoint-glyph', { state: 'detached' });
    await page.click('#stop');
    await waitForState(page, 'ready');
    await page.click('#continue');
    const end = await waitForPaused(page);
    assert.equal(end.reason, 'finished');
    assert.equal(await page.evaluate(() => window.__terrarium.terminalText()), '3');
    await saveArtifact(page, 'section[data-pane="terminal"]', 'terminal');
  });
});
