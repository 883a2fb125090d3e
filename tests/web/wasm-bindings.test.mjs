// The debug bindings of the browser module (wasm/bindings.cpp) driven from Node,
// without a browser: the single-threaded build's debugStart / debugCommand /
// setBreakpoints / debugEnd answer JSON in the shapes of web/src/vm/debug-protocol.ts,
// as vm-worker.ts reads them. Catches a binding or contract mismatch in seconds.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { before, describe, test } from 'node:test';
import { REPO } from './harness.mjs';

const DIR = path.join(REPO, 'build/wasm-dist/wasm/st');
const PROGRAM = 'def f(a, b):\n    return a + b\n\nprint(f(1, 2))\n';

/** Loads the module as the VM worker does; Node stands in for a worker scope. */
async function loadCore(onOutput) {
  const glue = path.join(DIR, 'terrarium.mjs');
  if (!existsSync(glue)) throw new Error(`missing ${glue}: build the wasm-st preset (npm run build)`);
  // The glue is built for web and worker scopes: it looks for importScripts and self.location.
  globalThis.self ??= globalThis;
  globalThis.importScripts ??= () => {};
  globalThis.location ??= { href: `file://${glue}` };
  const { default: createTerrarium } = await import(glue);
  return createTerrarium({ wasmBinary: readFileSync(path.join(DIR, 'terrarium.wasm')), onOutput });
}

const innermost = (snapshot) => snapshot.frames[snapshot.frames.length - 1];

describe('wasm debug bindings (single-threaded build, under Node)', () => {
  let core;
  let program;
  const command = (kind, extra = {}) => JSON.parse(core.debugCommand(JSON.stringify({ kind, ...extra })));
  const opname = (snapshot) => {
    const frame = innermost(snapshot);
    return program.codes[frame.code].instructions.find((i) => i.offset === frame.offset).opname;
  };

  before(async () => {
    core = await loadCore(() => {});
  });

  test('debugStart pauses at step 0 and describes the program', () => {
    const reply = JSON.parse(core.debugStart(PROGRAM, 'main.py', '[]', 1000));
    program = reply.program;
    assert.deepEqual(program.codes.map((c) => c.qualname), ['<module>', 'f']);
    assert.equal(reply.snapshot.step, 0);
    assert.equal(reply.snapshot.reason, 'start');
    assert.equal(opname(reply.snapshot), 'RESUME');
    assert.deepEqual(reply.output, []);
  });

  test('step-instruction walks f: RESUME, LOAD_FAST, LOAD_FAST, BINARY_OP with the stack', () => {
    let snapshot;
    do snapshot = command('step-instruction').snapshot;
    while (innermost(snapshot).qualname !== 'f');
    const seen = [];
    for (let i = 0; i < 4; i++) {
      seen.push([opname(snapshot), innermost(snapshot).stack.map((v) => v.repr)]);
      snapshot = command('step-instruction').snapshot;
    }
    assert.deepEqual(seen, [['RESUME', []], ['LOAD_FAST', []], ['LOAD_FAST', ['1']], ['BINARY_OP', ['1', '2']]]);
    assert.equal(opname(snapshot), 'RETURN_VALUE');
  });

  test('back and goto give identical snapshots; no address leaks into a repr', () => {
    const here = command('goto', { step: 2 }).snapshot; // the code object of f on the stack
    command('step-instruction');
    assert.deepEqual(command('back').snapshot, here);
    assert.deepEqual(innermost(here).stack.map((v) => v.repr), ['<code object f, file "main.py", line 1>']);
  });

  test('breakpoints, continue to the end and the output handed out once', () => {
    core.setBreakpoints(JSON.stringify([{ line: 2 }]));
    command('goto', { step: 0 });
    const hit = command('continue');
    assert.equal(hit.snapshot.reason, 'breakpoint');
    assert.equal(hit.snapshot.line, 2);
    core.setBreakpoints('[]');
    const end = command('continue');
    assert.equal(end.snapshot.reason, 'finished');
    assert.equal(end.snapshot.status, 0);
    assert.deepEqual(end.output, [{ stream: 1, text: '3\n' }]);
    assert.equal(end.snapshot.outputLength, 2);
    core.debugEnd();
    assert.match(command('step-instruction').error, /no debug session/);
  });

  test('a SyntaxError at debugStart is an error reply, as the worker expects', () => {
    const reply = JSON.parse(core.debugStart('x = (1,\n', 'main.py', '[]', 1000));
    assert.match(reply.error, /SyntaxError/);
  });
  // The layout of core/trace/thread_event_recorder.hpp, as web/src/vm/thread-events.ts reads it.
  test('runSource records thread events where threadEventsHeaderAddress says, in the documented layout', () => {
    const header = () => new Uint32Array(core.HEAPU8.buffer, core.threadEventsHeaderAddress(), 5);
    const [runBefore] = header();
    assert.equal(core.runSource('import time\ntime.sleep(0.01)\n', 'main.py'), 0);
    const [run, count, dropped, capacity, layout] = header();
    assert.deepEqual([run, dropped, capacity, layout], [runBefore + 1, 0, 200_000, 2]);
    const words = new Uint32Array(core.HEAPU8.buffer, core.threadEventsRecordsAddress(), count * 4);
    const records = [];
    for (let i = 0; i < words.length; i += 4) {
      records.push({ time: words[i], kind: words[i + 1] & 0xff, reason: words[i + 1] >> 8, thread: words[i + 2] });
    }
    // The main thread enters (GIL requested 2, acquired 3), sleeps (dropped 4 for a
    // blocking call 1, then requested and acquired again) and leaves (dropped 4).
    assert.deepEqual(records.map((r) => r.kind), [2, 3, 4, 2, 3, 4]);
    assert.deepEqual(records.filter((r) => r.kind === 4).map((r) => r.reason), [1, 1]);
    assert.ok(records.every((r) => r.thread === 0));
    assert.ok(records.every((r, i) => i === 0 || records[i - 1].time <= r.time));
    assert.ok(records[3].time - records[2].time >= 9_000, 'the sleep lasted about 10 ms');
  });

  // Kind 7: a thread's Python name, its UTF-8 bytes in the records after it.
  test('a thread named by threading travels in continuation records', () => {
    assert.equal(core.runSource('import threading\nthreading.current_thread().name = "主线程"\n', 'main.py'), 0);
    const [, count] = new Uint32Array(core.HEAPU8.buffer, core.threadEventsHeaderAddress(), 5);
    const words = new Uint32Array(core.HEAPU8.buffer, core.threadEventsRecordsAddress(), count * 4);
    const names = [];
    for (let i = 0; i < words.length; i += 4) {
      if ((words[i + 1] & 0xff) !== 7) continue;
      const length = words[i + 3];
      const bytes = new Uint8Array(words.buffer, words.byteOffset + (i + 4) * 4, length);
      names.push({ thread: words[i + 2], name: new TextDecoder().decode(bytes.slice()) });
      i += Math.ceil(length / 16) * 4;  // past the continuations
    }
    assert.deepEqual(names, [{ thread: 0, name: 'MainThread' }, { thread: 0, name: '主线程' }]);
  });
});
