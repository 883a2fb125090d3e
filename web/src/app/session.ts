// The run state machine: loading -> ready -> running -> (stopping ->) ready.
// Owns the VM bridge and replaces it when the worker has to die (Stop in the
// single-threaded build, a crashed module). Reports everything on the bus.
import { VmBridge } from '../vm/bridge';
import type { AppBus, Build, RunResult, VmState } from './events';

const FILENAME = 'main.py';
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

  constructor(private readonly bus: AppBus) {
    this.bridge = this.spawn();
  }

  // Read-only views for the status bar and the test hooks.
  state(): VmState { return this.currentState; }
  build(): Build | null { return this.currentBuild; }
  lastStopLatencyMs(): number | null { return this.stopLatency; }

  private spawn(): VmBridge {
    return new VmBridge({
      ready: ({ threaded, version }) => {
        this.currentBuild = threaded ? 'threaded' : 'single-threaded';
        this.bus.emit('vm-ready', { build: this.currentBuild, version });
        this.setState('ready');
      },
      output: (stream, text) => this.bus.emit('output', { stream, text }),
      done: (status, elapsedMs) => {
        const stopped = this.stopRequestedAt !== null && status === 130;
        this.finish(stopped ? { kind: 'stopped' } : { kind: 'finished', status, elapsedMs });
        this.setState('ready');
      },
      error: (message) => {
        if (this.currentState === 'loading') {
          this.bus.emit('vm-load-failed', { message });
          return;
        }
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
    this.bridge.run(source, FILENAME);
  }

  stop(): void {
    if (this.currentState !== 'running') return;
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
    this.bus.emit('output', { stream: 2, text: 'KeyboardInterrupt\n' });
    this.finish({ kind: 'stopped' });
    this.restart();
  }

  private restart(): void {
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
