// The step budget (Session.setStepBudget, the controller's stepBudget): an
// endless loop pauses instead of freezing, and Continue resumes it.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { NEEDS_CONTROLLER, usePlayground, waitForPaused, waitForState } from './harness.mjs';

describe('step budget', { timeout: 60_000 }, () => {
  const ctx = usePlayground({ isolation: true });

  test('an endless loop pauses at the budget and Continue resumes', { todo: NEEDS_CONTROLLER }, async () => {
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
});
