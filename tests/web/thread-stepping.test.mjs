// Stepping a program that starts threads: each command replays the program, and on every
// page the replays run its threads as green threads (the green module), so every replay
// is the same run — a step back and one forward give the very same state — and the
// program continues to its end with CPython's output.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { openPlayground, step, usePlayground, waitForState, waitForTerminal } from './harness.mjs';

const PROGRAM = `import threading
out = []
def work(n):
    out.append(n * n)
threads = [threading.Thread(target=work, args=(i,)) for i in range(3)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(sorted(out))
`;

for (const isolation of [true, false]) {
  describe(`stepping a program with threads (${isolation ? 'isolated' : 'not isolated'} page)`, { timeout: 60_000 }, () => {
    const ctx = usePlayground({ isolation });

    test('steps back and forth to the same states and continues to the end', async () => {
      await openPlayground(ctx.page, ctx.server.url);
      await waitForState(ctx.page, 'ready');
      await ctx.page.evaluate((s) => window.__terrarium.setSource(s), PROGRAM);
      let snap = null;
      for (let i = 0; i < 6; i++) snap = await step(ctx.page, 'step-line');
      assert.ok(snap.line >= 5, `stepped to line ${snap.line}`);
      const after = await step(ctx.page, 'step-line');
      const back = await step(ctx.page, 'step-back');
      assert.equal(back.step, after.step - 1);
      const forward = await step(ctx.page, 'step-instruction');
      assert.deepEqual({ ...forward, reason: after.reason }, after);
      const end = await step(ctx.page, 'continue');
      assert.equal(end.reason, 'finished');
      await waitForTerminal(ctx.page, ['[0, 1, 4]']);
      await ctx.page.click('#stop');
      await waitForState(ctx.page, 'ready');
    });
  });
}
