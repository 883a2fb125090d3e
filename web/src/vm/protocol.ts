// The one message protocol between the page (bridge.ts) and the VM worker
// (vm-worker.ts). Both sides import these types, so a field renamed on one side
// is a compile error on the other.
import type { Breakpoint, DebugCommand, ProgramInfo, Snapshot } from './debug-protocol';
import type { ThreadEventsHandle } from './thread-events';


/** 1 = stdout, 2 = stderr, as in the Emscripten core's onOutput(stream, text). */
export type Stream = 1 | 2;

/** Page -> worker. */
export type PageToWorker =
  /**
   * seed: for programs that start threads on a page that is not cross-origin isolated
   * (green threads): the scheduler's seed, so an interleaving replays (default 0).
   */
  | { type: 'run'; source: string; filename: string; seed?: number }
  /**
   * Compile and pause before the first instruction; answered by 'program' then
   * 'paused'. A program that does not compile is answered as a plain run would
   * be: its SyntaxError on stream 2, then 'done' with status 1 (no session).
   */
  | { type: 'debug-start'; source: string; filename: string; breakpoints: Breakpoint[]; stepBudget: number; seed?: number }
  /**
   * Answered by 'paused' (or 'error'). There is no stop command: Stop ends the
   * session with 'debug-end'. While a command runs, the interrupt flag (threaded
   * build) makes it pause early with reason 'pause'.
   */
  | { type: 'debug-command'; command: DebugCommand }
  | { type: 'set-breakpoints'; breakpoints: Breakpoint[] }
  | { type: 'debug-end' };

/** Shared memory the page writes to ask a running program to stop (threaded build only). */
export interface InterruptHandle {
  buffer: SharedArrayBuffer;
  /** Byte offset of a uint8 flag in `buffer`; storing 1 raises KeyboardInterrupt. */
  address: number;
}

/** Worker -> page. */
export type WorkerToPage =
  /**
   * threadEvents (threaded build): the recorder in shared memory, which the page
   * reads while a program runs (layout: thread-events.ts).
   */
  | { type: 'ready'; threaded: boolean; version: string; interrupt?: InterruptHandle; threadEvents?: ThreadEventsHandle }
  | { type: 'output'; stream: Stream; text: string }
  /**
   * Every thread and GIL event of the run that just ended (RECORD_WORDS words per
   * record, see thread-events.ts) and how many did not fit; sent just before 'done'
   * in both builds, so a page without shared memory gets them too.
   */
  | { type: 'thread-events'; words: Uint32Array; dropped: number }
  /** status: 0 ok, 1 uncaught exception (traceback already sent on stream 2), 130 KeyboardInterrupt. */
  | { type: 'done'; status: number; elapsedMs: number }
  /** The compiled program of a debug session (sent once, after 'debug-start'). */
  | { type: 'program'; program: ProgramInfo }
  /** The debug session stopped at a step; output up to that step was sent before it. */
  | { type: 'paused'; snapshot: Snapshot }
  /** The wasm failed to load (before 'ready'), or the module crashed during a run. */
  | { type: 'error'; message: string };
