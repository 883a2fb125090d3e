// The playground without cross-origin isolation (`serve --no-isolation`, like
// a static host without COOP/COEP): the single-threaded build, whose Stop has
// to terminate and replace the VM worker.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  runAndStop, runProgram, usePlayground, waitForState, waitForTerminal,
} from './harness.mjs';

describe('playground, not isolated (single-threaded build)', { timeout: 30_000 }, () => {
  const ctx = usePlayground({ isolation: false });

  test('loads the single-threaded build', async () => {
    assert.equal(await ctx.page.evaluate(() => crossOriginIsolated), false);
    await waitForState(ctx.page, 'ready');
    assert.equal(await ctx.page.evaluate(() => window.__terrarium.build()), 'single-threaded');
    assert.match(await ctx.page.textContent('#status-build'), /single-threaded/);
  });

  test('runs a program', async () => {
    await runProgram(ctx.page, 'total = 0\ni = 0\nwhile i < 5:\n    total += i\n    i += 1\nprint("total", total, i == 5)\n');
    const text = await waitForTerminal(ctx.page, ['total 10 True']);
    assert.equal(text, 'total 10 True');
  });

  test('Stop ends an endless loop by replacing the worker', async () => {
    const latency = await runAndStop(ctx.page);
    await waitForTerminal(ctx.page, ['KeyboardInterrupt']);
    assert.ok(latency !== null && latency < 100, `stop took ${latency} ms`);
    // The fresh worker runs programs again.
    await runProgram(ctx.page, 'print("after stop", 6 * 7)');
    await waitForTerminal(ctx.page, ['after stop 42']);
  });
});
