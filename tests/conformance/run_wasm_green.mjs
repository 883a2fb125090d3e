// The thread programs of the conformance suite and the course labs that use threads,
// run on the green-thread browser module (wasm/green: the single-threaded core linked
// with Asyncify, Python threads as fibers) under Node, compared byte for byte with
// CPython's output. The same programs `run.py --green-threads` runs natively.
//   node --no-experimental-fetch tests/conformance/run_wasm_green.mjs MODULE.js [ACCEPTANCE_DIR]
// Ends with "N passed, N failed"; exits 1 on any failure.
import { readFileSync, readdirSync, existsSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));
// Programs that may start threads: the pattern web/src/vm/uses-threads.ts uses.
const USES_THREADS = new RegExp(
  JSON.parse(readFileSync(path.join(HERE, '..', '..', 'web', 'src', 'vm', 'thread-modules.json'), 'utf8')).pattern, 'm');

function scripts(dir, recurse) {
  const found = [];
  for (const name of readdirSync(dir).sort()) {
    const full = path.join(dir, name);
    if (recurse && statSync(full).isDirectory()) found.push(...scripts(full, false));
    else if (name.endsWith('.py') && existsSync(full.replace(/\.py$/, '.out'))) found.push(full);
  }
  return found;
}

const [modulePath, acceptance] = process.argv.slice(2);
if (!modulePath) {
  console.error('usage: run_wasm_green.mjs MODULE.js [ACCEPTANCE_DIR]');
  process.exit(2);
}
const createTerrarium = createRequire(import.meta.url)(path.resolve(modulePath));
const captured = { 1: '', 2: '' };
const core = await createTerrarium({ onOutput: (stream, text) => { captured[stream] += text; } });

const programs = scripts(HERE, true);
if (acceptance) programs.push(...scripts(acceptance, false));
let passed = 0;
let failed = 0;
for (const file of programs) {
  const source = readFileSync(file, 'utf8');
  if (!USES_THREADS.test(source)) continue;
  // Process pools need OS threads for their isolated interpreters; the browser's
  // single-threaded module has none (they raise CPython's error there).
  if (/ProcessPoolExecutor|multiprocessing|_interpreters/.test(source)) continue;
  captured[1] = captured[2] = '';
  core.prepareGreenRun(source, file, 0);
  core._terrarium_run_green();
  const status = core.greenRunStatus();
  // As run.py checks: stdout always; stderr and the exit status where they are recorded.
  const expected = (suffix) => (existsSync(file.replace(/\.py$/, suffix)) ? readFileSync(file.replace(/\.py$/, suffix), 'utf8') : null);
  const expectedErr = expected('.err')?.replaceAll('{DIR}/', `${path.dirname(file)}/`);
  const expectedStatus = Number(expected('.status') ?? 0);
  const problems = [];
  if (captured[1] !== expected('.out')) problems.push('stdout differs');
  if (expectedErr != null && captured[2] !== expectedErr) problems.push(`stderr differs:\n${captured[2]}`);
  if (status !== expectedStatus) problems.push(`exit status ${status}, expected ${expectedStatus}:\n${captured[2]}`);
  const name = path.relative(path.join(HERE, '..', '..'), file);
  if (problems.length === 0) {
    passed += 1;
    console.log(`PASS ${name}`);
  } else {
    failed += 1;
    console.log(`FAIL ${name}: ${problems.join('; ')}`);
  }
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed || !passed ? 1 : 0);
