// The animated run: one instruction step, a pause long enough to watch it,
// the next step, at the speed the slider sets. It stops by itself where a
// plain Continue would stop (a breakpoint line is entered, the step budget ran
// out, the program finished) and whenever the session ends.
import type { Breakpoint, Snapshot } from '../vm/debug-protocol';
import type { AppBus } from './events';

export const DEFAULT_SPEED = 4; // steps per second
export const MAX_SPEED = 30;

export class Autoplay {
  private on = false;
  private speed = DEFAULT_SPEED;
  private timer: number | undefined;
  private breakpointLines = new Set<number>();
  private lastLine: number | null = null;

  constructor(private readonly bus: AppBus) {
    bus.on('autoplay-requested', (on) => (on ? this.start() : this.stop()));
    bus.on('speed-changed', (speed) => { this.speed = Math.min(MAX_SPEED, Math.max(1, speed)); });
    bus.on('breakpoints-changed', (list: Breakpoint[]) => {
      this.breakpointLines = new Set(list.map((b) => b.line));
    });
    bus.on('paused', (snapshot) => this.paused(snapshot));
    bus.on('debug-ended', () => this.stop());
    bus.on('stop-requested', () => this.stop());
  }

  playing(): boolean {
    return this.on;
  }

  private start(): void {
    if (this.on) return;
    this.on = true;
    this.bus.emit('autoplay-changed', true);
    this.step();
  }

  private stop(): void {
    window.clearTimeout(this.timer);
    if (!this.on) return;
    this.on = false;
    this.bus.emit('autoplay-changed', false);
  }

  private step(): void {
    this.bus.emit('debug-command-requested', { kind: 'step-instruction' });
  }

  private paused(snapshot: Snapshot): void {
    const enteredBreakpoint =
      snapshot.line !== null && snapshot.line !== this.lastLine && this.breakpointLines.has(snapshot.line);
    this.lastLine = snapshot.line;
    // 'start' is the session opening; the session sends the first step itself.
    if (!this.on || snapshot.reason === 'start') return;
    if (snapshot.reason !== 'step' || enteredBreakpoint) {
      this.stop();
      return;
    }
    window.clearTimeout(this.timer);
    this.timer = window.setTimeout(() => { if (this.on) this.step(); }, 1000 / this.speed);
  }
}
