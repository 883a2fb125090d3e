// The VM worker: loads the wasm core and runs programs, one at a time, off the
// page's main thread. runSource blocks this worker for the whole run; the page
// stops it through the shared interrupt flag (threaded build) or by terminating
// the worker (single-threaded build). See bridge.ts for the page side.
// Debug sessions ('debug-*' messages) go to the core's run controller, which replays
// the program up to each requested step, so every command answers synchronously.
import {
  canUseThreads,
  loadCore,
  loadGreenCore,
  type GreenCore,
  type DebugError,
  type DebugReply,
  type DebugStartReply,
  type TerrariumCore,
} from './core';
import { OutputCoalescer } from './output-coalescer';
import { threadPoolReady, topUpThreadPool } from './thread-pool';
import { usesThreads } from './uses-threads';
import type { PageToWorker, Stream, WorkerToPage } from './protocol';
import { readAll, type ThreadEventsHandle } from './thread-events';

// tsconfig has both DOM and WebWorker libs; here `self` is the worker scope.
const scope = self as unknown as DedicatedWorkerGlobalScope;
const post = (message: WorkerToPage): void => scope.postMessage(message);

const output = new OutputCoalescer((stream, text) => post({ type: 'output', stream, text }));

function describe(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

function run(core: TerrariumCore, source: string, filename: string, green: GreenCore | null, seed: number): void {
  // A Stop that raced with the end of the previous run may have left the flag set.
  core.clearInterrupt();
  const started = performance.now();
  let status: number;
  try {
    if (green) {
      green.prepareGreenRun(source, filename, seed);
      green._terrarium_run_green();
      status = green.greenRunStatus();
      if (status < 0) throw new Error('the green-thread run did not finish');
    } else {
      status = core.runSource(source, filename);
    }
  } catch (err) {
    // A JS exception out of runSource means the module itself broke (abort,
    // trap, out of memory); the page replaces this worker.
    output.flush();
    post({ type: 'error', message: describe(err) });
    return;
  }
  output.flush();
  postThreadEvents(green ?? core);
  post({ type: 'done', status, elapsedMs: performance.now() - started });
  if (core.threaded()) topUpThreadPool(core);
}

function threadEventsHandle(core: TerrariumCore): ThreadEventsHandle {
  return {
    buffer: core.HEAPU8.buffer,
    header: core.threadEventsHeaderAddress(),
    records: core.threadEventsRecordsAddress(),
  };
}

/** The run's thread events, copied out of wasm memory (the page may not share it). */
function postThreadEvents(core: TerrariumCore): void {
  const all = readAll(threadEventsHandle(core));
  if (!all) return;
  scope.postMessage({ type: 'thread-events', words: all.words, dropped: all.dropped } satisfies WorkerToPage, [
    all.words.buffer,
  ]);
}

function parseReply<T>(json: string): T | DebugError {
  try {
    return JSON.parse(json) as T | DebugError;
  } catch (err) {
    return { error: `bad reply from the core: ${describe(err)}` };
  }
}

/** Output written up to the new step, then the pause itself. */
function postPause(reply: DebugReply): void {
  for (const chunk of reply.output) post({ type: 'output', stream: chunk.stream, text: chunk.text });
  post({ type: 'paused', snapshot: reply.snapshot });
}

/**
 * Where a debug session's calls go: the loaded core, or for a program that starts
 * threads on a page without pthreads the green module, whose replays switch fibers and
 * so go through its staged export.
 */
interface DebugBackend {
  start(source: string, filename: string, breakpointsJson: string, stepBudget: number): string;
  command(commandJson: string): string;
  setBreakpoints(breakpointsJson: string): void;
  end(): void;
}

function coreDebug(core: TerrariumCore): DebugBackend {
  return {
    start: (source, filename, breakpoints, budget) => core.debugStart(source, filename, breakpoints, budget),
    command: (command) => core.debugCommand(command),
    setBreakpoints: (breakpoints) => core.setBreakpoints(breakpoints),
    end: () => core.debugEnd(),
  };
}

function greenDebug(green: GreenCore, seed: number): DebugBackend {
  return {
    start: (source, filename, breakpoints, budget) => {
      green.prepareGreenDebugStart(source, filename, breakpoints, budget, seed);
      green._terrarium_debug_green();
      return green.greenDebugReply();
    },
    command: (command) => {
      green.prepareGreenDebugCommand(command);
      green._terrarium_debug_green();
      return green.greenDebugReply();
    },
    setBreakpoints: (breakpoints) => green.setBreakpoints(breakpoints),
    end: () => green.debugEnd(),
  };
}

function handleDebug(core: TerrariumCore, debug: DebugBackend, message: PageToWorker): void {
  try {
    switch (message.type) {
      case 'debug-start': {
        core.clearInterrupt();
        const reply = parseReply<DebugStartReply>(
          debug.start(message.source, message.filename, JSON.stringify(message.breakpoints), message.stepBudget),
        );
        if ('error' in reply) {
          // A SyntaxError: shown as a run that failed at once, as 'run' would show it.
          post({ type: 'output', stream: 2, text: reply.error });
          post({ type: 'done', status: 1, elapsedMs: 0 });
          return;
        }
        post({ type: 'program', program: reply.program });
        postPause(reply);
        return;
      }
      case 'debug-command': {
        const reply = parseReply<DebugReply>(debug.command(JSON.stringify(message.command)));
        if ('error' in reply) post({ type: 'error', message: reply.error });
        else postPause(reply);
        return;
      }
      case 'set-breakpoints':
        debug.setBreakpoints(JSON.stringify(message.breakpoints));
        return;
      case 'debug-end':
        debug.end();
        return;
      default:
        return;
    }
  } catch (err) {
    // As for runSource: a JS exception means the module broke; the page replaces us.
    post({ type: 'error', message: describe(err) });
  }
}

async function start(): Promise<void> {
  const options = { onOutput: (stream: Stream, text: string) => output.write(stream, text) };
  // A threaded build that fails to load still leaves a working playground; the
  // status bar shows which build actually runs.
  const load = async (): Promise<TerrariumCore> => {
    if (!canUseThreads()) return loadCore(false, options);
    try {
      return await loadCore(true, options);
    } catch (err) {
      console.warn('Threaded build failed to load; trying the single-threaded one.', err);
      return loadCore(false, options);
    }
  };
  // Messages that arrive while the wasm loads wait for it rather than being lost.
  const corePromise = load();
  // Loaded on first need: a program that starts threads on the single-threaded build.
  let greenPromise: Promise<GreenCore> | null = null;
  let debugSession: DebugBackend | null = null;  // the session in progress
  // Runs of thread programs use it where there are no pthreads. Debug sessions of thread
  // programs use it on every page: each command replays the program, and only green
  // threads make every replay the same run (OS threads could interleave otherwise).
  const greenFor = async (core: TerrariumCore, source: string, debug: boolean): Promise<GreenCore | null> => {
    if (!usesThreads(source) || (core.threaded() && !debug)) return null;
    greenPromise ??= loadGreenCore(options);
    return greenPromise;
  };
  scope.onmessage = async (event: MessageEvent<PageToWorker>) => {
    const message = event.data;
    // If loading failed, the page already has the 'error' message below.
    const core = await corePromise.catch(() => null);
    if (!core) return;
    if (message.type === 'run' || message.type === 'debug-start') {
      // Threads need loaded workers (thread-pool.ts); other programs do not wait for them,
      // and debug sessions of thread programs run on the green module (greenFor).
      if (message.type === 'run' && core.threaded() && usesThreads(message.source)) await threadPoolReady(core);
      let green: GreenCore | null;
      try {
        green = await greenFor(core, message.source, message.type === 'debug-start');
      } catch (err) {
        post({ type: 'error', message: describe(err) });
        return;
      }
      if (message.type === 'run') {
        run(core, message.source, message.filename, green, message.seed ?? 0);
        return;
      }
      debugSession = green ? greenDebug(green, message.seed ?? 0) : coreDebug(core);
    }
    handleDebug(core, debugSession ?? coreDebug(core), message);
    if (message.type === 'debug-end') debugSession = null;
  };

  let core: TerrariumCore;
  try {
    core = await corePromise;
  } catch (err) {
    post({ type: 'error', message: describe(err) });
    return;
  }
  const threaded = core.threaded();
  // Creates the interpreter, with its flag and thread-event recorder; the buffer is
  // taken after, so both lie inside it. Growing shared memory neither moves nor
  // detaches existing bytes, so the page can keep using it.
  const interruptAddress = core.interruptFlagAddress();
  const buffer = core.HEAPU8.buffer;
  const shared = threaded && buffer instanceof SharedArrayBuffer;
  post({
    type: 'ready',
    threaded,
    version: core.version(),
    interrupt: shared ? { buffer, address: interruptAddress } : undefined,
    threadEvents: shared ? threadEventsHandle(core) : undefined,
  });
  if (threaded) topUpThreadPool(core);
}

void start();
