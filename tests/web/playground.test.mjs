// The playground on a cross-origin isolated page (COOP/COEP from the native
// server): threaded build, real typing into Monaco, output, tracebacks, and
// Stop through the shared interrupt flag.
import assert from 'node:assert/strict';
import { after, afterEach, before, describe, test } from 'node:test';
import {
  launchBrowser, openPlayground, requireBuildOutputs, runAndStop, runProgram,
  startServer, waitForState, waitForTerminal,
} from './harness.mjs';

// Exact text while typing: no auto-indent, no auto-closing (PLATFORM.md §4).
const PLAIN_TYPING = {
  autoIndent: 'none', autoClosingBrackets: 'never', autoClosingQuotes: 'never',
  autoClosingOvertype: 'never', autoSurround: 'never', quickSuggestions: false,
  acceptSuggestionOnEnter: 'off',
};

describe('playground, cross-origin isolated (threaded build)', { timeout: 30_000 }, () => {
  let server;
  let browser;
  let page;

  before(async () => {
    requireBuildOutputs();
    server = await startServer({ isolation: true });
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

  test('loads the threaded build', async () => {
    assert.equal(await page.evaluate(() => crossOriginIsolated), true);
    await waitForState(page, 'ready');
    assert.equal(await page.evaluate(() => window.__terrarium.build()), 'threaded');
    assert.match(await page.textContent('#status-build'), /threaded/);
  });

  test('runs a program typed into Monaco', async () => {
    await page.waitForFunction(() => window.__terrarium.monacoReady(), null, { timeout: 15_000 });
    await page.evaluate((o) => window.__terrarium.updateEditorOptions(o), PLAIN_TYPING);
    const program = 'x = 6\ny = 7\nprint(x * y)\nprint("done", x < y)';
    await page.click('#editor .view-lines');
    await page.keyboard.press('Control+A');
    await page.keyboard.press('Delete');
    await page.keyboard.type(program);
    assert.equal(await page.evaluate(() => window.__terrarium.getSource()), program);

    await page.click('#run');
    const text = await waitForTerminal(page, ['42', 'done True']);
    assert.deepEqual(text.split('\n'), ['42', 'done True']);
    await waitForState(page, 'ready');
    assert.match(await page.textContent('#status-message'), /exit status 0/);
  });

  test('Stop interrupts an endless loop within 100 ms', async () => {
    const latency = await runAndStop(page);
    const text = await waitForTerminal(page, ['KeyboardInterrupt']);
    assert.ok(latency !== null && latency < 100, `stop took ${latency} ms`);
    // The interrupt arrives as a Python exception, with its traceback.
    assert.match(text, /Traceback \(most recent call last\):/);
    assert.equal(await page.evaluate(() => window.__terrarium.build()), 'threaded');
    // The same VM keeps working after an interrupt.
    await runProgram(page, 'print("still alive")');
    await waitForTerminal(page, ['still alive']);
  });

  test('an uncaught exception prints its traceback', async () => {
    const text = await runProgram(page, 'print(1)\nprint(1/0)\n');
    await waitForTerminal(page, ['ZeroDivisionError: division by zero']);
    assert.equal(text.split('\n')[0], '1');
    assert.match(text, /Traceback \(most recent call last\):/);
    assert.match(await page.textContent('#status-message'), /exit status 1/);
  });
});
