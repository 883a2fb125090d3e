// Page side of the VM worker: starts it, sends runs and debug commands, hands
// its messages to typed callbacks and knows the two ways to stop a program. It
// keeps no run state; session.ts decides what happens when.
import type { Breakpoint, DebugCommand, ProgramInfo, Snapshot } from './debug-protocol';
import type { InterruptHandle, PageToWorker, Stream, WorkerToPage } from './protocol';
import { LiveThreadEvents } from './thread-events';

export interface BridgeHandlers {
  ready(info: { threaded: boolean; version: string }): void;
  output(stream: Stream, text: string): void;
  done(status: number, elapsedMs: number): void;
  error(message: string): void;
  program(program: ProgramInfo): void;
  paused(snapshot: Snapshot): void;
  /** Every thread event of the run that ends next (just before 'done'). */
  threadEvents(words: Uint32Array, dropped: number): void;
}

export class VmBridge {
  private readonly worker: Worker;
  private interruptHandle: InterruptHandle | undefined;
  private live: LiveThreadEvents | undefined;
  private terminated = false;

  constructor(private readonly handlers: BridgeHandlers) {
    // Vite bundles this URL as a module worker, in dev and in the build.
    this.worker = new Worker(new URL('./vm-worker.ts', import.meta.url), { type: 'module' });
    this.worker.onmessage = (event: MessageEvent<WorkerToPage>) => this.receive(event.data);
    // A worker script that fails to load or throws at top level ends up here.
    this.worker.onerror = (event: ErrorEvent) => {
      event.preventDefault();
      if (!this.terminated) this.handlers.error(event.message || 'the VM worker failed to start');
    };
  }

  /** True once the worker has shared its interrupt flag (threaded build). */
  get canInterrupt(): boolean {
    return this.interruptHandle !== undefined;
  }

  /** The running program's thread events, read from shared memory (threaded build only). */
  get liveThreadEvents(): LiveThreadEvents | undefined {
    return this.live;
  }

  /** seed: the green-thread scheduler's (see protocol.ts); default 0. */
  run(source: string, filename: string, seed?: number): void {
    this.send({ type: 'run', source, filename, seed });
  }

  /** Compiles and pauses before the first instruction ('program', then 'paused'). */
  debugStart(source: string, filename: string, breakpoints: Breakpoint[], stepBudget: number, seed?: number): void {
    this.send({ type: 'debug-start', source, filename, breakpoints, stepBudget, seed });
  }

  /** Answered by one 'paused' (or 'error'). */
  debugCommand(command: DebugCommand): void {
    this.send({ type: 'debug-command', command });
  }

  setBreakpoints(breakpoints: Breakpoint[]): void {
    this.send({ type: 'set-breakpoints', breakpoints });
  }

  debugEnd(): void {
    this.send({ type: 'debug-end' });
  }

  /**
   * Asks the running program to raise KeyboardInterrupt (it still reports
   * 'done'), or a running debug command to pause (it reports 'paused').
   */
  interrupt(): boolean {
    const handle = this.interruptHandle;
    if (!handle) return false;
    // Only bit 0 is the host's: the others are the VM's own (GIL drop requests, the
    // collector, threads told to end), so they are kept.
    Atomics.or(new Uint8Array(handle.buffer), handle.address, 1);
    return true;
  }

  /** Takes back an interrupt() the program did not consume (the worker must be idle). */
  clearInterrupt(): void {
    const handle = this.interruptHandle;
    if (handle) Atomics.and(new Uint8Array(handle.buffer), handle.address, 0xfe);
  }

  /** Kills the worker at once, whatever it is doing; this bridge is dead afterwards. */
  terminate(): void {
    this.terminated = true;
    this.worker.terminate();
  }

  private send(message: PageToWorker): void {
    this.worker.postMessage(message);
  }

  private receive(message: WorkerToPage): void {
    // Messages already queued when the worker was terminated are stale.
    if (this.terminated) return;
    switch (message.type) {
      case 'ready':
        this.interruptHandle = message.interrupt;
        this.live = message.threadEvents && new LiveThreadEvents(message.threadEvents);
        this.handlers.ready({ threaded: message.threaded, version: message.version });
        break;
      case 'output':
        this.handlers.output(message.stream, message.text);
        break;
      case 'done':
        this.handlers.done(message.status, message.elapsedMs);
        break;
      case 'error':
        this.handlers.error(message.message);
        break;
      case 'program':
        this.handlers.program(message.program);
        break;
      case 'paused':
        this.handlers.paused(message.snapshot);
        break;
      case 'thread-events':
        this.handlers.threadEvents(message.words, message.dropped);
        break;
    }
  }
}
