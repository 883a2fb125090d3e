// The one typed event map the panes talk through. A pane imports the bus and
// these names, never another pane; main.ts only connects them.
import type { Lang } from '../i18n';
import type { Breakpoint, DebugCommand, ProgramInfo, Snapshot } from '../vm/debug-protocol';
import type { Stream } from '../vm/protocol';
import type { ThreadEventRecord } from '../vm/thread-events';

/** 'paused': a debug session waits for a command; 'stepping': one is in flight. */
export type VmState = 'loading' | 'ready' | 'running' | 'stopping' | 'paused' | 'stepping';
export type Build = 'threaded' | 'single-threaded';

export type RunResult =
  | { kind: 'finished'; status: number; elapsedMs: number }
  | { kind: 'stopped' }
  /** The wasm module broke during the run (trap, abort); the VM is restarted. */
  | { kind: 'crashed'; message: string };

/** Thread and GIL events of a plain run (app/thread-event-feed.ts). */
export interface ThreadEventBatch {
  records: ReadonlyArray<ThreadEventRecord>;
  /** true: every record of the run, replacing earlier batches; false: the next ones. */
  whole: boolean;
  /** Events the core could not keep (its buffer was full). */
  dropped: number;
}

export interface AppEvents {
  'run-requested': void;
  'stop-requested': void;
  'language-changed': Lang;
  'vm-state': VmState;
  'vm-ready': { build: Build; version: string };
  /** The wasm could not be loaded: the playground cannot run programs. */
  'vm-load-failed': { message: string };
  'run-started': void;
  output: { stream: Stream; text: string };
  /** The terminal shows exactly these chunks (a step back rewound the output). */
  'output-replaced': ReadonlyArray<{ stream: Stream; text: string }>;
  'run-finished': RunResult;
  'thread-events': ThreadEventBatch;

  // --- Stepping (the run controller behind the worker does the work) ---
  /** Starts a debug session if none is active, then runs the command. */
  'debug-command-requested': DebugCommand;
  /** Pause the debug command in flight (a long Continue); threaded build only. */
  'pause-requested': void;
  /** Auto-stepping ("animated run") on or off. */
  'autoplay-requested': boolean;
  'autoplay-changed': boolean;
  /** Steps per second of the animated run. */
  'speed-changed': number;
  /** The editor's breakpoints changed (gutter click or an edit moved them). */
  'breakpoints-changed': Breakpoint[];
  /** A debug session compiled its program. */
  'program-loaded': ProgramInfo;
  /** The debug session stopped at a step. */
  paused: Snapshot;
  /** The debug session is over; panes clear what they showed. */
  'debug-ended': void;
  /** The editor's text changed (a running debug session is then stale). */
  'source-changed': void;
  /** The pointer is over this source line in the editor (null: left it). */
  'source-line-hovered': number | null;
  /** The pointer is over an instruction of this source line (null: left it). */
  'instruction-hovered': number | null;
  /** Which optional panes are shown (the share link carries it). */
  'layout-changed': PaneId[];
  /** Put code, layout and step in the URL (and on the clipboard). */
  'share-requested': void;
  /** A message for the user that is not a run result; errors (a bad share
   *  link) also go to the terminal. */
  notice: { text: string; error: boolean };
}

/** The panes a layout can show or hide; the editor is always there. */
export const PANE_IDS = ['terminal', 'bytecode', 'stack', 'frames', 'threads'] as const;
export type PaneId = (typeof PANE_IDS)[number];

// Wrapped in [] so a union payload is not distributed into a union of tuples.
type Args<T> = [T] extends [void] ? [] : [T];
type Listener<T> = (...args: Args<T>) => void;

export class EventBus<M> {
  private readonly listeners = new Map<keyof M, Set<Listener<never>>>();

  on<K extends keyof M>(name: K, listener: Listener<M[K]>): () => void {
    let set = this.listeners.get(name);
    if (!set) this.listeners.set(name, (set = new Set()));
    set.add(listener as Listener<never>);
    return () => set.delete(listener as Listener<never>);
  }

  emit<K extends keyof M>(name: K, ...args: Args<M[K]>): void {
    for (const listener of this.listeners.get(name) ?? []) {
      (listener as (...a: Args<M[K]>) => void)(...args);
    }
  }
}

export type AppBus = EventBus<AppEvents>;
