// The one typed event map the panes talk through. A pane imports the bus and
// these names, never another pane; main.ts only connects them.
import type { Lang } from '../i18n';
import type { Stream } from '../vm/protocol';

export type VmState = 'loading' | 'ready' | 'running' | 'stopping';
export type Build = 'threaded' | 'single-threaded';

export type RunResult =
  | { kind: 'finished'; status: number; elapsedMs: number }
  | { kind: 'stopped' }
  /** The wasm module broke during the run (trap, abort); the VM is restarted. */
  | { kind: 'crashed'; message: string };

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
  'run-finished': RunResult;
}

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
