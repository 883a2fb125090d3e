// Stepping a program that starts threads: each command replays the program, and on every
// page the replays run its threads as green threads (the green module), so every replay
// is the same run — a step back and one forward give the very same state — and the
// program continues to its end with CPython's output. Every thread is stepped: stepping
// by instruction pauses in a worker, and the frames pane then shows a group per thread.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { openPlayground, saveArtifact, step, usePlayground, waitForState, waitForTerminal } from './harness.mjs';

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

    test('steps into a worker thread and shows every thread in the frames pane', async () => {
      await openPlayground(ctx.page, ctx.server.url);
      await waitForState(ctx.page, 'ready');
      await ctx.page.evaluate((s) => window.__terrarium.setSource(s), PROGRAM);
      let snap = await step(ctx.page, 'step-line');
      for (let i = 0; i < 20 && snap.line < 7; i++) snap = await step(ctx.page, 'step-line');
      assert.equal(snap.line, 7, 'at the line that starts the threads');
      for (let i = 0; i < 60 && (snap.thread?.name ?? 'MainThread') === 'MainThread'; i++) {
        snap = await step(ctx.page, 'step-instruction');
      }
      assert.match(snap.thread?.name ?? '', /^Thread-1/, 'paused in the first worker');
      assert.equal(snap.frames.at(-1).qualname, 'work');
      assert.deepEqual(
        snap.threads.map((th) => [th.name, th.current]),
        [['MainThread', false], [snap.thread.name, true]],
      );
      const groups = await ctx.page.evaluate(() =>
        [...document.querySelectorAll('#frames .thread-group')].map((g) => ({
          name: g.querySelector('.thread-name')?.textContent,
          current: g.classList.contains('current'),
          frames: [...g.querySelectorAll('.frame-card h4')].map((h) => h.firstChild?.textContent ?? ''),
        })),
      );
      assert.equal(groups.length, 2);
      assert.deepEqual(groups.map((g) => [g.name, g.current]), [[snap.thread.name, true], ['MainThread', false]]);
      assert.match(groups[0].frames[0], /^work/);
      assert.match(groups[1].frames[0], /^<module>/);
      const status = await ctx.page.textContent('#status-step');
      assert.ok(status.includes(snap.thread.name), 'the status bar names the thread');
      await saveArtifact(ctx.page, '#frames', `thread-frames-${isolation ? 'isolated' : 'plain'}`);
      const end = await step(ctx.page, 'continue');
      assert.equal(end.reason, 'finished');
      await waitForTerminal(ctx.page, ['[0, 1, 4]']);
      await ctx.page.click('#stop');
      await waitForState(ctx.page, 'ready');
    });
  });
}
