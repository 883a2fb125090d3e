// The playground without cross-origin isolation (`serve --no-isolation`, like
// a static host without COOP/COEP): the single-threaded build, whose Stop has
// to terminate and replace the VM worker.
import assert from 'node:assert/strict';
import { after, afterEach, before, describe, test } from 'node:test';
import {
  launchBrowser, openPlayground, requireBuildOutputs, runAndStop, runProgram,
  startServer, waitForState, waitForTerminal,
} from './harness.mjs';

describe('playground, not isolated (single-threaded build)', { timeout: 30_000 }, () => {
  let server;
  let browser;
  let page;

  before(async () => {
    requireBuildOutputs();
    server = await startServer({ isolation: false });
    browser = await launchBrowser();
    page = browser.page;
    await openPlayground(page, server.url);
  });

  // Any console error or uncaught exception on the page fails the test it happened in.
  afterEach(() => {
    const errors = browser?.errors.splice(0) ?? [];
    assert.deepEqual(errors, [], `the page reported errors:\n${errors.join('\n')}`);
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  test('loads the single-threaded build', async () => {
    assert.equal(await page.evaluate(() => crossOriginIsolated), false);
    await waitForState(page, 'ready');
    assert.equal(await page.evaluate(() => window.__terrarium.build()), 'single-threaded');
    assert.match(await page.textContent('#status-build'), /single-threaded/);
  });

  test('runs a program', async () => {
    await runProgram(page, 'total = 0\ni = 0\nwhile i < 5:\n    total += i\n    i += 1\nprint("total", total, i == 5)\n');
    const text = await waitForTerminal(page, ['total 10 True']);
    assert.equal(text, 'total 10 True');
  });

  test('Stop ends an endless loop by replacing the worker', async () => {
    const latency = await runAndStop(page);
    await waitForTerminal(page, ['KeyboardInterrupt']);
    assert.ok(latency !== null && latency < 100, `stop took ${latency} ms`);
    // The fresh worker runs programs again.
    await runProgram(page, 'print("after stop", 6 * 7)');
    await waitForTerminal(page, ['after stop 42']);
  });
});
