// The run state machine: loading -> ready -> running -> (stopping ->) ready,
// and for stepping ready -> stepping <-> paused -> ready. Owns the VM bridge and
// replaces it when the worker has to die (Stop in the single-threaded build, a
// crashed module). Reports everything on the bus.
import { VmBridge } from '../vm/bridge';
import type { Breakpoint, DebugCommand, ProgramInfo, Snapshot } from '../vm/debug-protocol';
import type { AppBus, Build, RunResult, VmState } from './events';
import { threadSeed } from './link';
import { ThreadEventFeed } from './thread-event-feed';
import { Transcript } from './transcript';

const FILENAME = 'main.py';
/** Instructions one command may run before the controller pauses it (reason 'budget'). */
export const DEFAULT_STEP_BUDGET = 1_000_000;
// If an interrupted program has not ended by then (stuck outside the eval
// loop), the worker is killed instead.
const INTERRUPT_GRACE_MS = 1000;

export class Session {
  private bridge: VmBridge;
  private currentState: VmState = 'loading';
  private currentBuild: Build | null = null;
  private stopRequestedAt: number | null = null;
  private stopLatency: number | null = null;
  private graceTimer: number | undefined;
  private breakpoints: Breakpoint[] = [];
  private stepBudget = DEFAULT_STEP_BUDGET;
  /** Commands asked for while the session was starting, sent once it pauses. */
  private queued: DebugCommand | null = null;
  /** From debug-start until the session ends (the program may not have compiled yet). */
  private debugSession = false;
  private program: ProgramInfo | null = null;
  private snapshot: Snapshot | null = null;
  private readonly transcript: Transcript;
  private readonly threadEvents: ThreadEventFeed;
  /** Pause was pressed during the command in flight (its flag may still be set). */
  private pauseRequested = false;

  constructor(private readonly bus: AppBus) {
    this.transcript = new Transcript({
      append: (chunk) => bus.emit('output', chunk),
      replace: (chunks) => bus.emit('output-replaced', chunks),
    });
    this.threadEvents = new ThreadEventFeed(bus);
    this.bridge = this.spawn();
  }

  // Read-only views for the status bar and the test hooks.
  state(): VmState { return this.currentState; }
  build(): Build | null { return this.currentBuild; }
  lastStopLatencyMs(): number | null { return this.stopLatency; }
  lastSnapshot(): Snapshot | null { return this.snapshot; }
  programInfo(): ProgramInfo | null { return this.program; }
  /** A debug session exists (paused or running a command). */
  debugging(): boolean { return this.currentState === 'paused' || this.currentState === 'stepping'; }

  private spawn(): VmBridge {
    return new VmBridge({
      ready: ({ threaded, version }) => {
        this.currentBuild = threaded ? 'threaded' : 'single-threaded';
        this.bus.emit('vm-ready', { build: this.currentBuild, version });
        this.setState('ready');
      },
      output: (stream, text) => {
        if (this.debugSession) this.transcript.write(stream, text);
        else this.bus.emit('output', { stream, text });
      },
      program: (program) => {
        this.program = program;
        this.bus.emit('program-loaded', program);
      },
      paused: (snapshot) => this.paused(snapshot),
      threadEvents: (words, dropped) => this.threadEvents.finish(words, dropped),
      done: (status, elapsedMs) => {
        // In a debug session 'done' means its program did not compile: the
        // SyntaxError is already in the terminal and there is nothing to step.
        if (this.debugSession) this.endDebugSession();
        const stopped = this.stopRequestedAt !== null && status === 130;
        this.finish(stopped ? { kind: 'stopped' } : { kind: 'finished', status, elapsedMs });
        this.setState('ready');
      },
      error: (message) => {
        if (this.currentState === 'loading') {
          this.bus.emit('vm-load-failed', { message });
          return;
        }
        // The module broke (the protocol's meaning of 'error' after loading):
        // a debug session dies with the worker, in restart().
        this.bus.emit('output', { stream: 2, text: `\n${message}\n` });
        if (this.currentState !== 'ready') this.finish({ kind: 'crashed', message });
        this.restart();
      },
    });
  }

  /** Ignored unless ready: one program at a time. */
  run(source: string): void {
    if (this.currentState !== 'ready') return;
    this.stopRequestedAt = null;
    this.bus.emit('run-started');
    this.setState('running');
    this.threadEvents.start(this.bridge.liveThreadEvents);
    this.bridge.run(source, FILENAME, threadSeed(location.hash));
  }

