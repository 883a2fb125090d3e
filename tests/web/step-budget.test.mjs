// The step budget (Session.setStepBudget, the controller's stepBudget): an
// endless loop pauses instead of freezing, and Continue resumes it. In the
// threaded build Pause stops a long Continue early (the shared interrupt flag the
// run controller polls; panes/controls shows Pause while a command runs long).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { usePlayground, waitForPaused, waitForState } from './harness.mjs';

describe('step budget', { timeout: 60_000 }, () => {
  const ctx = usePlayground({ isolation: true });

  test('an endless loop pauses at the budget and Continue resumes', async () => {
    const page = ctx.page;
    await waitForState(page, 'ready');
    await page.evaluate(() => window.__terrarium.setStepBudget(20_000));
    await page.evaluate((s) => window.__terrarium.setSource(s), 'i = 0\nwhile True:\n    i += 1\n');
    await page.click('#continue');
    const first = await waitForPaused(page);
    assert.equal(first.reason, 'budget');
    assert.match(await page.textContent('#status-message'), /budget/);
    const count = (s) => Number(s.frames[0].locals.find((v) => v.name === 'i').repr);

    await page.click('#continue');
    const second = await waitForPaused(page);
    assert.equal(second.reason, 'budget');
    assert.ok(second.step > first.step, `${second.step} > ${first.step}`);
    assert.ok(count(second) > count(first));
    // The page stayed responsive throughout; Stop ends the session.
    await page.click('#stop');
    await waitForState(page, 'ready');
  });

  test('Pause stops a long Continue where it is, and Continue goes on', async () => {
    const page = ctx.page;
    await page.evaluate(() => window.__terrarium.setStepBudget(1_000_000_000));
    await page.evaluate((s) => window.__terrarium.setSource(s), 'i = 0\nwhile True:\n    i += 1\n');
    await page.click('#continue');
    await waitForState(page, 'stepping');
    // Pause shows once the command has run for a moment.
    await page.waitForSelector('#pause', { state: 'visible', timeout: 2000 });
    await page.waitForTimeout(200);
    await page.click('#pause');
    const paused = await waitForPaused(page);
    assert.equal(paused.reason, 'pause');
    assert.match(await page.textContent('#status-message'), /[Pp]aused/);
    assert.equal(await page.isVisible('#pause'), false);
    const count = (s) => Number(s.frames[0].locals.find((v) => v.name === 'i').repr);
    assert.ok(count(paused) > 0);

    await page.click('#continue');
    await page.waitForSelector('#pause', { state: 'visible', timeout: 2000 });
    await page.click('#pause');
    const again = await waitForPaused(page);
    assert.equal(again.reason, 'pause');
    assert.ok(again.step > paused.step, `${again.step} > ${paused.step}`);
    await page.click('#stop');
    await waitForState(page, 'ready');
  });
});
