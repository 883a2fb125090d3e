// Shared setup for the browser specs: the real native server on a free port,
// Debian's Chromium through playwright-core (see /work/shared/PLATFORM.md §4),
// and helpers that drive the playground through window.__terrarium.
// Missing build outputs are a failure, not a skip: `npm test` builds them first.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import assert from 'node:assert/strict';
import { after, afterEach, before } from 'node:test';
import { chromium } from 'playwright-core';

export const REPO = fileURLToPath(new URL('../../', import.meta.url));
const SERVER_BIN = path.join(REPO, 'build/native/terrarium');
const SITE_DIR = path.join(REPO, 'build/web');
const CHROMIUM = '/usr/bin/chromium';

/** Throws with a clear message if something the specs need was not built. */
export function requireBuildOutputs() {
  const missing = [
    [SERVER_BIN, 'build the native server (npm run build)'],
    [path.join(SITE_DIR, 'index.html'), 'build the page (npm run build:web)'],
    [CHROMIUM, 'install chromium (apt-get install chromium)'],
  ].filter(([file]) => !existsSync(file));
  if (missing.length > 0) {
    throw new Error(`missing build outputs:\n${missing.map(([f, how]) => `  ${f}: ${how}`).join('\n')}`);
  }
}

/** A port that was free a moment ago (bind port 0, read it, release it). */
function freePort() {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.unref();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

function portAnswers(port) {
  return new Promise((resolve) => {
    const socket = net.connect({ host: '127.0.0.1', port });
    socket.once('connect', () => { socket.destroy(); resolve(true); });
    socket.once('error', () => resolve(false));
  });
}

/**
 * Starts `terrarium serve` on build/web. With isolation: false it gets
 * --no-isolation, so it omits COOP/COEP and the page is not cross-origin isolated.
 */
export async function startServer({ isolation }) {
  const port = await freePort();
  const args = ['serve', '--host', '127.0.0.1', '--port', String(port), '--root', SITE_DIR];
  if (!isolation) args.push('--no-isolation');
  const child = spawn(SERVER_BIN, args, { cwd: REPO, stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  child.stdout.on('data', (d) => { log += d; });
  child.stderr.on('data', (d) => { log += d; });
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));

  const deadline = Date.now() + 10_000;
  let early = null;
  exited.then((result) => { early = result; });
  while (!(await portAnswers(port))) {
    if (early) throw new Error(`terrarium serve exited (${JSON.stringify(early)}) before listening:\n${log}`);
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`terrarium serve did not listen on ${port} within 10 s:\n${log}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  return {
    url: `http://127.0.0.1:${port}/`,
    log: () => log,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 2000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** A fresh Chromium profile, a page, and the page's errors collected as they happen. */
export async function launchBrowser() {
  const profile = await mkdtemp(path.join(os.tmpdir(), 'terrarium-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
    ],
  });
  const page = context.pages()[0] ?? (await context.newPage());
  const errors = [];
  page.on('pageerror', (err) => errors.push(`uncaught: ${err.stack ?? err.message}`));
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(`console.error: ${msg.text()} (${msg.location().url})`);
  });
  return {
    context,
    page,
    errors,
    async close() {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}

/**
 * A course lab from ../shared/acceptance as { source, expected } (CPython's output), or
 * null: the labs live outside the repository and CI machines have them.
 */
export function courseLab(name) {
  const lab = path.join(REPO, '..', 'shared', 'acceptance', name);
  try {
    return { source: readFileSync(`${lab}.py`, 'utf8'), expected: readFileSync(`${lab}.out`, 'utf8') };
  } catch {
    return null;
  }
}

// --- Driving the playground (all through window.__terrarium) ---------------

export async function openPlayground(page, url) {
  await page.goto(url);
  await page.waitForFunction(() => window.__terrarium !== undefined);
}

export async function waitForState(page, state, timeout = 10_000) {
  await page.waitForFunction((s) => window.__terrarium.state() === s, state, { timeout });
}

/** Polls xterm's buffer (the DOM rows can lag a frame) until it contains every needle. */
export async function waitForTerminal(page, needles, timeout = 10_000) {
  try {
    await page.waitForFunction(
      (ns) => ns.every((n) => window.__terrarium.terminalText().includes(n)),
      needles,
      { timeout, polling: 50 },
    );
  } catch (err) {
    const text = await page.evaluate(() => window.__terrarium.terminalText());
    throw new Error(`terminal never showed ${JSON.stringify(needles)}; it shows:\n${text}\n(${err.message})`);
  }
  return page.evaluate(() => window.__terrarium.terminalText());
}

/** Sets the program through the hook, runs it and waits until the run ended. */
export async function runProgram(page, source) {
  await waitForState(page, 'ready');
  await page.evaluate((s) => window.__terrarium.setSource(s), source);
  // The click handler switches to 'running' synchronously, so 'ready' from
  // here on means this run has finished.
  await page.click('#run');
  await waitForState(page, 'ready');
  return page.evaluate(() => window.__terrarium.terminalText());
}

/** Runs an endless loop, presses Stop after ~300 ms, returns the stop latency in ms. */
export async function runAndStop(page, source = 'while True:\n    pass\n') {
  await waitForState(page, 'ready');
  await page.evaluate((s) => window.__terrarium.setSource(s), source);
  await page.click('#run');
  await waitForState(page, 'running', 2000);
  await page.waitForTimeout(300);
  if ((await page.evaluate(() => window.__terrarium.state())) !== 'running') {
    throw new Error('the endless loop ended by itself before Stop was pressed');
  }
  await page.click('#stop');
  await waitForState(page, 'ready');
  return page.evaluate(() => window.__terrarium.lastStopLatencyMs());
}

// Registers the hooks every spec needs inside its describe(): start the server and the
// browser, open the playground, fail any test during which the page reported an error,
// and shut everything down. Returns an object whose `page` is set once `before` ran.
export function usePlayground({ isolation }) {
  const ctx = { server: null, browser: null, page: null };
  before(async () => {
    requireBuildOutputs();
    ctx.server = await startServer({ isolation });
    ctx.browser = await launchBrowser();
    ctx.page = ctx.browser.page;
    await openPlayground(ctx.page, ctx.server.url);
  });
  afterEach(() => {
    const errors = ctx.browser?.errors.splice(0) ?? [];
    assert.deepEqual(errors, [], `the page reported errors:\n${errors.join('\n')}`);
  });
  after(async () => {
    await ctx.browser?.close();
    await ctx.server?.stop();
  });
  return ctx;
}

// --- Stepping (debug sessions) ----------------------------------------------

/** Waits until a debug session is paused and returns its snapshot. */
export async function waitForPaused(page, timeout = 10_000) {
  await waitForState(page, 'paused', timeout);
  return page.evaluate(() => window.__terrarium.snapshot());
}

/** Clicks a controls-bar button (its id, e.g. 'step-instruction') and waits for the next pause. */
export async function step(page, buttonId) {
  await page.click(`#${buttonId}`);
  return waitForPaused(page);
}

/** What the bytecode pane highlights and what the stack pane lists (top first). */
export function paneState(page) {
  return page.evaluate(() => {
    const row = document.querySelector('#bytecode .dis-row.current');
    return {
      opname: row?.dataset.opname ?? null,
      offset: row ? Number(row.dataset.offset) : null,
      stack: [...document.querySelectorAll('#stack .stack-entry:not(.popping) .stack-repr')].map((e) => e.textContent),
    };
  });
}

/** Saves a screenshot of one element into build/test-artifacts/. */
export async function saveArtifact(page, selector, name) {
  const dir = path.join(REPO, 'build/test-artifacts');
  await mkdir(dir, { recursive: true });
  await page.locator(selector).screenshot({ path: path.join(dir, `${name}.png`) });
}