  /**
   * Runs one debug command; from 'ready' it first starts a session paused at
   * step 0 (the command then applies from there). Ignored while a command runs.
   */
  command(source: string, command: DebugCommand): void {
    if (this.currentState === 'ready') {
      this.stopRequestedAt = null;
      this.debugSession = true;
      this.program = null;
      this.snapshot = null;
      this.queued = command;
      this.bus.emit('run-started');
      this.transcript.reset();
      this.setState('stepping');
      this.bridge.debugStart(source, FILENAME, this.breakpoints, this.stepBudget, threadSeed(location.hash));
      return;
    }
    if (this.currentState !== 'paused') return;
    if (this.snapshot?.reason === 'finished' && !rewinds(command)) return;
    this.setState('stepping');
    this.bridge.debugCommand(command);
  }

  /** Starts a session and stays at step 0 (a share link then jumps with 'goto'). */
  startPaused(source: string): void {
    this.command(source, { kind: 'goto', step: 0 });
  }

  /**
   * Pauses the command in flight (a long Continue) where it is, through the
   * shared interrupt flag the run controller polls. False when it cannot: the
   * single-threaded build has no flag (the step budget bounds the command).
   */
  pause(): boolean {
    if (this.currentState !== 'stepping' || this.program === null) return false;
    if (!this.bridge.interrupt()) return false;
    this.pauseRequested = true;
    return true;
  }

  setBreakpoints(breakpoints: Breakpoint[]): void {
    this.breakpoints = breakpoints;
    if (this.debugging()) this.bridge.setBreakpoints(breakpoints);
  }

  /** For tests: a small budget makes an endless loop pause quickly. */
  setStepBudget(budget: number): void {
    this.stepBudget = budget;
  }

  /** Ends a paused debug session (Stop, or the source was edited). */
  endDebug(): void {
    if (this.currentState !== 'paused') return;
    this.bridge.debugEnd();
    const finished = this.snapshot?.reason === 'finished';
    this.endDebugSession();
    this.finish(finished ? { kind: 'finished', status: this.snapshot?.status ?? 0, elapsedMs: NaN } : { kind: 'stopped' });
    this.setState('ready');
  }

  private paused(snapshot: Snapshot): void {
    if (this.pauseRequested) {
      // The command may have ended before the controller saw the flag; the
      // worker is idle now, so clearing it cannot lose a newer request.
      this.pauseRequested = false;
      this.bridge.clearInterrupt();
    }
    if (this.currentState === 'stopping') {
      // The interrupt ended the command; the session goes with it.
      this.bridge.debugEnd();
      this.endDebugSession();
      this.finish({ kind: 'stopped' });
      this.setState('ready');
      return;
    }
    this.snapshot = snapshot;
    this.transcript.showUpTo(snapshot.outputLength);
    const queued = this.queued;
    this.queued = null;
    this.setState('paused');
    this.bus.emit('paused', snapshot);
    if (queued && !(queued.kind === 'goto' && queued.step === snapshot.step)) this.command('', queued);
  }

  private endDebugSession(): void {
    this.debugSession = false;
    this.pauseRequested = false;
    this.program = null;
    this.snapshot = null;
    this.queued = null;
    this.bus.emit('debug-ended');
  }

  stop(): void {
    if (this.currentState === 'paused') {
      this.endDebug();
      return;
    }
    if (this.currentState !== 'running' && this.currentState !== 'stepping') return;
    this.stopRequestedAt = performance.now();
    this.setState('stopping');
    if (this.bridge.interrupt()) {
      this.graceTimer = window.setTimeout(() => this.kill(), INTERRUPT_GRACE_MS);
    } else {
      this.kill();
    }
  }

  /** Without shared memory the only way to stop a blocked worker is to end it. */
  private kill(): void {
    if (this.debugSession) this.endDebugSession();
    this.bus.emit('output', { stream: 2, text: 'KeyboardInterrupt\n' });
    this.finish({ kind: 'stopped' });
    this.restart();
  }

  private restart(): void {
    this.threadEvents.stop();
    if (this.debugSession) this.endDebugSession();
    this.bridge.terminate();
    this.setState('loading');
    this.bridge = this.spawn();
  }

  private finish(result: RunResult): void {
    window.clearTimeout(this.graceTimer);
    if (this.stopRequestedAt !== null) {
      this.stopLatency = performance.now() - this.stopRequestedAt;
      this.stopRequestedAt = null;
    }
    this.bus.emit('run-finished', result);
  }

  private setState(state: VmState): void {
    this.currentState = state;
    this.bus.emit('vm-state', state);
  }
}

/** Commands that can leave a finished program (it stays at its last step otherwise). */
function rewinds(command: DebugCommand): boolean {
  return command.kind === 'back' || command.kind === 'goto';
}
