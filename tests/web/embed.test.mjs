// The embed page (web/embed.html, web/src/embed.ts) inside an iframe of a page
// that is not cross-origin isolated: it loads the single-threaded build, shows
// only the panes its hash names, runs by itself, and follows reveal.js's
// 'slide:start' / 'slide:stop' messages.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import lzString from 'lz-string'; // CommonJS: no named exports under Node

const { compressToEncodedURIComponent } = lzString;
import { saveArtifact, usePlayground } from './harness.mjs';

const share = (code, step = 0) =>
  `s=${compressToEncodedURIComponent(JSON.stringify({ v: 1, code, panes: ['terminal'], step }))}`;

/** A host page (served by Playwright, no COOP/COEP) with one iframe on the embed page. */
async function openHost(ctx, embedHash) {
  const hostUrl = `${ctx.server.url}slides-host.html`;
  await ctx.page.route(hostUrl, (route) => route.fulfill({
    contentType: 'text/html',
    body: `<!doctype html><link rel="icon" href="data:,"><title>slides</title>
      <iframe id="demo" src="embed.html#${embedHash}" style="width:900px;height:500px"></iframe>`,
  }));
  await ctx.page.goto(hostUrl);
  const frame = ctx.page.frameLocator('#demo');
  const handle = await ctx.page.waitForSelector('#demo');
  const inner = await handle.contentFrame();
  await inner.waitForFunction(() => window.__terrarium !== undefined);
  return { frame, inner };
}

describe('embed page in a plain iframe', { timeout: 60_000 }, () => {
  const ctx = usePlayground({ isolation: false });

  test('runs its program by itself with the single-threaded build', async () => {
    const code = 'for i in range(3):\n    print("row", i)\n';
    const { inner } = await openHost(ctx, `${share(code)}&panes=editor,terminal&autorun=1&readonly=1&theme=dark`);
    assert.equal(await ctx.page.evaluate(() => crossOriginIsolated), false);
    await inner.waitForFunction(() => window.__terrarium.terminalText().includes('row 2'), null, { timeout: 15_000 });
    assert.equal(await inner.evaluate(() => window.__terrarium.build()), 'single-threaded');
    assert.equal(await inner.evaluate(() => window.__terrarium.terminalText()), 'row 0\nrow 1\nrow 2');
    // Only the chosen panes, read-only, dark.
    assert.equal(await inner.isVisible('[data-pane="bytecode"]'), false);
    assert.equal(await inner.isVisible('[data-pane="editor"]'), true);
    assert.equal(await inner.evaluate(() => document.documentElement.dataset.theme), 'dark');
    await inner.waitForFunction(() => window.__terrarium.monacoReady(), null, { timeout: 15_000 });
    assert.equal(await inner.evaluate(() => document.querySelector('#editor .monaco-editor textarea')?.readOnly ?? true), true);
    await saveArtifact(ctx.page, '#demo', 'embed');
  });

  test('with stepping panes it animates the program, and slide:stop pauses it', async () => {
    const code = 'def f(a, b):\n    return a + b\n\nprint(f(1, 2))\n';
    const { inner } = await openHost(ctx, `${share(code)}&panes=editor,bytecode,stack&autorun=1`);
    await inner.waitForFunction(() => (window.__terrarium.snapshot()?.step ?? 0) >= 3, null, { timeout: 15_000 });
    assert.equal(await inner.evaluate(() => window.__terrarium.build()), 'single-threaded');
    assert.equal(await inner.isVisible('#controls'), true);
    assert.ok(await inner.locator('#bytecode .dis-row.current').count() === 1);
    await ctx.page.evaluate(() => document.querySelector('#demo').contentWindow.postMessage('slide:stop', '*'));
    await inner.waitForFunction(() => !window.__terrarium.autoplaying(), null, { timeout: 5000 });
    await inner.waitForFunction(() => window.__terrarium.state() === 'paused', null, { timeout: 5000 });
    const paused = await inner.evaluate(() => window.__terrarium.snapshot().step);
    await new Promise((r) => setTimeout(r, 400));
    assert.equal(await inner.evaluate(() => window.__terrarium.snapshot().step), paused);
    await ctx.page.evaluate(() => document.querySelector('#demo').contentWindow.postMessage('slide:start', '*'));
    await inner.waitForFunction((s) => window.__terrarium.snapshot().step > s, paused, { timeout: 5000 });
    await saveArtifact(ctx.page, '#demo', 'embed-stepping');
  });

  test('slide:stop stops a run and slide:start does not restart a finished one', async () => {
    const code = 'i = 0\nwhile True:\n    i += 1\n';
    const { inner } = await openHost(ctx, `${share(code)}&panes=terminal&autorun=1`);
    await inner.waitForFunction(() => window.__terrarium.state() === 'running', null, { timeout: 15_000 });
    assert.equal(await inner.isVisible('[data-pane="editor"]'), false);
    // What reveal.js posts to iframes on the slide it leaves.
    await ctx.page.evaluate(() => document.querySelector('#demo').contentWindow.postMessage('slide:stop', '*'));
    await inner.waitForFunction(() => window.__terrarium.terminalText().includes('KeyboardInterrupt'), null, { timeout: 5000 });
    await inner.waitForFunction(() => window.__terrarium.state() === 'ready', null, { timeout: 10_000 });
    await ctx.page.evaluate(() => document.querySelector('#demo').contentWindow.postMessage(
      JSON.stringify({ namespace: 'reveal', eventName: 'slide:start' }), '*'));
    await new Promise((r) => setTimeout(r, 300));
    assert.equal(await inner.evaluate(() => window.__terrarium.state()), 'ready');
  });
});
