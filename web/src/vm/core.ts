// The Emscripten module contract (wasm/ bindings) and the choice between its two
// builds. Runs inside the VM worker only: the page never loads the wasm itself.
import type { ProgramInfo, Snapshot } from './debug-protocol';
import type { Stream } from './protocol';

/** What the core's debugCommand returns: the pause and the output written since the last call. */
export interface DebugReply {
  snapshot: Snapshot;
  output: { stream: Stream; text: string }[];
}
export interface DebugStartReply extends DebugReply {
  program: ProgramInfo;
}
export type DebugError = { error: string };

/** What `createTerrarium(...)` resolves to (see wasm/ for the Embind side). */
export interface TerrariumCore {
  /** Synchronous; returns the exit status: 0 ok, 1 uncaught exception, 130 KeyboardInterrupt. */
  runSource(source: string, filename: string): number;
  /** Byte offset in HEAPU8 of the uint8 interrupt flag. */
  interruptFlagAddress(): number;
  clearInterrupt(): void;
  /** Byte offsets in HEAPU8 of the thread-event recorder (layout: thread-events.ts). */
  threadEventsHeaderAddress(): number;
  threadEventsRecordsAddress(): number;
  version(): string;
  threaded(): boolean;
  /**
   * Debug sessions (core/trace's run controller); JSON strings in and out. debugStart
   * answers DebugStartReply, debugCommand DebugReply; both may be { error }.
   */
  debugStart(source: string, filename: string, breakpointsJson: string, stepBudget: number): string;
  debugCommand(commandJson: string): string;
  setBreakpoints(breakpointsJson: string): void;
  debugEnd(): void;
  /** In the threaded build its buffer is a SharedArrayBuffer. */
  HEAPU8: Uint8Array;
}

/**
 * The green-thread module (wasm/green): the single-threaded core linked with Asyncify,
 * where Python threads are fibers. A run is staged, run through a plain export (the
 * only way Asyncify can switch fibers), and its status read back.
 */
export interface GreenCore extends TerrariumCore {
  /** seed: the green scheduler's; the same seed gives the same interleaving. */
  prepareGreenRun(source: string, filename: string, seed: number): void;
  _terrarium_run_green(): void;
  /** The staged run's exit status; -1 if it did not reach its end. */
  greenRunStatus(): number;
  /** Debug sessions with green threads in every replay: staged the same way. */
  prepareGreenDebugStart(source: string, filename: string, breakpointsJson: string, stepBudget: number, seed: number): void;
  prepareGreenDebugCommand(commandJson: string): void;
  _terrarium_debug_green(): void;
  /** What debugStart / debugCommand would have answered. */
  greenDebugReply(): string;
}

export interface CoreOptions {
  /** Called synchronously from inside runSource as the program prints. */
  onOutput(stream: Stream, text: string): void;
}

type CreateTerrarium = (options: CoreOptions) => Promise<TerrariumCore>;

/**
 * The threaded build needs SharedArrayBuffer, which browsers only hand out to
 * cross-origin isolated pages (COOP + COEP headers).
 */
export function canUseThreads(): boolean {
  return self.crossOriginIsolated === true && typeof SharedArrayBuffer === 'function';
}

/** Where the built site's root is, seen from this worker (works under a subpath). */
function siteBase(): URL {
  // In dev the worker is served from its source path, so the site root is the
  // configured base. In a build, workers are emitted to `<base>/assets/`, so the
  // root is one level up from this module; BASE_URL is './' there and would
  // resolve against assets/.
  return import.meta.env.DEV
    ? new URL(import.meta.env.BASE_URL, self.location.origin)
    : new URL(/* @vite-ignore */ '../', import.meta.url);
}

/** Loads wasm/mt (threaded) or wasm/st (single-threaded) from the site root. */
export async function loadCore(threaded: boolean, options: CoreOptions): Promise<TerrariumCore> {
  return loadFlavour(threaded ? 'mt' : 'st', options);
}

/** Loads wasm/green (see GreenCore). */
export async function loadGreenCore(options: CoreOptions): Promise<GreenCore> {
  return (await loadFlavour('green', options)) as GreenCore;
}

async function loadFlavour(flavour: 'mt' | 'st' | 'green', options: CoreOptions): Promise<TerrariumCore> {
  const url = new URL(`wasm/${flavour}/terrarium.mjs`, siteBase()).href;
  let factory: CreateTerrarium;
  try {
    // @vite-ignore: the module is copied from build/wasm-dist, not bundled, so
    // the Emscripten glue finds its .wasm and pthread worker.js next to itself.
    const mod = (await import(/* @vite-ignore */ url)) as { default: CreateTerrarium };
    factory = mod.default;
  } catch (err) {
    throw new Error(`cannot load ${url}: ${String(err)}`);
  }
  return factory(options);
}
