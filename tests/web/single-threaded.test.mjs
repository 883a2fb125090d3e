// The playground without cross-origin isolation (`serve --no-isolation`, like
// a static host without COOP/COEP): the single-threaded build, whose Stop has
// to terminate and replace the VM worker, also under a running debug command
// (no shared flag: Pause is not offered there, the step budget bounds a command).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  runAndStop, runProgram, step, usePlayground, waitForState, waitForTerminal,
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

  test('Stop ends a long Continue by replacing the worker; stepping works after', async () => {
    const page = ctx.page;
    await waitForState(page, 'ready');
    await page.evaluate(() => window.__terrarium.setStepBudget(1_000_000_000));
    await page.evaluate((s) => window.__terrarium.setSource(s), 'i = 0\nwhile True:\n    i += 1\n');
    await page.click('#continue');
    await waitForState(page, 'stepping');
    await page.waitForTimeout(500);
    assert.equal(await page.isVisible('#pause'), false);
    await page.click('#stop');
    await waitForState(page, 'ready');
    assert.equal(await page.evaluate(() => window.__terrarium.snapshot()), null);
    await page.evaluate(() => window.__terrarium.setStepBudget(1_000_000));
    const first = await step(page, 'step-instruction');
    assert.equal(first.step, 1);
    await page.click('#stop');
    await waitForState(page, 'ready');
  });
});
