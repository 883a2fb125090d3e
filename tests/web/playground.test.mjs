// The playground on a cross-origin isolated page (COOP/COEP from the native
// server): threaded build, real typing into Monaco, output, tracebacks, and
// Stop through the shared interrupt flag.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  runAndStop, runProgram, usePlayground, waitForState, waitForTerminal,
} from './harness.mjs';

// Exact text while typing: no auto-indent, no auto-closing (PLATFORM.md §4).
const PLAIN_TYPING = {
  autoIndent: 'none', autoClosingBrackets: 'never', autoClosingQuotes: 'never',
  autoClosingOvertype: 'never', autoSurround: 'never', quickSuggestions: false,
  acceptSuggestionOnEnter: 'off',
};

describe('playground, cross-origin isolated (threaded build)', { timeout: 30_000 }, () => {
  const ctx = usePlayground({ isolation: true });

  test('loads the threaded build', async () => {
    assert.equal(await ctx.page.evaluate(() => crossOriginIsolated), true);
    await waitForState(ctx.page, 'ready');
    assert.equal(await ctx.page.evaluate(() => window.__terrarium.build()), 'threaded');
    assert.match(await ctx.page.textContent('#status-build'), /threaded/);
  });

  test('runs a program typed into Monaco', async () => {
    await ctx.page.waitForFunction(() => window.__terrarium.monacoReady(), null, { timeout: 15_000 });
    await ctx.page.evaluate((o) => window.__terrarium.updateEditorOptions(o), PLAIN_TYPING);
    const program = 'x = 6\ny = 7\nprint(x * y)\nprint("done", x < y)';
    await ctx.page.click('#editor .view-lines');
    await ctx.page.keyboard.press('Control+A');
    await ctx.page.keyboard.press('Delete');
    await ctx.page.keyboard.type(program);
    assert.equal(await ctx.page.evaluate(() => window.__terrarium.getSource()), program);

    await ctx.page.click('#run');
    const text = await waitForTerminal(ctx.page, ['42', 'done True']);
    assert.deepEqual(text.split('\n'), ['42', 'done True']);
    await waitForState(ctx.page, 'ready');
    assert.match(await ctx.page.textContent('#status-message'), /exit status 0/);
  });

  test('Stop interrupts an endless loop within 100 ms', async () => {
    const latency = await runAndStop(ctx.page);
    const text = await waitForTerminal(ctx.page, ['KeyboardInterrupt']);
    assert.ok(latency !== null && latency < 100, `stop took ${latency} ms`);
    // The interrupt arrives as a Python exception, with its traceback.
    assert.match(text, /Traceback \(most recent call last\):/);
    assert.equal(await ctx.page.evaluate(() => window.__terrarium.build()), 'threaded');
    // The same VM keeps working after an interrupt.
    await runProgram(ctx.page, 'print("still alive")');
    await waitForTerminal(ctx.page, ['still alive']);
  });

  test('an uncaught exception prints its traceback', async () => {
    const text = await runProgram(ctx.page, 'print(1)\nprint(1/0)\n');
    await waitForTerminal(ctx.page, ['ZeroDivisionError: division by zero']);
    assert.equal(text.split('\n')[0], '1');
    assert.match(text, /Traceback \(most recent call last\):/);
    assert.match(await ctx.page.textContent('#status-message'), /exit status 1/);
  });
});
