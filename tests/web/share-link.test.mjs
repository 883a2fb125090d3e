// Share links (web/src/app/link.ts): the Share button puts code, pane layout
// and step in the URL hash; a fresh page opened on it restores them; a damaged
// hash shows a message and loads the sample instead.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  launchBrowser, openPlayground, paneState, step, usePlayground, waitForPaused, waitForState,
} from './harness.mjs';

const PROGRAM = 'def f(a, b):\n    return a + b\n\nprint(f(1, 2))\n';

describe('share links', { timeout: 60_000 }, () => {
  const ctx = usePlayground({ isolation: true });

  test('a damaged link shows a message and loads the sample', async () => {
    await ctx.page.goto('about:blank'); // a hash-only change would not reload
    await openPlayground(ctx.page, `${ctx.server.url}#s=N4Ig!!not-lz-string`);
    await waitForState(ctx.page, 'ready');
    assert.match(await ctx.page.textContent('#status-message'), /damaged/);
    assert.match(await ctx.page.evaluate(() => window.__terrarium.getSource()), /Fibonacci/);
    assert.match(await ctx.page.evaluate(() => window.__terrarium.terminalText()), /damaged/);
  });

  test('a link restores code and layout in a fresh page', async () => {
    await openPlayground(ctx.page, ctx.server.url);
    await waitForState(ctx.page, 'ready');
    await ctx.page.evaluate((s) => window.__terrarium.setSource(s), PROGRAM);
    // Hide the frames pane through the View menu.
    await ctx.page.click('.view-menu summary');
    await ctx.page.uncheck('#view-options input[data-pane="frames"]');
    await ctx.page.click('.view-menu summary');
    await ctx.page.click('#share');
    await ctx.page.waitForFunction(() => location.hash.startsWith('#s='));
    assert.match(await ctx.page.textContent('#status-message'), /step 0/);
    const link = await ctx.page.evaluate(() => location.href);

    await inFreshPage(link, async (page) => {
      await waitForState(page, 'ready');
      assert.equal(await page.evaluate(() => window.__terrarium.getSource()), PROGRAM);
      assert.deepEqual(await page.evaluate(() => window.__terrarium.panes()), ['terminal', 'bytecode', 'stack']);
      assert.equal(await page.isVisible('[data-pane="frames"]'), false);
      assert.equal(await page.evaluate(() => window.__terrarium.snapshot()), null);
    });
  });

  test('a link made while stepping replays to its step in a fresh page', async () => {
    await openPlayground(ctx.page, ctx.server.url);
    await waitForState(ctx.page, 'ready');
    await ctx.page.evaluate((s) => window.__terrarium.setSource(s), PROGRAM);
    let snapshot = await step(ctx.page, 'step-instruction');
    while (snapshot.frames.length < 2) snapshot = await step(ctx.page, 'step-instruction');
    await ctx.page.click('#share');
    await ctx.page.waitForFunction(() => location.hash.startsWith('#s='));
    const link = await ctx.page.evaluate(() => location.href);

    await inFreshPage(link, async (page) => {
      const restored = await waitForPaused(page, 15_000);
      assert.equal(await page.evaluate(() => window.__terrarium.getSource()), PROGRAM);
      assert.equal(restored.step, snapshot.step);
      assert.deepEqual(restored.frames, snapshot.frames);
      assert.deepEqual(await paneState(page), await paneState(ctx.page));
    });
  });
});

/** Opens a link in a new browser profile (nothing shared with the first page). */
async function inFreshPage(link, check) {
  const fresh = await launchBrowser();
  try {
    await openPlayground(fresh.page, link);
    await check(fresh.page);
    assert.deepEqual(fresh.errors, []);
  } finally {
    await fresh.close();
  }
}
