// Brings a plain run's thread events onto the bus for the threads pane: polled from
// shared memory while the program runs (threaded build), then all of them once it
// ends (both builds: the worker copies them out just before 'done').
import { decodeRecords, type LiveThreadEvents } from '../vm/thread-events';
import type { AppBus } from './events';

// Often enough for the lanes to look live; each poll copies only the new records.
const POLL_MS = 100;

export class ThreadEventFeed {
  private timer: number | undefined;

  constructor(private readonly bus: AppBus) {}

  /** A run is about to be sent to the worker; `live` is absent without shared memory. */
  start(live: LiveThreadEvents | undefined): void {
    this.stop();
    if (!live) return;
    live.begin();
    this.timer = window.setInterval(() => {
      const { words, dropped } = live.poll();
      if (words.length > 0) this.bus.emit('thread-events', { records: decodeRecords(words), whole: false, dropped });
    }, POLL_MS);
  }

  /** Every event of the run that ended: it replaces what the polls delivered. */
  finish(words: Uint32Array, dropped: number): void {
    this.stop();
    this.bus.emit('thread-events', { records: decodeRecords(words), whole: true, dropped });
  }

  /** The run ended without its events (the worker was killed): keep what was shown. */
  stop(): void {
    window.clearInterval(this.timer);
    this.timer = undefined;
  }
}
